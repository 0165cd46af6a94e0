import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..', '..');
export const XSS_OUT = join(ROOT, '.output-xss');
export const XSS_EXTENSION = join(XSS_OUT, 'chrome-mv3');

export const payloads = (
  JSON.parse(
    readFileSync(join(ROOT, 'tests', 'fixtures', 'security', 'xss-payloads.json'), 'utf8'),
  ) as {
    payload: string;
  }[]
).map((p) => p.payload);

const base = {
  owner: 'security@example.com',
  status: 'published',
  verify_by: '2027-06-01',
  updated_at: '2026-11-01',
  version: 1,
  summary: '',
  tags: [],
};
const ticket = { apps: ['zendesk'], screens: ['zendesk:ticket'], roles: [], teams: [] };
const PRIORITY_ANCHOR = {
  v: 1,
  path: [],
  target: {
    tag: 'input',
    attrs: { 'data-test-id': 'ticket-form-field-priority' },
    role: 'combobox',
    label: 'priority',
  },
};

/** Splits payloads into groups whose joined length stays under `max` (a longer one is cut). */
function pack(max: number, separator = '\n\n'): string[] {
  const groups: string[] = [];
  let current = '';
  for (const payload of payloads.map((p) => p.slice(0, max))) {
    if (current !== '' && current.length + separator.length + payload.length > max) {
      groups.push(current);
      current = '';
    }
    current = current === '' ? payload : `${current}${separator}${payload}`;
  }
  if (current !== '') groups.push(current);
  return groups;
}

/**
 * A starter pack whose every rendered text is hostile: each XSS payload goes into an article body
 * (and its Markdown links), a tip body, and a lesson's steps, question choices and explanations.
 * It bypasses `waymark content check` on purpose — that check would refuse these files — to prove
 * the renderers hold whatever a server sends.
 */
export function xssBundle(apps: unknown[]): object {
  const articles = pack(3_000).map((body, i) => ({
    ...base,
    type: 'article',
    template: 'faq',
    id: `xss-article-${i + 1}`,
    title: `XSS article ${i + 1}`,
    summary: payloads[i]?.slice(0, 400) ?? '',
    body: `${body}\n\n[link](${payloads[i] ?? ''})`,
    targeting: ticket,
  }));
  const tips = pack(1_200).map((body, i) => ({
    ...base,
    type: 'tip',
    id: `xss-tip-${i + 1}`,
    title: `XSS tip ${i + 1}`,
    body,
    anchor: PRIORITY_ANCHOR,
    placement: 'auto',
    targeting: ticket,
  }));
  const questions = payloads.slice(0, 40).map((payload, i) => ({
    id: `q${i + 1}`,
    prompt: payload.slice(0, 1000),
    kind: 'single',
    choices: [
      { id: 'a', text: payload.slice(0, 400) },
      { id: 'b', text: 'plain' },
    ],
    correct: ['a'],
    explanation: payload.slice(0, 2000),
  }));
  const lesson = {
    ...base,
    type: 'lesson',
    id: 'xss-lesson',
    title: 'XSS lesson',
    duration_minutes: 5,
    objectives: [payloads[0]!.slice(0, 300)],
    steps: pack(4_000).map((body, i) => ({ title: `Step ${i + 1}`, body })),
    questions,
    targeting: ticket,
  };
  return {
    format: 'waymark-bundle',
    version: 1,
    generated_at: new Date().toISOString(),
    apps,
    items: [...articles, ...tips, lesson],
  };
}

/** Builds the extension a second time, into .output-xss, with the hostile starter pack. */
export function buildXssExtension(): void {
  const apps = (
    JSON.parse(readFileSync(join(ROOT, 'build', 'starter-pack.json'), 'utf8')) as {
      apps: unknown[];
    }
  ).apps;
  mkdirSync(XSS_OUT, { recursive: true });
  const bundle = join(XSS_OUT, 'xss-pack.json');
  writeFileSync(bundle, JSON.stringify(xssBundle(apps)));
  execFileSync('npx', ['wxt', 'build'], {
    cwd: ROOT,
    stdio: 'ignore',
    env: { ...process.env, WAYMARK_STARTER_PACK: bundle, WAYMARK_OUT_DIR: XSS_OUT },
  });
}
