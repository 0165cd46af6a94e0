import { describe, expect, it } from 'vitest';
import { article } from '@/lib/db/test-support';
import { validatePage } from './validate-page';

describe('validatePage', () => {
  it('keeps an item from a newer server, dropping the top-level fields it does not know', () => {
    const log: string[] = [];
    const page = validatePage(
      {
        items: [
          { ...article('newer'), reading_level: 'b1', audio: { url: 'x' } },
          article('plain'),
        ],
        apps: [],
        deleted: [],
        cursor: 'e.1',
        more: false,
      },
      (line) => log.push(line),
    );
    expect(page.items.map((i) => i.id)).toEqual(['newer', 'plain']);
    expect(page.items[0]).not.toHaveProperty('reading_level');
    expect(log).toEqual([
      'Waymark sync: ignored item field(s) this version does not know: audio, reading_level (the server is newer)',
    ]);
  });

  it('still skips an item whose known fields are wrong, naming the field', () => {
    const log: string[] = [];
    const page = validatePage(
      {
        items: [{ ...article('bad'), title: 'x' }, article('good')],
        apps: [],
        deleted: [],
        cursor: 'e.1',
        more: false,
      },
      (line) => log.push(line),
    );
    expect(page.items.map((i) => i.id)).toEqual(['good']);
    expect(log).toEqual([
      'Waymark sync: skipped item "bad" from the feed: field "title": must be at least 3 characters',
    ]);
  });
});
