// Starts post-worker.ts in a worker thread: Node 20 does not apply `--import tsx` to workers, so
// the thread registers tsx itself (as bench/scale/author-worker.mjs does) before loading it.
import { register } from 'tsx/esm/api';

register();
await import('./post-worker.ts');
