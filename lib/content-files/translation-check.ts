import type { Item } from '@/lib/content-model';
import type { Located } from './parse';
import type { Problem } from './problem';

/**
 * Problems in how language versions link: a `translation_of` naming no item, an item of another
 * type, or an item that is itself a translation (versions hang off one source item); and two
 * versions of one item in the same language (no `locale` is the organisation's default).
 * `byId` holds the first item of each id (duplicates are reported elsewhere).
 */
export function checkTranslations(
  items: readonly Located<Item>[],
  byId: ReadonlyMap<string, Located<Item>>,
): Problem[] {
  const problems: Problem[] = [];
  const versions = new Map<string, Located<Item>>();
  for (const located of items) {
    const { value: item } = located;
    const source = item.translation_of;
    if (source !== undefined) {
      const message = sourceProblem(item, byId.get(source)?.value);
      if (message !== undefined) {
        problems.push({ file: located.file, line: located.lineOf(['translation_of']), message });
        continue;
      }
    }
    const key = `${source ?? item.id}\u0000${item.locale ?? ''}`;
    const earlier = versions.get(key);
    if (earlier === undefined) versions.set(key, located);
    else if (earlier.value.id !== item.id)
      problems.push({
        file: located.file,
        line: located.lineOf(item.locale === undefined ? ['id'] : ['locale']),
        message: `"${item.id}" and "${earlier.value.id}" (${earlier.file}) are both the ${languageOf(item)} version of "${source ?? item.id}"`,
      });
  }
  return problems;
}

function sourceProblem(item: Item, source: Item | undefined): string | undefined {
  const id = item.translation_of;
  if (source === undefined) return `translation_of: no item "${id}"`;
  if (source.type !== item.type)
    return `translation_of: "${id}" is ${aOrAn(source.type)}, but a translation keeps its source's type (${item.type})`;
  if (source.translation_of !== undefined)
    return `translation_of: "${id}" is itself a translation of "${source.translation_of}"; name that source instead`;
  return undefined;
}

const languageOf = (item: Item) =>
  item.locale === undefined ? 'default-language' : `"${item.locale}"`;

const aOrAn = (word: string) => `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;
