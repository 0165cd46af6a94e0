#!/usr/bin/env node
// The `waymark` command line. Its code is TypeScript shared with the extension and server, run
// through tsx so there is no separate build step for the CLI. The root tsconfig extends WXT's
// generated one; a server-only install (the container image: no WXT, no .wxt/) resolves the same
// `@/` paths through the server's own tsconfig.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const root = (path) => fileURLToPath(new URL(`../${path}`, import.meta.url));
register({
  tsconfig: existsSync(root('.wxt/tsconfig.json'))
    ? root('tsconfig.json')
    : root('server/tsconfig.json'),
});
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
