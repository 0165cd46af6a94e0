import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildBundle } from './bundle';
import { loadContent } from './load';
import { formatProblem } from './problem';

const APP = `name: Desk
hosts: ['*.desk.example']
screens:
  - id: ticket
    name: Ticket
    match: { path: '^/tickets/(?<id>\\d+)' }
    record: { type: ticket, id: '{id}' }
    context: { subject: ['h1'] }
`;

const article = (id: string, extra = '') => `---
id: ${id}
type: article
template: how-to
title: Refund an order
summary: How to refund.
targeting:
  apps: [desk]
  screens: ['desk:ticket']
owner: ops@example.com
status: published
verify_by: 2027-01-01
updated_at: 2026-11-01
version: 1
${extra}---
Body text with [a link](https://example.com).
`;

const lesson = `---
id: first-lesson
type: lesson
title: First lesson
owner: ops@example.com
status: published
verify_by: 2027-01-01
updated_at: 2026-11-01
version: 1
objectives: [Know the ticket screen]
steps:
  - title: Open a ticket
    body: Click a ticket.
    done_when: { screen: 'desk:ticket' }
questions:
  - id: q1
    prompt: Where?
    kind: single
    choices: [{ id: a, text: Here }, { id: b, text: There }]
    correct: [a]
    explanation: Here it is.
---
Intro.
`;

const path = (lessons: string) => `---
id: week-one
type: path
title: Week one
owner: ops@example.com
status: published
verify_by: 2027-01-01
updated_at: 2026-11-01
version: 1
lessons: ${lessons}
---
`;

let dir: string;
function makeContent(files: Record<string, string>): string {
  dir = mkdtempSync(join(tmpdir(), 'waymark-content-'));
  for (const [name, text] of Object.entries(files)) {
    const file = join(dir, name);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return dir;
}

afterEach(() => rmSync(dir, { recursive: true, force: true }));

const good = {
  'apps/desk.yaml': APP,
  'articles/refund-an-order.md': article('refund-an-order'),
  'lessons/first-lesson.md': lesson,
  'paths/week-one.md': path('[first-lesson]'),
};

async function problemsOf(files: Record<string, string>): Promise<string[]> {
  const root = makeContent(files);
  const content = await loadContent(root);
  return content.problems.map((p) =>
    formatProblem({ ...p, file: relative(root, join(process.cwd(), p.file)) }),
  );
}

describe('loadContent', () => {
  it('loads valid content with no problems', async () => {
    const content = await loadContent(makeContent(good));
    expect(content.problems).toEqual([]);
    expect(content.apps.map((a) => a.value.id)).toEqual(['desk']);
    expect(content.items.map((i) => `${i.value.type}:${i.value.id}`)).toEqual([
      'article:refund-an-order',
      'lesson:first-lesson',
      'path:week-one',
    ]);
    expect(content.items[0]?.value.body).toBe('Body text with [a link](https://example.com).\n');
  });

  it('reports every broken file with its line, all in one run', async () => {
    const problems = await problemsOf({
      ...good,
      'articles/refund-an-order.md': article('refund-an-order', 'colour: blue\n'),
      'articles/second.md': article('second').replace('status: published', 'status: live'),
      'articles/third.md': article('third').replace('verify_by: 2027-01-01\n', ''),
      'paths/week-one.md': path('[first-lesson, no-such-lesson]'),
    });
    expect(problems).toEqual([
      'articles/refund-an-order.md:15: unknown field "colour"',
      expect.stringMatching(/^articles\/second\.md:11: status: /),
      'articles/third.md:2: verify_by: a published item needs a verify_by date (YYYY-MM-DD)',
      'paths/week-one.md:10: lessons: no lesson "no-such-lesson"',
    ]);
  });

  it('reports malformed YAML and a missing front matter with their lines', async () => {
    const problems = await problemsOf({
      ...good,
      'articles/bad-yaml.md': '---\nid: bad-yaml\ntitle: [unclosed\n---\nbody\n',
      'articles/no-front.md': '# Just Markdown\n',
    });
    expect(problems).toContainEqual(expect.stringMatching(/^articles\/bad-yaml\.md:[34]: YAML: /));
    expect(problems).toContain(
      'articles/no-front.md:1: the file must start with a "---" line opening the YAML front matter',
    );
  });

  it('reports duplicate ids, unknown apps and screens, a mismatched id and unsafe links', async () => {
    const problems = await problemsOf({
      ...good,
      'tips/refund-an-order.md': article('refund-an-order').replace(
        'type: article\ntemplate: how-to\n',
        'type: tip\n',
      ),
      'articles/wrong-name.md': article('other-name'),
      'articles/bad-target.md': article('bad-target').replace(
        "screens: ['desk:ticket']",
        "screens: ['desk:nowhere', 'crm:case']",
      ),
      'articles/unsafe.md': article('unsafe') + '\n[click](javascript:alert(1))\n',
    });
    expect(problems).toEqual([
      'articles/bad-target.md:9: screen "desk:nowhere": app "desk" has no screen "nowhere" (it has ticket)',
      'articles/bad-target.md:9: screen "crm:case": no app "crm" in content/apps/',
      'articles/unsafe.md:18: unsafe link scheme "javascript:" (only http, https and mailto links are allowed)',
      'articles/wrong-name.md:2: id "other-name" must equal the file name "wrong-name"',
      expect.stringMatching(
        /^tips\/refund-an-order\.md:2: duplicate id "refund-an-order" \(also used by .*articles\/refund-an-order\.md:2\)$/,
      ),
    ]);
  });

  it('reports an invalid regular expression in an app without cascading into the items that use it', async () => {
    const problems = await problemsOf({
      ...good,
      'apps/desk.yaml': APP.replace("(?<id>\\d+)'", "(?<id>\\d+'"),
    });
    expect(problems).toEqual([
      expect.stringMatching(
        /^apps\/desk\.yaml:6: screens\[0\]\.match\.path: not a valid regular expression: /,
      ),
    ]);
  });

  it('reports an invalid CSS selector in a context extractor', async () => {
    const problems = await problemsOf({
      ...good,
      'apps/desk.yaml': APP.replace("['h1']", "['h1[']"),
    });
    expect(problems).toEqual([
      'apps/desk.yaml:8: invalid CSS selector "h1[": Invalid selector h1[',
    ]);
  });

  it('builds a bundle of apps and items in registry order', async () => {
    const content = await loadContent(makeContent(good));
    const bundle = buildBundle(content, new Date('2026-11-28T00:00:00Z'));
    expect(bundle.generated_at).toBe('2026-11-28T00:00:00.000Z');
    expect(bundle.items.map((i) => i.type)).toEqual(['article', 'lesson', 'path']);
    expect(JSON.parse(JSON.stringify(bundle))).toEqual(bundle);
  });

  it('refuses to build a bundle from content with problems', async () => {
    const content = await loadContent(
      makeContent({ ...good, 'paths/week-one.md': path('[missing]') }),
    );
    expect(() => buildBundle(content)).toThrow(/1 problem/);
  });
});
