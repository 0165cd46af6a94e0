// Starts author-worker.ts in a worker thread: Node 20 does not apply `--import tsx` to workers,
// so the thread registers tsx itself (as bin/waymark.mjs does) before loading the TypeScript.
import { register } from 'tsx/esm/api';

register();
await import('./author-worker.ts');
