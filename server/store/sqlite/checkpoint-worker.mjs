// The SQLite store's WAL checkpointer (checkpointer.ts), a worker thread with its own connection.
// Plain JavaScript so that it starts without tsx, whichever way the server runs.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

// eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- checkpointer.ts sets both
const { file, intervalMs } = workerData;
const db = new Database(String(file), { fileMustExist: true });
db.pragma('busy_timeout = 5000');
// PASSIVE never waits for readers or the writer: it copies what it can and tries again later.
const checkpoint = () => db.pragma('wal_checkpoint(PASSIVE)');
const timer = setInterval(checkpoint, Number(intervalMs));
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
