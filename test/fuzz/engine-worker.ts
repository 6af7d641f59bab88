// A worker thread of the parallel engine fuzzer: one engine, its own slice of the iterations.

import { parentPort, workerData } from 'node:worker_threads';
import { fuzzEngine } from './engine-fuzz';
import { loadSeeds } from './seeds';

const { seed, iterations, timeMs, corpus } = workerData as { seed: number; iterations?: number; timeMs?: number; corpus: boolean };
const stats = fuzzEngine({ seeds: loadSeeds({ corpus }), seed, ...(iterations !== undefined ? { iterations } : {}), ...(timeMs !== undefined ? { timeMs } : {}) });
parentPort?.postMessage({ ...stats, kinds: [...stats.kinds] });
