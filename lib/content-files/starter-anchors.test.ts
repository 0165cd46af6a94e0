// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAnchor } from '@/lib/anchors';
import { zendeskTicket } from '@/lib/anchors/scenarios/zendesk';
import type { Item } from '@/lib/content-model';
import { loadContent } from './load';

const ROOT = join(import.meta.dirname, '..', '..');
const content = await loadContent(join(ROOT, 'content'));
const byId = new Map(content.items.map((l) => [l.value.id, l.value] as const));

function anchorOf(id: string): unknown {
  const item = byId.get(id);
  if (item?.type !== 'tip') throw new Error(`no tip ${id}`);
  return item.anchor;
}

function stepAnchors(id: string): unknown[] {
  const item = byId.get(id) as Extract<Item, { type: 'lesson' }> | undefined;
  return (item?.steps ?? []).flatMap((step) => (step.anchor ? [step.anchor] : []));
}

function page(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/**
 * The starter pack's anchors must hold on the vendors' own markup (stable test ids, field
 * names), not only on the pages they were first picked on: each resolves, to the right field, on
 * Agent Workspace-style markup from the anchor scenarios and on the browser tests' pages.
 */
describe('starter-pack anchors on realistic markup', () => {
  const priority = (doc: Document) =>
    doc.querySelector('[data-test-id="ticket-form-field-priority"]');

  it.each([
    ['Agent Workspace markup (anchor scenarios)', page(zendeskTicket())],
    [
      'Agent Workspace after a re-render, in German',
      page(zendeskTicket({ ember: 4000, lang: 'de' })),
    ],
    [
      'the browser tests’ ticket',
      page(readFileSync(join(ROOT, 'tests/e2e/pages/zendesk-ticket.html'), 'utf8')),
    ],
  ])('puts the Priority tip and the lesson step on the Priority field of %s', (_name, doc) => {
    expect(priority(doc)).not.toBeNull();
    expect(resolveAnchor(anchorOf('zendesk-priority-drives-the-sla-clock'), doc)).toBe(
      priority(doc),
    );
    for (const anchor of stepAnchors('zendesk-ticket-basics'))
      expect(resolveAnchor(anchor, doc)).toBe(priority(doc));
  });

  it('finds the Case Origin field of a Lightning case by its record-field name', () => {
    const doc = page(readFileSync(join(ROOT, 'tests/e2e/pages/salesforce-case.html'), 'utf8'));
    expect(resolveAnchor(anchorOf('salesforce-case-origin'), doc)).toBe(
      doc.querySelector('[data-target-selection-name="sfdc:RecordField.Case.Origin"]'),
    );
  });

  it('finds the assignment group of a ServiceNow incident by its field id', () => {
    const doc = page(readFileSync(join(ROOT, 'tests/e2e/pages/servicenow-incident.html'), 'utf8'));
    expect(resolveAnchor(anchorOf('servicenow-assignment-group'), doc)).toBe(
      doc.getElementById('sys_display.incident.assignment_group'),
    );
  });
});
