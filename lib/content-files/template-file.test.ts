import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { articleTemplates } from '@/lib/content-model';
import { buildBundle } from './bundle';
import { loadContent } from './load';
import { formatProblem } from './problem';

const ROOT = join(import.meta.dirname, '..', '..');

const tipTemplate = (front: string, body = 'Say what to choose and why.') =>
  `---\nname: Tip on a field\nitem_type: tip\n${front}---\n${body}\n`;

const lessonTemplate = `---
name: Micro-lesson
item_type: lesson
verify_days: 120
fields:
  objectives: [Do the task]
  steps:
    - title: Open the screen
      body: Say where to go.
  questions:
    - id: check
      prompt: Which?
      kind: single
      choices: [{ id: a, text: A }, { id: b, text: B }]
      correct: [a, b]
      explanation: Because.
---
Why this matters.
`;

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function load(files: Record<string, string>) {
  dir = mkdtempSync(join(tmpdir(), 'waymark-templates-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  const content = await loadContent(dir);
  const problems = content.problems.map((p) =>
    formatProblem({ ...p, file: relative(dir, join(process.cwd(), p.file)) }),
  );
  return { content, problems };
}

describe('loading content/templates', () => {
  it('loads a template with its id from the file name, its defaults and its body', async () => {
    const { content, problems } = await load({ 'templates/field-tip.md': tipTemplate('') });
    expect(problems).toEqual([]);
    expect(content.templates.map((t) => t.value)).toEqual([
      {
        id: 'field-tip',
        name: 'Tip on a field',
        description: '',
        item_type: 'tip',
        verify_days: 90,
        fields: {},
        body: 'Say what to choose and why.\n',
      },
    ]);
  });

  it('reports unknown fields and bad values at their lines', async () => {
    const { problems } = await load({
      'templates/field-tip.md': tipTemplate('colour: blue\nverify_days: 0\n'),
    });
    expect(problems).toEqual([
      'templates/field-tip.md:4: unknown field "colour"',
      'templates/field-tip.md:5: verify_days: Too small: expected number to be >=1',
    ]);
  });

  it('reports, at the field that causes it, what would make an item from the template invalid', async () => {
    const { problems } = await load({
      'templates/field-tip.md': tipTemplate(
        'fields:\n  template: how-to\n  placement: sideways\n  status: published\n',
        'x'.repeat(1300),
      ),
      'templates/micro-lesson.md': lessonTemplate,
    });
    expect(problems).toEqual([
      'templates/field-tip.md:5: unknown field "fields.template"',
      expect.stringMatching(/^templates\/field-tip\.md:6: fields\.placement: Invalid option/),
      'templates/field-tip.md:7: fields.status: not a template field: the server sets it',
      'templates/field-tip.md:9: body: a tip body is at most 1200 characters',
      'templates/micro-lesson.md:15: fields.questions[0].correct: a single-choice question has exactly one correct choice',
    ]);
  });

  it('reports an article template without a body skeleton at the body line', async () => {
    const { problems } = await load({
      'templates/how-to.md':
        '---\nname: How-to\nitem_type: article\nfields: { template: how-to }\n---\n',
    });
    expect(problems).toEqual(['templates/how-to.md:6: body: an article needs a body']);
  });

  it('reports a duplicate id and two templates of one type with one name', async () => {
    const { problems } = await load({
      'templates/a.md': tipTemplate(''),
      'templates/b.md': tipTemplate(''),
      'templates/more/a.md': tipTemplate('').replace('Tip on a field', 'Another tip'),
    });
    expect(problems).toEqual([
      expect.stringMatching(
        /^templates\/b\.md:2: another tip template is named "Tip on a field" \(.*templates\/a\.md:2\); authors pick templates by name$/,
      ),
      expect.stringMatching(
        /^templates\/more\/a\.md:2: duplicate template id "a" \(also used by .*templates\/a\.md:2\)$/,
      ),
    ]);
  });

  it('reports an unsafe link in a lesson step and a file that is not Markdown', async () => {
    const { problems } = await load({
      'templates/micro-lesson.md': lessonTemplate
        .replace('correct: [a, b]', 'correct: [a]')
        .replace('Say where to go.', '"[go](javascript:alert(1))"'),
      'templates/notes.txt': 'not a template',
    });
    expect(problems).toEqual([
      'templates/micro-lesson.md:9: unsafe link scheme "javascript:" (only http, https and mailto links are allowed)',
      'templates/notes.txt:1: templates/ holds Markdown files (.md)',
    ]);
  });

  it('keeps templates out of the bundle', async () => {
    const { content } = await load({ 'templates/field-tip.md': tipTemplate('') });
    expect(Object.keys(buildBundle(content))).not.toContain('templates');
  });
});

describe("the repository's templates", () => {
  it('cover every article kind, a tip on an element, a tip on a screen, a lesson, a path and two announcements', async () => {
    const { templates, problems } = await loadContent(join(ROOT, 'content'));
    expect(problems).toEqual([]);
    const kinds = templates.map(({ value: t }) =>
      t.item_type === 'article' ? `article:${String(t.fields.template)}` : t.item_type,
    );
    expect(kinds.sort()).toEqual(
      [
        ...articleTemplates.map((k) => `article:${k}`),
        'announcement',
        'announcement',
        'lesson',
        'path',
        'tip',
        'tip',
      ].sort(),
    );
    const announcements = templates
      .filter((t) => t.value.item_type === 'announcement')
      .map((t) => t.value.fields.acknowledge);
    expect(announcements.sort()).toEqual([false, true]);
    const tips = templates.filter((t) => t.value.item_type === 'tip').map((t) => t.value.fields);
    expect(tips).toContainEqual({ placement: 'auto' });
    expect(tips).toContainEqual({});
  });
});
