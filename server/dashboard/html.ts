/**
 * A tiny HTML builder for the dashboard's server-rendered pages: every interpolated value is
 * escaped unless it is already `Html` (built by `h`), so text from content, queries and slugs can
 * never become markup. Arrays are joined; `undefined` and `false` render nothing.
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type Part = Html | string | number | boolean | undefined | readonly Part[];

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

function render(part: Part): string {
  if (part instanceof Html) return part.value;
  if (Array.isArray(part)) return part.map(render).join('');
  if (part === undefined || part === false) return '';
  return escapeHtml(String(part));
}

/** `h\`<p>${text}</p>\``: markup with its values escaped. */
export function h(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}
