// `prr check` with custom schemas (`schemas:` in .prr.yaml): the schema files are read from
// disk, manifests get the custom findings, unusable entries are reported on the .prr.yaml,
// and worker threads report exactly what one thread does.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { prr, workspace } from './run-prr';

const manifest = (name: string, extra: string) => `apiVersion: prr/v1\nkind: ServiceReadiness\nmetadata:\n  name: ${name}\nspec:\n  owner: team-a\n  tier: 2\n${extra}`;
const TEAM = JSON.stringify({ properties: { spec: { required: ['costCenter'], properties: { costCenter: { type: 'string', pattern: '^CC-[0-9]{4}$' } } } } });

test('prr check applies custom schemas, reports unusable ones, and gives the same report with and without workers', () => {
  const files: Record<string, string> = {
    '.prr.yaml': 'schemas:\n  - schemas/team.schema.json\n  - schemas/missing.json\n',
    'schemas/team.schema.json': TEAM,
    'ok/readiness.yaml': manifest('ok', '  costCenter: CC-0001\n'),
    'bad/readiness.yaml': manifest('bad', '  costCenter: 12\n'),
    'none/readiness.yaml': manifest('none', ''),
  };
  // More manifests, so two workers each get some.
  for (let i = 0; i < 40; i++) files[`many/s${i}.readiness.yaml`] = manifest(`s${i}`, i % 2 ? '  costCenter: CC-1234\n' : '  costCenter: nope\n');
  const dir = workspace(files);
  try {
    const single = prr(['check', '.', '--format', 'json'], { cwd: dir, env: { PRR_WORKERS: '0' } });
    assert.equal(single.code, 1, single.stderr);
    const report = JSON.parse(single.stdout) as { files: { path: string; findings: { ruleId: string; message: string; range: { start: { line: number } } }[] }[] };
    const of = (suffix: string) => report.files.find((f) => f.path.endsWith(suffix))?.findings.map((f) => `${f.range.start.line} ${f.ruleId} ${f.message}`) ?? [];
    assert.deepEqual(of('ok/readiness.yaml'), []);
    assert.deepEqual(of('bad/readiness.yaml'), ['8 invalid-type `spec.costCenter` must be a string; got the number `12`']);
    assert.deepEqual(of('none/readiness.yaml'), ['5 missing-property missing required property `costCenter` in `spec`']);
    assert.deepEqual(of('.prr.yaml'), ['3 custom-schema custom schema `schemas/missing.json` is not used: the schema file does not exist or cannot be read']);
    assert.equal(report.files.filter((f) => /many\/s\d+\.readiness\.yaml$/.test(f.path) && f.findings.some((x) => x.ruleId === 'invalid-format')).length, 20);
    for (const workers of ['1', '2']) {
      const parallel = prr(['check', '.', '--format', 'json'], { cwd: dir, env: { PRR_WORKERS: workers } });
      assert.equal(parallel.code, single.code, parallel.stderr);
      assert.equal(parallel.stdout, single.stdout, `${workers} worker(s)`);
    }
    // Checking one manifest still reports the .prr.yaml entry that cannot be used: CI must not pass on a schema it ignored.
    const one = prr(['check', 'ok/readiness.yaml', '--format', 'json'], { cwd: dir });
    assert.equal(one.code, 1, one.stderr);
    const files = (JSON.parse(one.stdout) as { files: { path: string; findings: { ruleId: string }[] }[] }).files;
    assert.deepEqual(files.map((f) => [f.path, f.findings.map((x) => x.ruleId)]), [['.prr.yaml', ['custom-schema']], ['ok/readiness.yaml', []]]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
