import { Worker } from 'node:worker_threads';
import type { AuthorCommand, AuthorReport, AuthorWorkerData } from './author-worker';
import type { PhaseStats } from './stats';

/** The authors' thread (author-worker.ts), driven one command at a time. */
export class AuthorPool {
  private readonly worker: Worker;

  constructor(data: AuthorWorkerData) {
    // The thread runs TypeScript like the bench itself (author-worker.mjs registers tsx).
    this.worker = new Worker(new URL('./author-worker.mjs', import.meta.url), { workerData: data });
  }

  /** Runs a command and adds its requests to `stats`. */
  run(command: AuthorCommand, stats: PhaseStats): Promise<void> {
    return new Promise((resolve, reject) => {
      this.worker.once('error', reject);
      this.worker.once('message', (report: AuthorReport) => {
        this.worker.off('error', reject);
        stats.merge(report);
        resolve();
      });
      this.worker.postMessage(command);
    });
  }

  async close(): Promise<void> {
    this.worker.postMessage({ op: 'close' } satisfies AuthorCommand);
    await this.worker.terminate();
  }
}
