// A worker thread of the parallel engine fuzzer: one engine, its own slice of the
// iterations. Each input is posted before it goes in, so that the parent can name the input
// of a hang (an endless loop cannot be interrupted from inside; the parent terminates us).

import { parentPort, workerData } from 'node:worker_threads';
import { fuzzEngine } from './engine-fuzz';
import { loadSeeds } from './seeds';

const { seed, iterations, timeMs, corpus } = workerData as { seed: number; iterations?: number; timeMs?: number; corpus: boolean };
const stats = fuzzEngine({
  seeds: loadSeeds({ corpus }),
  seed,
  ...(iterations !== undefined ? { iterations } : {}),
  ...(timeMs !== undefined ? { timeMs } : {}),
  onInput: (input) => parentPort?.postMessage({ type: 'input', input }),
});
parentPort?.postMessage({ type: 'done', stats: { ...stats, kinds: [...stats.kinds] } });
