// `prr check` and the limits: a file over the size limit is not even read, and gets the
// engine's own finding (the same as in the editor); `.prr.yaml` changes the limits.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prr, workspace } from './run-prr';

const manifest = (extra = '') => `apiVersion: prr/v1\nkind: ServiceReadiness\nmetadata:\n  name: svc\nspec:\n  owner: team\n  tier: 9\n${extra}`;

test('a file over the size limits gets one file-too-large finding, and the rest are checked', () => {
  const dir = workspace({
    'big.readiness.yaml': manifest(`  description: "${'x'.repeat(6 * 1024 * 1024)}"\n`),
    'runbooks/big.md': `# Big\n\n${'Prose. '.repeat(30_000)}\n`,
    'notes/big.md': `# Not a runbook\n\n${'Prose. '.repeat(30_000)}\n`,
    'svc.readiness.yaml': manifest(),
  });
  const { code, stdout } = prr(['check', '.', '--no-color'], { cwd: dir });
  assert.equal(code, 1);
  const lines = stdout.split('\n');
  assert.ok(lines.includes('big.readiness.yaml:1:1  info  file-too-large  not checked: the file is 6 MB, larger than the limit of 5 MB (`limits.maxFileSizeMB` in .prr.yaml)'), stdout);
  assert.ok(lines.includes('runbooks/big.md:1:1  info  file-too-large  not checked: the file is 205.1 KB, larger than the limit of 128 KB (`limits.maxRunbookSizeKB` in .prr.yaml)'), stdout);
  assert.ok(!stdout.includes('notes/big.md'), stdout);
  assert.ok(lines.some((l) => l.startsWith('svc.readiness.yaml:7:9  error  invalid-enum')), stdout);
});

test('limits in .prr.yaml: a larger file limit, a findings cap', () => {
  const keys = Array.from({ length: 30 }, (_, i) => `  k${i}: 1`).join('\n');
  const dir = workspace({
    '.prr.yaml': 'root: true\nlimits:\n  maxFileSizeMB: 8\n  maxFindings: 10\n',
    'big.readiness.yaml': manifest(`  description: "${'x'.repeat(6 * 1024 * 1024)}"\n${keys}\n`),
  });
  const { stdout } = prr(['check', '.', '--no-color', '--format', 'json'], { cwd: dir });
  const file = (JSON.parse(stdout) as { files: { path: string; findings: { ruleId: string; message: string }[] }[] }).files.find((f) => f.path === 'big.readiness.yaml');
  assert.ok(file);
  assert.equal(file.findings.length, 11);
  assert.equal(file.findings[0].ruleId, 'too-many-findings');
  assert.match(file.findings[0].message, /^22 more findings not shown: at most 10 per file/);
  assert.ok(!file.findings.some((f) => f.ruleId === 'file-too-large'));
});
