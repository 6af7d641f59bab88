// `prr check` as a user runs it: the built CLI on the example workspace and on
// usage mistakes, with its exit codes.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

function prr(...args: string[]) {
  const run = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), ...args], { cwd: root, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

test('check examples: every documented deliberate problem, as path:line:col severity rule message, and exit 1', () => {
  const { code, stdout } = prr('check', 'examples');
  assert.equal(code, 1);
  assert.equal(stdout, [
    'examples/broken/broken.readiness.yaml:13:3  error  duplicate-key  duplicate key `owner`: a key may appear only once in a mapping; remove or rename one of them',
    'examples/broken/broken.readiness.yaml:18:23  error  yaml-syntax  YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]',
    'examples/payments-worker/payments-worker.readiness.yaml:13:3  error  unknown-property  unknown property `lifecyle` in `spec` — did you mean `lifecycle`?',
    'examples/payments-worker/payments-worker.readiness.yaml:14:9  error  invalid-enum  `spec.tier` must be one of `1`, `2`, `3`, `4`; got `5`',
    'examples/payments-worker/payments-worker.readiness.yaml:30:15  error  invalid-enum  `spec.release.strategy` must be one of `canary`, `blue-green`, `rolling`, `recreate`; got `canery` — did you mean `canary`?',
    'examples/payments-worker/payments-worker.readiness.yaml:39:7  error  missing-property  missing required property `severity` in `spec.alerts[1]`',
    'examples/payments-worker/payments-worker.readiness.yaml:44:13  error  invalid-format  `spec.security.review.date` must be a date (YYYY-MM-DD); got `2025-13-40`',
    '7 errors in 2 files; 6 files checked',
    '',
  ].join('\n'));
});

test('a clean folder exits 0 and says so', () => {
  const { code, stdout } = prr('check', 'examples/checkout-api');
  assert.equal(code, 0);
  assert.equal(stdout, 'no problems; 3 files checked\n');
});

test('single files can be named; files of no prr kind are checked and stay quiet', () => {
  const { code, stdout } = prr('check', 'examples/checkout-api/readiness.yaml', 'examples/checkout-api/slos', 'package.json');
  assert.equal(code, 0);
  assert.equal(stdout, 'no problems; 4 files checked\n');
});

test('references resolve among the files checked together', () => {
  const { code, stdout } = prr('check', 'examples/checkout-api/readiness.yaml');
  assert.equal(code, 1);
  assert.match(stdout, /^examples\/checkout-api\/readiness\.yaml:\d+:\d+  error  unresolved-reference  `slos\[\]\.ref` refers to SLO `checkout-availability`, which is not defined anywhere in the workspace$/m);
});

test('usage errors exit 2 with a message on stderr', () => {
  for (const args of [['frobnicate'], ['check', '--bogus'], ['check', 'no/such/path'], []]) {
    const { code, stderr, stdout } = prr(...args);
    assert.equal(code, 2, `prr ${args.join(' ')}`);
    assert.match(stderr + stdout, /prr|Usage/);
  }
  assert.match(prr('check', 'no/such/path').stderr, /no\/such\/path/);
});

test('--help and --version exit 0', () => {
  assert.equal(prr('--help').code, 0);
  assert.match(prr('--help').stdout, /Usage: prr <command>/);
  assert.match(prr('--version').stdout, /^\d+\.\d+\.\d+\n$/);
});
