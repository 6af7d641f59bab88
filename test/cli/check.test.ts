// `prr check` as a user runs it: the built CLI on the example workspace and on
// usage mistakes, with its exit codes. The default (stylish) format.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { prr, PAYMENTS, PAYMENTS_FINDINGS, workspace } from './run-prr';

const LINE = /^(?<path>[^\s:][^:]*):(?<line>\d+):(?<col>\d+) {2}(?<severity>error|warning|info|hint) {2}(?<rule>[a-z0-9-]+) {2}(?<message>.+)$/;
const SUMMARY = /^(no problems|\d+ (error|warning|info|hint)s?(, \d+ (error|warning|info|hint)s?)* in \d+ files?); \d+ files? checked$/;

test('check examples: every documented deliberate problem, as path:line:col  severity  rule-id  message, and exit 1', () => {
  const { code, stdout, stderr } = prr(['check', 'examples']);
  assert.equal(code, 1);
  assert.equal(stderr, '');
  const lines = stdout.split('\n');
  assert.equal(lines.pop(), '');
  assert.match(lines.pop() ?? '', SUMMARY);
  for (const line of lines) assert.match(line, LINE);
  const expected = [
    'examples/broken/broken.readiness.yaml:13:3  error  duplicate-key  duplicate key `owner`: a key may appear only once in a mapping; remove or rename one of them',
    'examples/broken/broken.readiness.yaml:18:23  error  yaml-syntax  YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ...PAYMENTS_FINDINGS.map((f) => `${PAYMENTS}:${f.start[0]}:${f.start[1]}  error  ${f.ruleId}  ${f.message}`),
  ];
  assert.deepEqual(lines.filter((l) => l.startsWith('examples/broken/broken') || l.startsWith('examples/payments-worker/payments-worker.readiness.yaml')), expected);
  // The runbook's problems (examples/README.md); the stale-review age depends on today's date.
  const runbook = lines.filter((l) => l.startsWith('examples/broken/runbooks/DiskFull.md')).map((l) => l.replace(/, \d+ days ago/, ', N days ago'));
  assert.deepEqual(runbook, [
    'examples/broken/runbooks/DiskFull.md:7:15  warning  runbook-stale-review  `lastReviewed` is 2024-01-15, N days ago; runbooks go stale after 180 days: walk through this one, fix what changed, and update the date',
    'examples/broken/runbooks/DiskFull.md:10:1  warning  runbook-missing-section  missing section "Impact" (or a synonym: "user impact", "business impact"): Who is affected and how: users, other services, data, money.',
    'examples/broken/runbooks/DiskFull.md:20:27  error  runbook-broken-link  `../dashboards/disk.md` does not exist (relative to this runbook); fix the path or create the file',
    'examples/broken/runbooks/DiskFull.md:26:1  hint  runbook-mitigation-no-steps  "Mitigation" has no steps: write what to do as a numbered list, or the commands to run in a code block',
    'examples/broken/runbooks/DiskFull.md:28:1  warning  runbook-placeholder  placeholder "TODO" left in the runbook: replace it with the real content before someone has to follow it',
  ]);
  assert.ok(!lines.some((l) => l.startsWith('examples/checkout-api/')), 'checkout-api is clean');
  assert.ok(!/\x1b\[/.test(stdout), 'no escape codes on a pipe');
});

test('a clean folder exits 0 and says so', () => {
  const { code, stdout } = prr(['check', 'examples/checkout-api']);
  assert.equal(code, 0);
  assert.match(stdout, /^no problems; \d+ files checked\n$/);
});

test('single files can be named; files of no prr kind are checked and stay quiet', () => {
  const { code, stdout } = prr(['check', 'examples/checkout-api/readiness.yaml', 'examples/checkout-api/slos', 'package.json']);
  assert.equal(code, 0);
  assert.equal(stdout, 'no problems; 4 files checked\n');
});

test('references resolve among the files checked together', () => {
  const { code, stdout } = prr(['check', 'examples/checkout-api/readiness.yaml']);
  assert.equal(code, 1);
  assert.match(stdout, /^examples\/checkout-api\/readiness\.yaml:\d+:\d+  error  unresolved-reference  `slos\[\]\.ref` refers to SLO `checkout-availability`, which is not defined anywhere in the workspace$/m);
});

test('usage errors exit 2 with a message on stderr', () => {
  for (const args of [['frobnicate'], ['check', '--bogus'], ['check', 'no/such/path'], []]) {
    const { code, stderr, stdout } = prr(args);
    assert.equal(code, 2, `prr ${args.join(' ')}`);
    assert.equal(stdout, '', `prr ${args.join(' ')}`);
    assert.match(stderr, /^prr: /);
  }
  assert.match(prr(['check', 'no/such/path']).stderr, /no\/such\/path/);
  assert.match(prr(['frobnicate']).stderr, /unknown command 'frobnicate'[\s\S]*Usage: prr <command>/);
});

test('--help and --version exit 0', () => {
  assert.equal(prr(['--help']).code, 0);
  assert.match(prr(['--help']).stdout, /Usage: prr <command>/);
  assert.match(prr(['check', '--help']).stdout, /Usage: prr <command>/);
  assert.match(prr(['--version']).stdout, /^\d+\.\d+\.\d+\n$/);
});

test('PRR_NOW pins the clock of prr check as of the editor: a calendar month is measured as the pinned one', () => {
  const slo = 'apiVersion: openslo/v1\nkind: SLO\nmetadata:\n  name: cal\nspec:\n  service: web\n  indicatorRef: x\n  timeWindow:\n    - duration: 1M\n      calendar:\n        startTime: "2026-01-01 00:00:00"\n        timeZone: UTC\n  budgetingMethod: Occurrences\n  objectives:\n    - target: 0.99\n  alertPolicies:\n    - kind: AlertPolicy\n      metadata: {name: p}\n      spec:\n        conditions:\n          - kind: AlertCondition\n            metadata: {name: c}\n            spec:\n              severity: ticket\n              condition: {kind: burnrate, op: gt, threshold: 0.5, lookbackWindow: 29d}\n        notificationTargets:\n          - kind: AlertNotificationTarget\n            metadata: {name: t}\n            spec: {target: mail}\n---\napiVersion: openslo/v1\nkind: SLI\nmetadata: {name: x}\nspec:\n  ratioMetric:\n    counter: true\n    good: {metricSource: {type: P, spec: {q: a}}}\n    total: {metricSource: {type: P, spec: {q: b}}}\n---\napiVersion: openslo/v1\nkind: Service\nmetadata: {name: web}\n';
  const dir = workspace({ 'slo.yaml': slo });
  try {
    const rules = (now: string) => prr(['check', 'slo.yaml', '--format', 'json'], { cwd: dir, env: { PRR_NOW: now } }).stdout;
    // February 2026 has 28 days, so a 29-day lookback is longer than the window; March has 31.
    assert.match(rules('2026-02-10'), /slo-lookback-exceeds-window/);
    assert.doesNotMatch(rules('2026-03-10'), /slo-lookback-exceeds-window/);
    const bad = prr(['check', 'slo.yaml'], { cwd: dir, env: { PRR_NOW: 'soon' } });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /PRR_NOW=soon is not a date/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
