// Runs the engine fuzzer on every core: one worker thread per core, each with its own
// engine and seed (seed, seed + 1, …), and adds up what they found.

import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { emptyStats, type Failure, type FuzzStats } from './engine-fuzz';

/** A worker silent for this long is stuck on its last input: it is terminated, and that input is the failure. */
export const HANG_MS = 20_000;

export interface ParallelOptions {
  seed: number;
  /** Iterations in total, shared among the workers… */
  iterations?: number;
  /** …or a time budget for each. */
  timeMs?: number;
  workers?: number;
  corpus?: boolean;
}

export async function fuzzEngineParallel(options: ParallelOptions): Promise<FuzzStats & { workers: number }> {
  const workers = options.workers ?? Math.max(1, Math.min(8, availableParallelism()));
  const runs = Array.from({ length: workers }, (_, i) => {
    const share = options.iterations === undefined ? undefined : Math.ceil(options.iterations / workers);
    const workerData = { seed: options.seed + i, iterations: share, timeMs: options.timeMs, corpus: options.corpus !== false };
    return new Promise<FuzzStats>((resolve, reject) => {
      // Workers do not inherit tsx's loader hooks: the worker registers tsx's require hook, then loads the TypeScript source.
      const source = `require('tsx/cjs'); require(${JSON.stringify(join(__dirname, 'engine-worker.ts'))});`;
      const worker = new Worker(source, { eval: true, workerData });
      let last: Omit<Failure, 'what'> | undefined;
      let watchdog: NodeJS.Timeout | undefined;
      const arm = () => {
        clearTimeout(watchdog);
        watchdog = setTimeout(() => {
          void worker.terminate();
          const stats = emptyStats();
          const what = `hang: no answer within ${HANG_MS / 1000} s (an endless loop?)`;
          stats.kinds.set(what, 1);
          if (last) stats.failures.push({ what, ...last });
          stats.iterations = (last?.iteration ?? 0) + 1;
          resolve(stats);
        }, HANG_MS);
      };
      arm();
      worker.on('message', (message: { type: 'input'; input: Omit<Failure, 'what'> } | { type: 'done'; stats: FuzzStats & { kinds: [string, number][] } }) => {
        if (message.type === 'input') {
          last = message.input;
          arm();
          return;
        }
        clearTimeout(watchdog);
        resolve({ ...message.stats, kinds: new Map(message.stats.kinds) });
      });
      worker.once('error', (error) => {
        clearTimeout(watchdog);
        reject(error);
      });
      worker.once('exit', (code) => {
        clearTimeout(watchdog);
        if (code !== 0 && code !== 1) reject(new Error(`fuzz worker ${i} exited with ${code}`));
      });
    });
  });
  const all = await Promise.all(runs);
  const total: FuzzStats & { workers: number } = { iterations: 0, calls: 0, fixes: 0, ms: 0, failures: [], kinds: new Map(), slowest: { ms: 0, seed: '', iteration: 0 }, workers };
  for (const stats of all) {
    total.iterations += stats.iterations;
    total.calls += stats.calls;
    total.fixes += stats.fixes;
    total.ms = Math.max(total.ms, stats.ms);
    for (const [what, n] of stats.kinds) total.kinds.set(what, (total.kinds.get(what) ?? 0) + n);
    for (const failure of stats.failures) if (!total.failures.some((f) => f.what === failure.what)) total.failures.push(failure);
    if (stats.slowest.ms > total.slowest.ms) total.slowest = stats.slowest;
  }
  return total;
}
