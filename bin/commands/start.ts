import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadContent } from '@/lib/content-files';
import { closeOnSignal, startServer } from '@/server/main';
import { SeedRefusedError, seedFromContent } from '@/server/seed';
import { DEFAULT_DB_PATH, openStore } from '@/server/store';
import { DEFAULT_CONTENT_DIR, EXIT, type Io } from '../io';
import { demoTokens, type DemoToken } from './demo-users';

const ROOT = resolve(DEFAULT_CONTENT_DIR, '..');

const label = (t: DemoToken) => `${t.role[0]!.toUpperCase()}${t.role.slice(1)} token:`.padEnd(16);

/**
 * `waymark start` (`npm start`): builds the extension with the starter pack, starts the content
 * server on the embedded SQLite database seeded from content/, gives a demo admin, author,
 * reviewer and learner tokens that stay the same across restarts (`--rotate-demo-tokens` issues
 * new ones), and says how to load the extension and connect it.
 */
export async function startCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: 'string', default: DEFAULT_DB_PATH },
      port: { type: 'string', default: '8787' },
      'skip-build': { type: 'boolean', default: false },
      'rotate-demo-tokens': { type: 'boolean', default: false },
    },
  });
  if (!values['skip-build']) {
    io.err('Building the Waymark extension with the starter pack…');
    const build = spawnSync('npm', ['run', '-s', 'build'], {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (build.status !== 0) {
      io.err('waymark start: the build failed (see above)');
      return EXIT.problems;
    }
  }
  // npm start is the embedded default: a SQLite file (serve --db postgres://… for more).
  const store = await openStore(values.db, { backgroundCheckpoint: true });
  try {
    await seedFromContent(store, DEFAULT_CONTENT_DIR, loadContent);
  } catch (error) {
    await store.close();
    if (!(error instanceof SeedRefusedError)) throw error;
    error.problems.forEach((problem) => io.err(problem));
    return EXIT.problems;
  }
  const tokenFile = `${resolve(values.db)}.demo-tokens.json`;
  const tokens = await demoTokens(store, tokenFile, values['rotate-demo-tokens']);
  const kept = tokens.every((t) => !t.issued);
  const running = await startServer(store, { host: '127.0.0.1', port: Number(values.port) });
  // Listening for Ctrl+C before saying "Stop with Ctrl+C": a stop right after it is a clean stop.
  const stopped = closeOnSignal(running, (signal) =>
    io.err(`${signal}: stopping the content server`),
  );
  io.out(`
Waymark is running.

  Extension:        ${resolve(ROOT, '.output', 'chrome-mv3')}
  Content server:   ${running.url}   (database ${resolve(values.db)})
${tokens.map((t) => `  ${label(t)}  ${t.token}   (${t.email}${t.team ? `, team ${t.team}` : ''})`).join('\n')}
  ${kept ? 'The same tokens as last time' : 'New tokens'}, kept in ${tokenFile} (only on this machine)
  so a connected browser stays signed in; npm start -- --rotate-demo-tokens issues new ones.

Load the extension in Chrome or Chromium:
  1. Open chrome://extensions and turn on "Developer mode" (top right)
  2. Click "Load unpacked" and choose the Extension folder above
  3. Open the extension's options (Details → Extension options), enter the content server URL and
     a token, and click "Test connection and save". It works offline from the starter pack meanwhile.

Open a ticket in a supported app (see README.md) and look for the Waymark launcher.
Firefox: npm run build:firefox, then about:debugging#/runtime/this-firefox → "Load Temporary Add-on…" → .output/firefox-mv3/manifest.json
Stop with Ctrl+C.
`);
  await stopped;
  return EXIT.ok;
}
