import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { DEFAULT_CONTENT_DIR, EXIT, type Io } from '../io';

const ROOT = resolve(DEFAULT_CONTENT_DIR, '..');

/** `waymark start`: build the extension with the starter pack, then say how to load it. */
export async function startCommand(_args: string[], io: Io): Promise<number> {
  io.err('Building the Waymark extension with the starter pack…');
  const build = spawnSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) {
    io.err('waymark start: the build failed (see above)');
    return EXIT.problems;
  }
  const output = resolve(ROOT, '.output', 'chrome-mv3');
  io.out(`
Waymark is built.

  Extension:  ${output}

Load it in Chrome or Chromium:
  1. Open chrome://extensions
  2. Turn on "Developer mode" (top right)
  3. Click "Load unpacked" and choose the folder above

Then open a ticket in one of the supported apps (see README.md) and look for the Waymark launcher.
Firefox: npm run build:firefox, then about:debugging → "Load Temporary Add-on" → .output/firefox-mv2/manifest.json
`);
  return Promise.resolve(EXIT.ok);
}
