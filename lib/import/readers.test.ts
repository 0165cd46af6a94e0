import { describe, expect, it } from 'vitest';
import { readConfluence } from './confluence';
import { readFolder } from './folder';
import { readGuru } from './guru';
import { fixtureFiles } from './test-fixtures';
import { readZendesk } from './zendesk';

describe('readZendesk', () => {
  const { documents, problems } = readZendesk(fixtureFiles('zendesk'));

  it('reads every article of every page, with provenance from the API fields', () => {
    expect(problems).toEqual([]);
    expect(documents.map((d) => d.sourceId)).toEqual([
      '360004412002',
      '360004412001',
      '360004412003',
      '360004412004',
      '360004412005',
    ]);
    expect(documents[0]).toMatchObject({
      system: 'zendesk',
      url: 'https://northwind.zendesk.com/hc/en-us/articles/360004412002-How-do-I-issue-a-partial-refund',
      updatedAt: '2026-02-11T16:02:45Z',
      title: 'How do I issue a partial refund?',
      owner: 'maria.lopez@northwind.example',
      file: 'articles-page-1.json',
      line: 4,
    });
  });

  it('tags an article with its category, section (side-loaded on another page) and labels', () => {
    expect(documents[3]?.tags).toEqual(['Support desk', 'Policies']);
    expect(documents[0]?.tags).toEqual([
      'Support desk',
      'Agent how-tos',
      'refunds',
      'billing',
      'tier 1',
    ]);
  });

  it('recognises links to articles in help-centre, short and API form', () => {
    const key = documents[0]!.linkKey;
    expect(key('https://northwind.zendesk.com/hc/en-us/articles/360004412001-Refund-policy')).toBe(
      'zendesk:360004412001',
    );
    expect(key('/hc/articles/360004412003')).toBe('zendesk:360004412003');
    expect(key('https://x.zendesk.com/api/v2/help_center/articles/42.json')).toBe('zendesk:42');
    expect(key('https://northwind.example/hc/en-us/sections/1')).toBeUndefined();
  });

  it('reports a file that is not an articles response, and one that is not JSON, by name', () => {
    const bad = readZendesk([
      { path: 'users.json', text: '{"users": []}' },
      { path: 'broken.json', text: '{"articles": [' },
    ]);
    expect(bad.problems.map((p) => `${p.file}:${p.line}`)).toEqual([
      'users.json:1',
      'broken.json:1',
    ]);
    expect(bad.problems[0]?.message).toMatch(/expected "articles" or "article"/);
  });
});

describe('readConfluence', () => {
  const file = fixtureFiles('confluence-space').find((f) => f.path === 'entities.xml')!;
  const { documents, problems } = readConfluence(file, {
    baseUrl: 'https://northwind.atlassian.net/wiki/',
  });

  it('reads the current pages only: no historical versions, drafts or trashed pages', () => {
    expect(problems).toEqual([]);
    expect(documents.map((d) => [d.sourceId, d.title])).toEqual([
      ['98305', 'Support Handbook'],
      ['98306', 'Escalation process'],
      ['98307', 'On-call rota'],
    ]);
  });

  it('keeps provenance, labels, the creator and the line where the body starts', () => {
    expect(documents[1]).toMatchObject({
      url: 'https://northwind.atlassian.net/wiki/spaces/SUP/pages/98306',
      updatedAt: '2026-02-27T08:15:30.000Z',
      owner: 'maria.lopez@northwind.example',
      tags: ['Support Handbook', 'incidents', 'on-call'],
      line: 74,
    });
  });

  it('reports XML that does not parse with its line', () => {
    const bad = readConfluence({
      path: 'entities.xml',
      text: '<hibernate-generic>\n<object>\n</hibernate-generic>',
    });
    expect(bad.problems[0]).toMatchObject({ file: 'entities.xml', line: 3 });
  });
});

describe('readGuru', () => {
  const { documents, problems } = readGuru(fixtureFiles('guru-collection'));

  it('reads each card with its Markdown or HTML content, folder titles and tags', () => {
    expect(problems).toEqual([]);
    expect(documents.map((d) => [d.title, d.tags])).toEqual([
      ['Start a return in under a minute', ['Returns desk', 'Returns', 'Onboarding']],
      ['Returns FAQ', []],
      ['Late returns', ['Returns desk', 'Returns']],
    ]);
    expect(documents[0]?.url).toBe(
      'https://app.getguru.com/card/iX4LdE4T/Start-a-return-in-under-a-minute',
    );
  });

  it('reports a card without content beside it', () => {
    const bad = readGuru([{ path: 'cards/x.yaml', text: 'Title: Lonely card\n' }]);
    expect(bad.problems[0]?.message).toBe('card "Lonely card" has no x.html or .md beside it');
  });
});

describe('readFolder', () => {
  it('titles HTML pages by <title> or <h1> and tags them with their folder', () => {
    const { documents } = readFolder('html', fixtureFiles('html-site'));
    expect(documents.map((d) => [d.sourceId, d.title, d.tags])).toEqual([
      ['billing/invoices.html', 'Invoices', ['billing']],
      ['billing/refunds.html', 'Refunds', ['billing']],
      ['index.html', 'Billing help', []],
    ]);
  });

  it('reads Markdown front matter (title, tags, updated_at), else the leading heading', () => {
    const { documents } = readFolder('markdown', fixtureFiles('markdown-wiki'));
    expect(documents.map((d) => [d.title, d.tags, d.updatedAt])).toEqual([
      ['Support wiki', [], undefined],
      ['Escalations', ['guides'], undefined],
      ['Set up your support desk', ['guides', 'onboarding', 'tooling'], '2026-01-15T10:00:00Z'],
    ]);
  });

  it('maps relative links to the linked file, from any folder depth', () => {
    const { documents } = readFolder('markdown', fixtureFiles('markdown-wiki'));
    const setup = documents.find((d) => d.sourceId === 'guides/setup.md')!;
    expect(setup.linkKey('../Home.md')).toBe('path:Home.md');
    expect(setup.linkKey('escalations.md#when')).toBe('path:guides/escalations.md');
    expect(setup.linkKey('https://example.com/Home.md')).toBeUndefined();
  });
});
