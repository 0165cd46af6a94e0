import { describe, expect, it } from 'vitest';
import { itemSchema } from '@/lib/content-model';
import { buildIndex } from './index';
import { itemToSearchDoc, stripMarkdown } from './item-to-doc';

describe('stripMarkdown', () => {
  it('returns the words without Markdown syntax', () => {
    const text = stripMarkdown(
      '## Steps\n\n1. Open **Settings** and _Accounts_\n- See [the guide](https://x.example)\n\n```sh\nrun it\n```\n| a | b |\n|---|---|',
    );
    expect(text).not.toMatch(/[#*_[\]()|`]/);
    expect(text).toContain('Open Settings and Accounts');
    expect(text).toContain('See the guide');
    expect(text).toContain('run it');
  });
});

describe('itemToSearchDoc', () => {
  const base = {
    owner: 'support-ops',
    status: 'published',
    verify_by: '2030-01-01',
    updated_at: '2025-01-01',
    version: 1,
  };

  it('returns objectives and step titles and bodies in the body when given a lesson', () => {
    const lesson = itemSchema.parse({
      ...base,
      type: 'lesson',
      id: 'refund-basics',
      title: 'Refund basics',
      summary: 'Learn refunds',
      objectives: ['Issue a partial refund'],
      steps: [{ title: 'Open the order', body: 'Click **Orders**.' }],
      targeting: { apps: ['zendesk'], screens: [], roles: ['agent'], teams: [] },
    });
    const doc = itemToSearchDoc(lesson);
    expect(doc.body).toContain('Issue a partial refund');
    expect(doc.body).toContain('Open the order');
    expect(doc.body).toContain('Click Orders.');
    expect(doc).toMatchObject({
      id: 'refund-basics',
      type: 'lesson',
      apps: ['zendesk'],
      roles: ['agent'],
    });
  });

  it('returns the Markdown-stripped body, summary and tags when given an article', () => {
    const article = itemSchema.parse({
      ...base,
      type: 'article',
      template: 'how-to',
      id: 'reset-password',
      title: 'Reset a password',
      summary: 'For locked-out users',
      tags: ['identity'],
      body: '# Reset\n\nUse the **admin center**.',
    });
    expect(itemToSearchDoc(article)).toMatchObject({
      title: 'Reset a password',
      summary: 'For locked-out users',
      tags: ['identity'],
      body: 'Reset\n\nUse the admin center.',
    });
  });

  it("indexes an author's synonyms with the tags, so a learner's word finds the item", () => {
    const article = itemSchema.parse({
      ...base,
      type: 'article',
      template: 'how-to',
      id: 'merge-records',
      title: 'Merge duplicate records',
      tags: ['crm'],
      synonyms: ['dedupe', 'same customer twice'],
      body: 'Pick the record to keep.',
    });
    const other = itemSchema.parse({ ...article, id: 'keep-records', synonyms: undefined });
    expect(itemToSearchDoc(article).tags).toEqual(['crm', 'dedupe', 'same customer twice']);
    const index = buildIndex([itemToSearchDoc(article), itemToSearchDoc(other)]);
    expect(index.search('dedupe').map((h) => h.id)).toEqual(['merge-records']);
  });

  it('refuses a synonym longer than 60 characters, naming the field', () => {
    const result = itemSchema.safeParse({
      ...base,
      type: 'article',
      template: 'how-to',
      id: 'too-long',
      title: 'Too long a synonym',
      synonyms: ['x'.repeat(61)],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['synonyms', 0]);
  });
});
