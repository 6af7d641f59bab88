// `prr check` with worker threads gives the very report it gives in one thread: the same
// findings, in the same order, with the same exit code — on a tree where cross-file
// findings (duplicates, references, runbooks that are runbooks only because a manifest
// links to them) join files that different workers parsed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prr, root } from './run-prr';
import { PARALLEL_THRESHOLD, workerCount } from '../../server/src/cli/parallel';

const COPIES = 8;

/** `examples/` 8 times over (each copy's services collide with every other copy's), plus configs that differ per copy. */
function tree(): string {
  const dir = mkdtempSync(join(tmpdir(), 'prr-parallel-'));
  for (let i = 0; i < COPIES; i++) cpSync(join(root, 'examples'), join(dir, `copy-${String(i).padStart(2, '0')}`), { recursive: true });
  // A Markdown file outside runbooks/ that a manifest links to: a runbook only by the index, which the main thread holds.
  const manifest = join(dir, 'copy-03', 'payments-worker', 'payments-worker.readiness.yaml');
  writeFileSync(manifest, readFileSync(manifest, 'utf8').replaceAll('runbooks/PaymentsQueueBacklog.md', 'notes/backlog.md'));
  mkdirSync(join(dir, 'copy-03', 'payments-worker', 'notes'));
  writeFileSync(join(dir, 'copy-03', 'payments-worker', 'notes', 'backlog.md'), '# Backlog\n\n## Meaning\n\nTODO\n');
  const slo = join(dir, 'copy-04', 'checkout-api', 'slos', 'checkout-availability.openslo.yaml');
  writeFileSync(slo, readFileSync(slo, 'utf8').replace('indicatorRef: checkout-requests-success', 'indicatorRef: checkout-requests-gone'));
  writeFileSync(join(dir, 'copy-07', '.prr.yaml'), 'rules:\n  duplicate-name: info\nlimits:\n  maxRunbookSizeKB: 1\n');
  writeFileSync(join(dir, 'copy-05', '.prr.yaml'), 'rules: [not, a, mapping\n');
  writeFileSync(join(dir, 'copy-06', 'suppressed.readiness.yaml'), '# prr-disable-file invalid-enum\napiVersion: prr/v1\nkind: ServiceReadiness\nmetadata:\n  name: quiet\nspec:\n  owner: team-a\n  tier: 9\n');
  return dir;
}

function ruleIds(json: string): Set<string> {
  const report = JSON.parse(json) as { files: { findings: { ruleId: string }[] }[] };
  return new Set(report.files.flatMap((f) => f.findings.map((x) => x.ruleId)));
}

test('one thread, one worker and two workers report the same, byte for byte, in every format', () => {
  const dir = tree();
  const files = readdirSync(dir, { recursive: true }).length;
  assert.ok(files > 2 * 32, `${files} entries: enough for several batches`);
  for (const format of ['json', 'sarif', 'stylish']) {
    const single = prr(['check', '.', '--format', format, '--no-color'], { cwd: dir, env: { PRR_WORKERS: '0' } });
    assert.equal(single.code, 1, single.stderr);
    for (const workers of ['1', '2']) {
      const parallel = prr(['check', '.', '--format', format, '--no-color'], { cwd: dir, env: { PRR_WORKERS: workers } });
      assert.equal(parallel.stderr, single.stderr);
      assert.equal(parallel.code, single.code);
      assert.equal(parallel.stdout, single.stdout, `${format} with ${workers} worker(s)`);
    }
    if (format !== 'json') continue;
    // The tree does exercise what crosses threads: without these the comparison would prove little.
    const report = JSON.parse(single.stdout) as { files: { path: string; findings: { ruleId: string }[] }[] };
    const ids = ruleIds(single.stdout);
    for (const id of ['duplicate-name', 'unresolved-reference', 'runbook-missing-section', 'file-too-large', 'yaml-syntax']) assert.ok(ids.has(id), `expected ${id} among ${[...ids].join(', ')}`);
    assert.ok(report.files.some((f) => f.path.endsWith(join('copy-05', '.prr.yaml')) && f.findings.length > 0), 'the broken .prr.yaml is reported');
    const referenced = report.files.find((f) => f.path.endsWith(join('notes', 'backlog.md')));
    assert.ok(referenced && referenced.findings.length > 0, 'the linked notes/backlog.md is checked as a runbook');
    const suppressed = report.files.find((f) => f.path.endsWith('suppressed.readiness.yaml'));
    assert.deepEqual(suppressed?.findings.filter((f) => f.ruleId === 'invalid-enum'), []);
  }
});

test('--config FILE reaches the workers', () => {
  const dir = tree();
  writeFileSync(join(dir, 'only.prr.yaml'), 'root: true\nrules:\n  runbook-missing-section: off\n');
  const single = prr(['check', '.', '--format', 'json', '--config', 'only.prr.yaml'], { cwd: dir, env: { PRR_WORKERS: '0' } });
  const parallel = prr(['check', '.', '--format', 'json', '--config', 'only.prr.yaml'], { cwd: dir, env: { PRR_WORKERS: '2' } });
  assert.equal(parallel.stdout, single.stdout);
  assert.ok(!ruleIds(single.stdout).has('runbook-missing-section'));
});

test('workers: PRR_WORKERS when set, else one per core for large trees only', () => {
  assert.equal(workerCount(10_000, { PRR_WORKERS: '0' }), 0);
  assert.equal(workerCount(10_000, { PRR_WORKERS: '3' }), 3);
  assert.equal(workerCount(2, { PRR_WORKERS: '3' }), 2, 'never more workers than files');
  assert.equal(workerCount(10_000, { PRR_WORKERS: 'many' }), 0, 'a setting that is not a count means none');
  assert.equal(workerCount(PARALLEL_THRESHOLD - 1, {}), 0);
  const auto = workerCount(PARALLEL_THRESHOLD, {});
  assert.ok(auto >= 1 && auto <= 4, String(auto));
});
