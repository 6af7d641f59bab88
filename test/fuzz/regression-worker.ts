// Checks one fuzz regression (test/fixtures/fuzz/<name>.json) exhaustively, in a worker
// thread, so that a regression to an endless loop fails its test instead of hanging it.

import { parentPort, workerData } from 'node:worker_threads';
import { createFuzzEngine, EXTRA_SEEDS, emptyStats, runOne } from './engine-fuzz';
import { seeded } from './random';
import { loadRegressions, loadSeeds } from './seeds';

const { name } = workerData as { name: string };
const regression = loadRegressions().find((r) => r.name === name);
if (!regression) throw new Error(`no fuzz regression ${name}`);
const others = Object.entries(regression.others ?? {}).map(([path, text]) => ({ path, text }));
const { engine, config } = createFuzzEngine([...loadSeeds({ corpus: false }), ...EXTRA_SEEDS, ...others]);
const failures: string[] = [];
const stats = emptyStats();
runOne(engine, { uri: `file:///fuzz/${regression.path}`, text: regression.text }, config(regression.path), seeded(1), (what) => failures.push(what), stats, true);
parentPort?.postMessage({ failures: [...new Set(failures)], calls: stats.calls });
