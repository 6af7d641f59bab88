// Spreads the per-file work of `prr check` over worker threads (check-worker.ts) and hands
// the results back in file order. Workers ask for work a batch at a time, so a busy core
// does not hold up the others; a worker that dies leaves its files to the main thread.

import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { Batch, BatchDone, FileResult, WorkerSetup } from './check-worker';

/** Below this many files, starting threads (each loads the bundle and compiles schemas) costs more than it saves. */
export const PARALLEL_THRESHOLD = 400;
const BATCH = 32;
const MAX_WORKERS = 4;

/**
 * How many workers to start for `files` files: `PRR_WORKERS` when set (0: none), else one
 * per core (at most 4) for trees of PARALLEL_THRESHOLD files or more, none for smaller ones.
 */
export function workerCount(files: number, env: NodeJS.ProcessEnv = process.env): number {
  const setting = env.PRR_WORKERS?.trim();
  if (setting !== undefined && setting !== '') {
    const n = Number(setting);
    return Number.isInteger(n) && n >= 0 ? Math.min(n, 64, files) : 0;
  }
  if (files < PARALLEL_THRESHOLD) return 0;
  return Math.min(availableParallelism(), MAX_WORKERS);
}

/**
 * Runs `files` through `count` workers started from `script`: each file's result, in the
 * order of `files`; undefined where a worker failed (the caller then does the file itself).
 * `progress` gets the number of files done so far.
 */
export function runWorkers(script: string, setup: Omit<WorkerSetup, 'prrCheckWorker'>, files: readonly string[], count: number, progress: (done: number) => void = () => {}): Promise<(FileResult | undefined)[]> {
  const results: (FileResult | undefined)[] = new Array(files.length).fill(undefined);
  const queue: Batch[] = [];
  for (let i = 0, id = 0; i < files.length; i += BATCH, id++) queue.push({ id, files: files.slice(i, i + BATCH) });
  let finished = 0;
  const finish = (batch: Batch, batchResults: readonly (FileResult | undefined)[]) => {
    batchResults.forEach((r, i) => {
      results[batch.id * BATCH + i] = r;
    });
    finished += batch.files.length;
    progress(finished);
  };
  return new Promise((resolve) => {
    let alive = count;
    const settle = () => {
      if (alive > 0) return;
      // Every worker is gone: what is left (a failed worker's batch) falls to the caller.
      for (const batch of queue.splice(0)) finish(batch, []);
      resolve(results);
    };
    for (let w = 0; w < count; w++) {
      const worker = new Worker(script, { workerData: { ...setup, prrCheckWorker: true } satisfies WorkerSetup });
      let current: Batch | undefined;
      const feed = () => {
        current = queue.shift();
        if (current) worker.postMessage(current);
        else void worker.terminate();
      };
      const requeue = () => {
        if (current) queue.unshift(current); // another worker takes it, or the caller
        current = undefined;
      };
      worker.on('message', (message: BatchDone) => {
        if (current && message.id === current.id) finish(current, message.results);
        feed();
      });
      worker.once('online', feed);
      worker.once('error', requeue);
      worker.once('exit', () => {
        requeue();
        alive--;
        settle();
      });
    }
  });
}
