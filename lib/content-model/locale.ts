import { z } from 'zod';

/**
 * A BCP 47 language tag in its canonical form ("de", "pt-BR", "zh-Hant"): checked and
 * canonicalised by the platform's own `Intl.getCanonicalLocales`, so "DE" or "pt_br" get an
 * error that says how to write them instead of a second, differently spelt language.
 */
export const localeSchema = z
  .string()
  .trim()
  .min(2)
  .max(35)
  .superRefine((tag, ctx) => {
    const canonical = canonicalLocale(tag);
    if (canonical === undefined)
      ctx.addIssue({
        code: 'custom',
        message: `"${tag}" is not a BCP 47 language tag (e.g. "de", "fr-CA", "pt-BR")`,
      });
    else if (canonical !== tag)
      ctx.addIssue({ code: 'custom', message: `write the language tag as "${canonical}"` });
  })
  .describe(
    'BCP 47 language tag of the text, e.g. "de" or "pt-BR"; absent: the organisation default',
  );

export function canonicalLocale(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

/** An item may not be a translation of itself. */
export function checkTranslation(
  item: { id: string; translation_of?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if (item.translation_of === item.id)
    ctx.addIssue({
      code: 'custom',
      path: ['translation_of'],
      message: 'an item cannot be a translation of itself',
    });
}
