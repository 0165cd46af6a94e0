import { describe, expect, it } from 'vitest';
import { buildIndex, type SearchDoc } from './index';

/** A synthetic corpus: every article shares filler words, and each has two distinctive ones. */
const PRODUCTS = [
  'outlook',
  'sharepoint',
  'onedrive',
  'teams',
  'excel',
  'exchange',
  'access',
  'word',
];
const PROBLEMS = [
  'crashes',
  'freezes',
  'password',
  'license',
  'calendar',
  'attachment',
  'printing',
  'permissions',
  'synchronization',
  'signature',
];
const docs: SearchDoc[] = PRODUCTS.flatMap((product) =>
  PROBLEMS.map((problem) => ({
    id: `${product}-${problem}`,
    title: `${product} ${problem} troubleshooting`,
    summary: `Fixes ${problem} issues in ${product}.`,
    body: `Users report problems. Check the settings, restart the app and contact support. ${product} ${problem}`,
  })),
);
const index = buildIndex(docs);

const queries: [string, string][] = [
  ['outlook password', 'outlook-password'],
  ['sharepont permisions', 'sharepoint-permissions'],
  ['why does excel keep crashing', 'excel-crashes'],
  ['onedrive synchronisation', 'onedrive-synchronization'],
  ['teams calender', 'teams-calendar'],
  ['how do I fix the signature in word', 'word-signature'],
  ['exchange attachmnt', 'exchange-attachment'],
  ['access print', 'access-printing'],
];

describe('search recall on a synthetic corpus', () => {
  it('returns the expected article in the top 5 for keyword, typo and question queries', () => {
    const found = queries.filter(([q, expected]) =>
      index.search(q, { limit: 5 }).some((h) => h.id === expected),
    );
    expect(found.map(([q]) => q)).toEqual(queries.map(([q]) => q));
  });
});
