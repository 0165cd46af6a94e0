import { readFileSync } from 'node:fs';
import { readConfluence, planImport } from '@/lib/import';
const r = readConfluence({path: 'entities.xml', text: readFileSync('tests/fixtures/import/confluence-space/entities.xml','utf8')}, { baseUrl: process.argv[2] });
console.log(r.problems, r.documents.map(d => [d.sourceId, d.title, d.updatedAt, d.owner, d.tags, d.line]));
const plan = planImport(r.documents, { status: 'draft', owner: 'x@y', now: new Date('2026-06-15T09:30:00Z'), existing: [] });
console.log(plan.problems, plan.notices);
for (const p of plan.items) { console.log('=====', p.state, p.item.id, p.item.template, p.item.source); console.log(p.item.body); }
