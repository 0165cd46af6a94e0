import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '@/lib/content-files';
import type { AppDefinition } from '@/lib/content-model';
import { Catalogue } from './catalogue';
import { normaliseHost } from './hosts';

let apps: AppDefinition[];
let catalogue: Catalogue;
beforeAll(async () => {
  apps = (
    await loadContent(join(import.meta.dirname, '..', '..', 'content'), { appsOnly: true })
  ).apps.map((a) => a.value);
  catalogue = new Catalogue(apps);
});

/** True when `host` is exactly a pattern's host or has labels in front of a wildcard's domain. */
function onLabelBoundary(host: string, app: AppDefinition): boolean {
  return app.hosts.some((pattern) =>
    pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : host === pattern,
  );
}

const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])?$/);
const catalogueDomain = () =>
  fc.constantFrom(...apps.flatMap((a) => a.hosts.map((h) => h.replace(/^\*\./, ''))));

describe('Catalogue.detect (properties)', () => {
  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (input) => {
        catalogue.detect(input);
        catalogue.detect(`https://${input}`);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on arbitrary web URLs', () => {
    fc.assert(
      fc.property(
        fc.webUrl({ withQueryParameters: true, withFragments: true }),
        (url) => void catalogue.detect(url),
      ),
      { numRuns: 2000 },
    );
  });

  it('only ever matches hosts on a DNS label boundary of the matched app', () => {
    const host = fc.oneof(
      fc.domain(),
      fc
        .tuple(fc.array(label, { minLength: 1, maxLength: 3 }), catalogueDomain())
        .map(([labels, d]) => `${labels.join('.')}.${d}`),
      fc.tuple(label, catalogueDomain()).map(([l, d]) => `${l}${d}`),
      fc.tuple(label, catalogueDomain(), fc.domain()).map(([l, d, evil]) => `${l}.${d}.${evil}`),
    );
    fc.assert(
      fc.property(host, fc.webPath(), (h, path) => {
        const detection = catalogue.detect(`https://${h}${path}`);
        if (detection.app === null) return;
        const app = apps.find((a) => a.id === detection.app);
        expect(app && onLabelBoundary(normaliseHost(new URL(`https://${h}`).hostname), app)).toBe(
          true,
        );
      }),
      { numRuns: 3000 },
    );
  });

  it('never matches a catalogue host followed by another domain', () => {
    fc.assert(
      fc.property(label, catalogueDomain(), fc.domain(), (l, d, evil) => {
        expect(catalogue.detect(`https://${l}.${d}.${evil}/`).app).toBeNull();
      }),
      { numRuns: 1000 },
    );
  });
});
