/**
 * The insights dashboard's weight: each view's HTML and the stylesheet, raw and gzip, and how many
 * <script> tags the pages carry (the CSP allows none). Over the seeded content with no events, so
 * figures are comparable run to run. `npx tsx scripts/dashboard-size.ts`
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadContent } from '@/lib/content-files';
import { createApp } from '@/server/app';
import { DASHBOARD_CSS } from '@/server/dashboard/css';
import { VIEW_PAGES } from '@/server/dashboard/layout';
import { seedFromContent } from '@/server/seed';
import { openStore } from '@/server/store';

const dir = mkdtempSync(join(tmpdir(), 'waymark-dashboard-size-'));
const store = await openStore(join(dir, 'waymark.db'));
try {
  await seedFromContent(store, join(import.meta.dirname, '..', 'content'), loadContent);
  const token = await store.addUser({
    email: 'author@example.com',
    role: 'author',
    team: undefined,
    rotate: false,
  });
  const app = createApp(store, { log: false });
  const headers = { Host: 'localhost' };
  const signIn = await app.request('http://localhost/insights/sign-in', {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token }).toString(),
  });
  const cookie = (signIn.headers.get('Set-Cookie') ?? '').split(';')[0] ?? '';
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  for (const [view] of VIEW_PAGES) {
    const page = await app.request(`http://localhost/insights/${view}`, {
      headers: { ...headers, Cookie: cookie },
    });
    const html = await page.text();
    const scripts = (html.match(/<script/gi) ?? []).length;
    console.log(
      `${view}: ${kb(html.length)} HTML, ${kb(gzipSync(html).length)} gzip, ${scripts} scripts`,
    );
  }
  console.log(
    `stylesheet: ${kb(DASHBOARD_CSS.length)}, ${kb(gzipSync(DASHBOARD_CSS).length)} gzip`,
  );
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
