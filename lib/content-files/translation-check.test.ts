import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadContent } from './load';
import { formatProblem } from './problem';

const item = (id: string, type: 'article' | 'tip', extra = '') => `---
id: ${id}
type: ${type}
${type === 'article' ? 'template: how-to\n' : ''}title: Reset a password
owner: ops@example.com
status: published
verify_by: 2027-01-01
updated_at: 2026-11-01
version: 1
${extra}---
Body.
`;

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function problemsOf(files: Record<string, string>): Promise<string[]> {
  dir = mkdtempSync(join(tmpdir(), 'waymark-locale-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  const content = await loadContent(dir);
  return content.problems.map((p) =>
    formatProblem({ ...p, file: relative(dir, join(process.cwd(), p.file)) }),
  );
}

const APP = `name: Desk
hosts: ['*.desk.example']
screens:
  - id: ticket
    name: Ticket
    match: { path: '^/tickets' }
`;
const source = { 'apps/desk.yaml': APP, 'articles/reset.md': item('reset', 'article') };

describe('content check of language versions', () => {
  it('accepts a source with German and French translations', async () => {
    expect(
      await problemsOf({
        ...source,
        'articles/reset-de.md': item('reset-de', 'article', 'locale: de\ntranslation_of: reset\n'),
        'articles/reset-fr.md': item('reset-fr', 'article', 'locale: fr\ntranslation_of: reset\n'),
      }),
    ).toEqual([]);
  });

  it('reports a tag that is not BCP 47, and one written in a non-canonical form', async () => {
    expect(
      await problemsOf({
        'articles/a.md': item('a', 'article', 'locale: deutsch-de-x\n'),
        'articles/b.md': item('b', 'article', 'locale: pt-br\n'),
      }),
    ).toEqual([
      'articles/a.md:11: locale: "deutsch-de-x" is not a BCP 47 language tag (e.g. "de", "fr-CA", "pt-BR")',
      'articles/b.md:11: locale: write the language tag as "pt-BR"',
    ]);
  });

  it('reports a missing source, a source of another type, a chain and a self-link', async () => {
    expect(
      await problemsOf({
        ...source,
        'articles/de.md': item('de', 'article', 'locale: de\ntranslation_of: reset\n'),
        'articles/gone.md': item('gone', 'article', 'locale: de\ntranslation_of: nowhere\n'),
        'tips/tip-fr.md': item(
          'tip-fr',
          'tip',
          'targeting:\n  apps: [desk]\nlocale: fr\ntranslation_of: reset\n',
        ),
        'articles/chain.md': item('chain', 'article', 'locale: fr\ntranslation_of: de\n'),
        'articles/self.md': item('self', 'article', 'translation_of: self\n'),
      }),
    ).toEqual([
      'articles/chain.md:12: translation_of: "de" is itself a translation of "reset"; name that source instead',
      'articles/gone.md:12: translation_of: no item "nowhere"',
      'articles/self.md:11: translation_of: an item cannot be a translation of itself',
      'tips/tip-fr.md:13: translation_of: "reset" is an article, but a translation keeps its source\'s type (tip)',
    ]);
  });

  it('reports two versions of one item in the same language', async () => {
    const problems = await problemsOf({
      ...source,
      'articles/de-1.md': item('de-1', 'article', 'locale: de\ntranslation_of: reset\n'),
      'articles/de-2.md': item('de-2', 'article', 'locale: de\ntranslation_of: reset\n'),
      'articles/again.md': item('again', 'article', 'translation_of: reset\n'),
    });
    expect(problems).toEqual([
      expect.stringMatching(
        /^articles\/de-2\.md:11: "de-2" and "de-1" \(.*de-1\.md\) are both the "de" version of "reset"$/,
      ),
      expect.stringMatching(
        /^articles\/reset\.md:2: "reset" and "again" \(.*again\.md\) are both the default-language version of "reset"$/,
      ),
    ]);
  });
});
