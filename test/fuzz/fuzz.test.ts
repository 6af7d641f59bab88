// The bounded fuzz run of `npm test`: 10,000 mutated documents through the engine (on
// every core) and 300 through the built language server over stdio, with fixed seeds so a
// failure replays. `npm run fuzz` runs longer, with a new seed each time.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fuzzEngineParallel } from './parallel';
import { fuzzServer } from './server-fuzz';
import { loadSeeds } from './seeds';
import { EXTRA_SEEDS, type Failure } from './engine-fuzz';

const ENGINE_ITERATIONS = 10_000;
const SERVER_ITERATIONS = 300;

function describe(failures: readonly Failure[], kinds: ReadonlyMap<string, number>): string[] {
  return failures.map((f) => `${f.what} ×${kinds.get(f.what.replace(/^server: /, '')) ?? kinds.get(f.what) ?? 1} — ${f.seed}, iteration ${f.iteration}, mutations ${f.mutations.join('+')}: ${JSON.stringify(f.text.slice(0, 400))}`);
}

test(`fuzz: ${ENGINE_ITERATIONS.toLocaleString('en-US')} mutated documents through the engine — no exception, no internal error, every range inside, every fix applies`, async (t) => {
  const stats = await fuzzEngineParallel({ seed: 20261127, iterations: ENGINE_ITERATIONS });
  t.diagnostic(`engine: ${stats.iterations} iterations on ${stats.workers} worker(s) in ${(stats.ms / 1000).toFixed(1)} s (${Math.round(stats.iterations / (stats.ms / 1000))}/s), ${stats.calls} engine calls, ${stats.fixes} fixes applied, slowest iteration ${stats.slowest.ms.toFixed(0)} ms, ${stats.failures.length} kinds of failure`);
  assert.ok(stats.iterations >= ENGINE_ITERATIONS);
  assert.deepEqual(describe(stats.failures, stats.kinds), []);
});

test(`fuzz: ${SERVER_ITERATIONS} mutated documents through the language server over stdio — every request answered, no handler error, every range inside`, async (t) => {
  const stats = await fuzzServer({ seeds: [...loadSeeds(), ...EXTRA_SEEDS], seed: 20261127, iterations: SERVER_ITERATIONS });
  t.diagnostic(`server: ${stats.iterations} iterations, ${stats.requests} requests and ${stats.notifications} notifications in ${(stats.ms / 1000).toFixed(1)} s (${Math.round(stats.iterations / (stats.ms / 1000))}/s), ${stats.failures.length} kinds of failure`);
  assert.equal(stats.iterations, SERVER_ITERATIONS);
  assert.deepEqual(describe(stats.failures, stats.kinds), []);
});
