// `prr report` as a user runs it: golden Markdown and JSON reports of examples/ (judged on
// a fixed day, PRR_NOW, so stale dates stay stable), the CI gates and their exit codes,
// --output, and usage mistakes. UPDATE_GOLDENS=1 rewrites the goldens.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ReadinessReport } from '../../server/src/protocol/report';
import { prr, root, workspace } from './run-prr';

const GOLDENS = join(root, 'test', 'fixtures', 'report');
const DAY = { PRR_NOW: '2026-12-01' };
/** The checkout's folder differs from machine to machine: goldens name it ROOT. */
const normalize = (text: string) => text.split(pathToFileURL(root).href).join('file:///ROOT');

function golden(name: string, actual: string): void {
  const file = join(GOLDENS, name);
  if (process.env.UPDATE_GOLDENS === '1' || !existsSync(file)) writeFileSync(file, actual);
  assert.equal(actual, readFileSync(file, 'utf8'), `${name} differs; run with UPDATE_GOLDENS=1 to accept`);
}

test('report examples --format markdown: the golden report, exit 0 without gates', () => {
  const run = prr(['report', 'examples'], { env: DAY });
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stderr, '');
  golden('examples.md', normalize(run.stdout));
});

test('report examples --format json: the golden report, the same data the language server returns', () => {
  const run = prr(['report', 'examples', '--format', 'json'], { env: DAY });
  assert.equal(run.code, 0, run.stderr);
  golden('examples.json', normalize(run.stdout));
  const report = JSON.parse(run.stdout) as ReadinessReport;
  assert.equal(report.date, '2026-12-01');
  assert.deepEqual(report.services.map((s) => [s.name, s.score, s.level, s.blocked]), [
    ['checkout-api', 100, 'gold', false],
    ['inventory-sync', 12, 'none', false],
    ['payments-worker', 32, 'none', true],
  ]);
});

test('stale dates follow the day of the report: PRR_NOW a year later fails the dated checks of checkout-api', () => {
  const run = prr(['report', 'examples/checkout-api', '--format', 'json'], { env: { PRR_NOW: '2027-12-01' } });
  const [service] = (JSON.parse(run.stdout) as ReadinessReport).services;
  const failed = service.checks.filter((c) => c.status === 'fail').map((c) => c.id);
  assert.deepEqual(failed, ['runbooks-reviewed', 'release-rollback-tested', 'security-review', 'security-threat-model', 'security-pentest', 'data-restore-tested', 'data-lineage', 'capacity-load-test', 'resilience-chaos-test']);
  const lineage = service.checks.find((c) => c.id === 'data-lineage');
  assert.match(lineage?.message ?? '', /\(the exemption expired 2027-03-31\)$/);
  assert.equal(lineage?.exemption?.expired, true);
});

test('--min-score and --fail-on-blocked gate CI: exit 1 with the reasons on stderr; 0 when met', () => {
  const low = prr(['report', 'examples', '--min-score', '50', '--format', 'json'], { env: DAY });
  assert.equal(low.code, 1);
  assert.equal(low.stderr, [
    'prr: inventory-sync (examples/broken/broken.readiness.yaml) scores 12, below --min-score 50',
    'prr: payments-worker (examples/payments-worker/payments-worker.readiness.yaml) scores 32, below --min-score 50',
    '',
  ].join('\n'));
  const blocked = prr(['report', 'examples', '--fail-on-blocked'], { env: DAY });
  assert.equal(blocked.code, 1);
  assert.equal(blocked.stderr, 'prr: payments-worker (examples/payments-worker/payments-worker.readiness.yaml) is blocked at tier 1 (no valid tier) by manifest-valid\n');
  const good = prr(['report', 'examples/checkout-api', '--min-score', '100', '--fail-on-blocked'], { env: DAY });
  assert.equal(good.code, 0, good.stderr);
});

test('--output writes the report to a file and nothing to stdout', () => {
  const dir = workspace({});
  const out = join(dir, 'report.md');
  const run = prr(['report', 'examples/checkout-api', '--output', out], { env: DAY });
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stdout, '');
  assert.match(readFileSync(out, 'utf8'), /^# Readiness report\n/);
});

test('a workspace without manifests: an empty report, a note on stderr, exit 0', () => {
  const dir = workspace({ 'notes.md': '# nothing\n' });
  const run = prr(['report', dir, '--format', 'json', '--min-score', '90'], { env: DAY });
  assert.equal(run.code, 0);
  assert.equal(run.stderr, 'prr: no readiness manifests found\n');
  assert.equal((JSON.parse(run.stdout) as ReadinessReport).services.length, 0);
});

test('usage mistakes exit 2: unknown format, score out of range, a bad PRR_NOW, a missing path', () => {
  for (const [args, env, message] of [
    [['report', '--format', 'xml'], {}, /unknown value 'xml' for --format; valid values: markdown, html, json/],
    [['report', '--min-score', '101'], {}, /--min-score; valid values: a whole number from 0 to 100/],
    [['report', '--min-score', '-1'], {}, /--min-score/],
    [['report'], { PRR_NOW: 'yesterday' }, /PRR_NOW=yesterday is not a date/],
    [['report', 'no/such/folder'], {}, /no such file or folder: no\/such\/folder/],
  ] as const) {
    const run = prr(args, { env });
    assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
    assert.match(run.stderr, message);
  }
});

test('prr --help documents report, its gates and its exit codes', () => {
  const { stdout } = prr(['--help']);
  assert.match(stdout, /report \[paths\.\.\.\]/);
  assert.match(stdout, /--min-score <n>/);
  assert.match(stdout, /--fail-on-blocked/);
  assert.match(stdout, /Exit codes of report: 0 the gates pass/);
});

test('.prr.yaml readiness settings apply to the CLI report; a broken .prr.yaml is named on stderr and fails a gate', () => {
  const manifest = 'apiVersion: prr/v1\nkind: ServiceReadiness\nmetadata:\n  name: svc\nspec:\n  owner: team-a\n  tier: 2\n';
  const strict = workspace({ '.prr.yaml': 'root: true\nreadiness:\n  checks:\n    ownership-on-call: { blocksAtTiers: [1, 2] }\n', 'svc.readiness.yaml': manifest });
  const run = prr(['report', '.', '--fail-on-blocked', '--format', 'json'], { cwd: strict, env: DAY });
  assert.equal(run.code, 1);
  assert.equal(run.stderr, 'prr: svc (svc.readiness.yaml) is blocked at tier 2 by ownership-on-call\n');
  const broken = workspace({ '.prr.yaml': 'root: true\nreadiness:\n  checks:\n    owner-ship: { weight: 2 }\n', 'svc.readiness.yaml': manifest });
  const second = prr(['report', '.', '--fail-on-blocked', '--format', 'json'], { cwd: broken, env: DAY });
  assert.equal(second.code, 1);
  assert.equal(second.stderr, "prr: .prr.yaml has errors and was not used (see 'prr check .prr.yaml')\nprr: the gates fail: .prr.yaml could not be used\n");
});
