// Inputs the fuzzer (test/fuzz/) once broke the engine with, kept in test/fixtures/fuzz/:
// each goes through every entry point — check and every fix, completion, hover and
// definition at every position, outline, links, folding, fix-all — and must give no
// exception, no internal error, no range outside the document and no edit that fails. Each
// runs in a worker thread, so that an endless loop fails the test instead of hanging it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { loadRegressions } from '../fuzz/seeds';

const regressions = loadRegressions();
const WORKER = join(__dirname, '..', 'fuzz', 'regression-worker.ts');
const HANG_MS = 60_000;

function check(name: string): Promise<{ failures: string[]; calls: number } | 'hung'> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(`require('tsx/cjs'); require(${JSON.stringify(WORKER)});`, { eval: true, workerData: { name } });
    const watchdog = setTimeout(() => {
      void worker.terminate();
      resolve('hung');
    }, HANG_MS);
    worker.once('message', (result: { failures: string[]; calls: number }) => {
      clearTimeout(watchdog);
      resolve(result);
    });
    worker.once('error', (error) => {
      clearTimeout(watchdog);
      reject(error);
    });
  });
}

test('there are fuzz regression fixtures, each saying what failed and what fixed it', () => {
  assert.ok(regressions.length >= 6);
  for (const r of regressions) assert.ok(r.path && r.text !== undefined && r.found && r.fixed, r.name);
});

for (const regression of regressions) {
  test(`fuzz regression ${regression.name}: ${regression.found}`, async () => {
    const result = await check(regression.name);
    assert.notEqual(result, 'hung', `no answer within ${HANG_MS / 1000} s`);
    if (result === 'hung') return;
    assert.deepEqual(result.failures, []);
    assert.ok(result.calls > 10);
  });
}
