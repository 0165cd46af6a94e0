import { describe, expect, it } from 'vitest';
import type { Item } from '@/lib/content-model';
import { readConfluence } from './confluence';
import { importedId } from './ids';
import { planImport, type PlanOptions } from './plan';
import { fixtureFiles, PLAN_NOW } from './test-fixtures';
import { readZendesk } from './zendesk';

const zendesk = () => readZendesk(fixtureFiles('zendesk')).documents;
const options = (over: Partial<PlanOptions> = {}): PlanOptions => ({
  status: 'draft',
  owner: 'imports@northwind.example',
  now: PLAN_NOW,
  existing: [],
  ...over,
});
const items = (existing: Item[] = [], over: Partial<PlanOptions> = {}) =>
  planImport(zendesk(), options({ existing, ...over }));

describe('importedId', () => {
  it('joins the title words and the source id, within 80 characters', () => {
    expect(importedId('zendesk', '360004412001', 'Refund policy')).toBe(
      'refund-policy-360004412001',
    );
    expect(importedId('guru', 'a1b2c3d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d', 'Día de envío')).toMatch(
      /^dia-de-envio-[0-9a-f]{8}$/,
    );
    const long = importedId('zendesk', '1', 'word '.repeat(40));
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long).toMatch(/^word(-word)+-1$/);
    expect(importedId('confluence', '98305', '日本語')).toBe('confluence-98305');
  });
});

describe('planImport', () => {
  it('plans drafts with provenance, an inferred template and the source owner', () => {
    const plan = items();
    const policy = plan.items.find((p) => p.item.source?.id === '360004412001')!;
    expect(policy.state).toBe('new');
    expect(policy.item).toMatchObject({
      id: 'refund-policy-360004412001',
      template: 'policy',
      status: 'draft',
      owner: 'sam.okafor@northwind.example',
      version: 1,
      updated_at: '2025-12-01T09:30:00Z',
      source: {
        system: 'zendesk',
        id: '360004412001',
        url: 'https://northwind.zendesk.com/hc/en-us/articles/360004412001-Refund-policy',
        updated_at: '2025-12-01T09:30:00Z',
      },
    });
    expect(policy.item.verify_by).toBeUndefined();
  });

  it('turns links between imported articles into links to their items, others into absolute URLs', () => {
    const body = items().items.find((p) => p.item.source?.id === '360004412004')!.item.body;
    expect(body).toContain('[refund policy](../articles/refund-policy-360004412001.md)');
    expect(body).toContain(
      '[the wallet article](https://northwind.zendesk.com/hc/en-us/articles/360009999999-Wallet)',
    );
  });

  it('reports an article without a body with its file and line, and imports the others', () => {
    const plan = items();
    expect(plan.problems).toEqual([
      {
        file: 'articles-page-2.json',
        line: 18,
        message:
          'cannot import "Placeholder for the new returns flow": body: an article needs a body',
      },
    ]);
    expect(plan.items).toHaveLength(4);
  });

  it('publishes only when asked, with a verify-by date 90 days ahead', () => {
    const plan = items([], { status: 'published' });
    expect(plan.items.every((p) => p.item.status === 'published')).toBe(true);
    expect(plan.items[0]?.item.verify_by).toBe('2026-09-13'); // PLAN_NOW + 90 days
  });

  it('leaves an item alone while its source is unchanged, edits made in Waymark included', () => {
    const first = items().items.map((p) => p.item);
    const edited = first.map((item) => ({
      ...item,
      body: `${item.body}\nLocal note.`,
      owner: 'lead@northwind.example',
    }));
    const again = items(edited);
    expect(again.items.map((p) => p.state)).toEqual([
      'unchanged',
      'unchanged',
      'unchanged',
      'unchanged',
    ]);
    expect(again.items[0]?.item.body).toContain('Local note.');
  });

  it('updates the same item, keeping what Waymark owns, when the source changed or was renamed', () => {
    const first = items().items.map((p) => p.item);
    const targeted = first.map((item) => ({
      ...item,
      id: item.source?.id === '360004412001' ? 'our-refund-policy' : item.id,
      targeting: { apps: ['zendesk'], screens: [], roles: [], teams: [] },
      status: 'published' as const,
      verify_by: '2026-12-01',
      version: 3,
      source: { ...item.source!, updated_at: '2020-01-01T00:00:00Z' },
    }));
    const plan = items(targeted);
    const policy = plan.items.find((p) => p.item.source?.id === '360004412001')!;
    expect(policy).toMatchObject({ state: 'updated', republish: true });
    expect(policy.item).toMatchObject({
      id: 'our-refund-policy',
      version: 3,
      status: 'draft',
      verify_by: '2026-12-01',
      targeting: { apps: ['zendesk'] },
    });
    const faq = plan.items.find((p) => p.item.source?.id === '360004412004')!;
    expect(faq.item.body).toContain('(../articles/our-refund-policy.md)');
  });

  it('never takes the id of an item written by hand or imported from elsewhere', () => {
    const mine = { ...items().items[1]!.item, source: undefined, title: 'Our own refund policy' };
    const plan = items([mine]);
    expect(plan.items.map((p) => p.item.id)).toContain('refund-policy-360004412001-2');
  });

  it('reports unknown Confluence macros with the file and line they are on', () => {
    const file = fixtureFiles('confluence-space').find((f) => f.path === 'entities.xml')!;
    const plan = planImport(readConfluence(file).documents, options());
    expect(plan.notices.map((n) => `${n.file}:${n.line}: ${n.message}`)).toEqual([
      'entities.xml:44: macro "children" lists content when the page is viewed: not imported',
      'entities.xml:86: image "escalate button.png": attachment kept as its alt text (pass --base-url to link it)',
      'entities.xml:88: unknown macro "roadmap-planner": dropped',
    ]);
  });
});
