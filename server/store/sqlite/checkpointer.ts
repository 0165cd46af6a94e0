import { Worker } from 'node:worker_threads';
import type { Db } from './database';

/**
 * Moves SQLite's WAL checkpoints off the request path. By default the connection that commits a
 * transaction pushing the WAL past 1,000 pages copies the WAL into the database file and syncs it
 * inside that COMMIT: over half of `POST /v1/events`' commit time and its slowest batches in the
 * insights bench's CPU profile. A long-running server instead turns automatic checkpoints off on
 * its connection and has a worker thread, with a connection of its own, run a PASSIVE checkpoint
 * every `intervalMs` (it never blocks the writer or readers). If the worker fails, the connection
 * takes automatic checkpoints back, so the WAL never grows unchecked.
 */
export interface Checkpointer {
  /** Runs a last checkpoint, closes the worker's connection and ends the thread. */
  stop(): Promise<void>;
}

const AUTOMATIC_PAGES = 1_000;

export function startCheckpointer(db: Db, file: string, intervalMs = 500): Checkpointer {
  const worker = new Worker(new URL('./checkpoint-worker.mjs', import.meta.url), {
    workerData: { file, intervalMs },
  });
  worker.unref();
  db.pragma('wal_autocheckpoint = 0');
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  let stopping = false;
  const fallBack = () => {
    if (!stopping && db.open) db.pragma(`wal_autocheckpoint = ${AUTOMATIC_PAGES}`);
  };
  worker.once('error', fallBack).once('exit', fallBack);
  return {
    async stop() {
      stopping = true;
      worker.ref(); // until it has closed its connection
      worker.postMessage('stop');
      await exited;
    },
  };
}
