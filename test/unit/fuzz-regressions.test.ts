// Inputs the fuzzer (test/fuzz/) once broke the engine with, kept in test/fixtures/fuzz/:
// each goes through every entry point — check and every fix, completion, hover and
// definition at every position, outline, links, folding, fix-all — and must give no
// exception, no internal error, no range outside the document and no edit that fails.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createFuzzEngine, EXTRA_SEEDS, emptyStats, runOne } from '../fuzz/engine-fuzz';
import { seeded } from '../fuzz/random';
import { loadRegressions, loadSeeds } from '../fuzz/seeds';

const regressions = loadRegressions();

test('there are fuzz regression fixtures, each saying what failed and what fixed it', () => {
  assert.ok(regressions.length >= 4);
  for (const r of regressions) {
    assert.ok(r.path && r.text !== undefined && r.found && r.fixed, r.name);
  }
});

const { engine, config } = createFuzzEngine([...loadSeeds({ corpus: false }), ...EXTRA_SEEDS]);

for (const regression of regressions) {
  test(`fuzz regression ${regression.name}: ${regression.found}`, () => {
    const failures: string[] = [];
    const stats = emptyStats();
    runOne(engine, { uri: `file:///fuzz/${regression.path}`, text: regression.text }, config(regression.path), seeded(1), (what) => failures.push(what), stats, true);
    assert.deepEqual([...new Set(failures)], []);
    assert.ok(stats.calls > 10);
  });
}
