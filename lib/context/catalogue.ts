import type { AppDefinition } from '@/lib/content-model';
import type { QueryRoot } from './dom';
import { HostIndex } from './hosts';
import { compileApp, type AppDetector, type Detection, type ScreenTrace } from './app-detector';

export type { Detection } from './app-detector';

export interface Explanation {
  url: string;
  host: { hostname: string; pattern: string | null; excludedBy?: string; reason?: string };
  unwrapped?: string;
  screens: ScreenTrace[];
}

export interface DetectOptions {
  explain?: boolean;
}

export type DetectionResult = Detection & { explain?: Explanation };

const NOTHING: Detection = Object.freeze({ app: null, screen: null, record: null, context: {} });

function nothing(explain: Explanation | undefined): DetectionResult {
  return explain === undefined ? { ...NOTHING, context: {} } : { ...NOTHING, context: {}, explain };
}

function parseHttpUrl(input: string | URL): URL | string {
  let url: URL;
  try {
    url = typeof input === 'string' ? new URL(input) : input;
  } catch {
    return 'not a URL';
  }
  return url.protocol === 'http:' || url.protocol === 'https:'
    ? url
    : `scheme ${url.protocol} is not http(s)`;
}

/**
 * The app catalogue compiled once into matchers: a host index plus, per app, its unwrap rules and
 * ordered screens with their regular expressions built. `detect` does no parsing of the catalogue.
 */
export class Catalogue {
  readonly #hosts: HostIndex;
  readonly #apps = new Map<string, AppDetector>();

  constructor(apps: readonly AppDefinition[]) {
    this.#hosts = new HostIndex(apps);
    for (const app of apps) this.#apps.set(app.id, compileApp(app));
  }

  get appIds(): string[] {
    return [...this.#apps.keys()];
  }

  /** Which app owns this host (label-boundary match, exclusions applied), if any. */
  appForHost(hostname: string): string | undefined {
    const hit = this.#hosts.match(hostname);
    return hit === undefined || hit.excludedBy !== undefined ? undefined : hit.appId;
  }

  detect(input: string | URL, root?: QueryRoot, options: DetectOptions = {}): DetectionResult {
    const parsed = parseHttpUrl(input);
    const href = typeof input === 'string' ? input : input.href;
    if (typeof parsed === 'string') {
      return nothing(
        options.explain
          ? { url: href, host: { hostname: '', pattern: null, reason: parsed }, screens: [] }
          : undefined,
      );
    }
    const hit = this.#hosts.match(parsed.hostname);
    const app =
      hit === undefined || hit.excludedBy !== undefined ? undefined : this.#apps.get(hit.appId);
    const explain: Explanation | undefined = options.explain
      ? {
          url: parsed.href,
          host: {
            hostname: parsed.hostname,
            pattern: hit?.pattern ?? null,
            ...(hit?.excludedBy === undefined ? {} : { excludedBy: hit.excludedBy }),
          },
          screens: [],
        }
      : undefined;
    if (app === undefined) return nothing(explain);

    const inner = app.unwrap(parsed);
    if (explain !== undefined && inner !== undefined) explain.unwrapped = inner.href;
    const detection: DetectionResult = app.detect(inner ?? parsed, root, explain?.screens);
    if (explain !== undefined) detection.explain = explain;
    return detection;
  }
}
