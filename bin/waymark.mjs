#!/usr/bin/env node
// The `waymark` command line. Its code is TypeScript shared with the extension and server, run
// through tsx so there is no separate build step for the CLI.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
