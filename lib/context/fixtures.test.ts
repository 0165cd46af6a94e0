import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatProblem, loadContent, type LoadedContent } from '@/lib/content-files';
import type { AppDefinition } from '@/lib/content-model';
import { compileApp, detectInApp } from './app-detector';
import { Catalogue } from './catalogue';

/**
 * The catalogue's own tests: every app file in content/apps/ comes with fixture URLs (and saved
 * pages for DOM rules) in lib/context/fixtures/<id>.yaml, run here against the real catalogue.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURES = join(import.meta.dirname, 'fixtures');

const fixtureFileSchema = z.strictObject({
  positive: z.array(
    z.strictObject({
      url: z.string(),
      html: z.string().optional(),
      expect: z.strictObject({
        screen: z.string().nullable(),
        record: z.strictObject({ type: z.string(), id: z.string() }).nullable().optional(),
        context: z.record(z.string(), z.string()).optional(),
      }),
    }),
  ),
  negative: z.array(z.string()),
});
type FixtureFile = z.infer<typeof fixtureFileSchema>;

const appIds = readdirSync(join(ROOT, 'content', 'apps'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''))
  .sort();

function fixturePath(id: string): string {
  return join(FIXTURES, `${id}.yaml`);
}

function readFixtures(id: string): FixtureFile {
  if (!existsSync(fixturePath(id))) return { positive: [], negative: [] };
  return fixtureFileSchema.parse(parse(readFileSync(fixturePath(id), 'utf8')));
}

let content: LoadedContent;
let catalogue: Catalogue;
beforeAll(async () => {
  content = await loadContent(join(ROOT, 'content'), { appsOnly: true });
  catalogue = new Catalogue(content.apps.map((a) => a.value));
});

const pageCache = new Map<string, Document>();
function page(html: string | undefined): Document | undefined {
  if (html === undefined) return undefined;
  let doc = pageCache.get(html);
  if (doc === undefined) {
    doc = new JSDOM(readFileSync(join(FIXTURES, html), 'utf8')).window.document;
    pageCache.set(html, doc);
  }
  return doc;
}

describe('the app catalogue', () => {
  it('has no problems in content/apps', () => {
    expect(content.problems.map(formatProblem)).toEqual([]);
  });

  it('has exactly the ten supported apps', () => {
    expect(appIds).toEqual([
      'dynamics365',
      'freshdesk',
      'helpscout',
      'hubspot',
      'intercom',
      'jira',
      'salesforce',
      'servicenow',
      'workday',
      'zendesk',
    ]);
  });
});

describe.each(appIds)('app %s', (id) => {
  const fixtures = readFixtures(id);
  const app = (): AppDefinition => {
    const found = content.apps.find((a) => a.value.id === id)?.value;
    if (found === undefined) throw new Error(`content/apps/${id}.yaml did not load`);
    return found;
  };

  it('has a fixture file', () => {
    expect(existsSync(fixturePath(id)), `lib/context/fixtures/${id}.yaml is missing`).toBe(true);
  });

  it('has at least 3 screens, positive and negative fixtures, and a fixture for every screen', () => {
    expect(app().screens.length).toBeGreaterThanOrEqual(3);
    expect(fixtures.positive.length).toBeGreaterThanOrEqual(5);
    expect(fixtures.negative.length).toBeGreaterThanOrEqual(5);
    const covered = new Set(fixtures.positive.map((f) => f.expect.screen));
    expect(
      app()
        .screens.map((s) => s.id)
        .filter((s) => !covered.has(s)),
    ).toEqual([]);
  });

  it('has a saved page fixture for every screen with DOM rules or context extractors', () => {
    const withPages = new Set(
      fixtures.positive.filter((f) => f.html !== undefined).map((f) => f.expect.screen),
    );
    const needPages = app()
      .screens.filter((s) => s.dom.length > 0 || Object.keys(s.context).length > 0)
      .map((s) => s.id);
    expect(needPages.filter((s) => !withPages.has(s))).toEqual([]);
  });

  it('extracts a record on at least one screen', () => {
    expect(app().screens.some((s) => s.record !== undefined)).toBe(true);
  });

  it.each(fixtures.positive.map((f) => [`${f.url}${f.html ? ` + ${f.html}` : ''}`, f] as const))(
    'detects %s',
    (_, fixture) => {
      const detection = catalogue.detect(fixture.url, page(fixture.html));
      expect(detection.app).toBe(id);
      expect(detection.screen).toBe(fixture.expect.screen);
      if (fixture.expect.record !== undefined)
        expect(detection.record).toEqual(fixture.expect.record);
      if (fixture.expect.context !== undefined)
        expect(detection.context).toEqual(fixture.expect.context);
    },
  );

  // The content script detects within the app the background matched its host to (app-detector.ts).
  it.each(fixtures.positive.map((f) => [`${f.url}${f.html ? ` + ${f.html}` : ''}`, f] as const))(
    'detects %s within the app alone as the catalogue does',
    (_, fixture) => {
      const doc = page(fixture.html);
      expect(detectInApp(compileApp(app()), fixture.url, doc)).toEqual(
        catalogue.detect(fixture.url, doc),
      );
    },
  );

  it.each(fixtures.negative)('does not take %s for any app', (url) => {
    expect(catalogue.detect(url).app).toBeNull();
  });
});

describe('fixture files', () => {
  it('belong to an app in the catalogue', () => {
    const files = readdirSync(FIXTURES)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => f.replace(/\.yaml$/, ''));
    expect(files.filter((f) => !appIds.includes(f))).toEqual([]);
  });
});
