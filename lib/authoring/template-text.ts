import type { Template } from '@/lib/content-model';

/** Shorter template text is a heading or a label, not an example to replace. */
const MIN_WORDS = 5;

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** The string leaves of a value, with their paths (`steps.0.body`). */
function leaves(value: unknown, path: string[] = []): { path: string; text: string }[] {
  if (typeof value === 'string') return [{ path: path.join('.'), text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, String(i)]));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [];
}

/**
 * The example text a template puts in a new item: each line of its body and each string of its
 * fields long enough to be prose (headings and labels are kept as they are, they are structure).
 */
export function templateExamples(template: Pick<Template, 'body' | 'fields'>): string[] {
  const lines = template.body
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => !line.startsWith('#'));
  const strings = leaves(template.fields).map((leaf) => leaf.text.trim());
  return [...new Set([...lines, ...strings])].filter((text) => words(text) >= MIN_WORDS);
}

/**
 * Where a draft still holds a template's example text unchanged: one problem per field, naming
 * the start of the text to replace.
 */
export function leftoverExamples(
  fields: Record<string, unknown>,
  examples: readonly string[],
): { path: string; message: string }[] {
  if (examples.length === 0) return [];
  return leaves(fields).flatMap(({ path, text }) => {
    const left = examples.find((example) => text.includes(example));
    if (left === undefined || path === '') return [];
    const quote = left.length > 60 ? `${left.slice(0, 57)}…` : left;
    return [
      { path, message: `still has the template’s example text (“${quote}”): write your own` },
    ];
  });
}
