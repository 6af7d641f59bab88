// A `.prr.yaml` from an untrusted pull request or workspace cannot hang prr with a glob:
// `*a*a*a*a*a*a*a*a*a*a*b` against a long file name made picomatch backtrack for hours; with
// prr's own matcher (server/src/service/config/glob.ts) `prr check` ends at once.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { root, workspace } from './run-prr';

test('prr check with catastrophic globs in include and exclude ends within seconds', () => {
  const hostile = `${'*a'.repeat(10)}*b`;
  const name = `${'a'.repeat(200)}.readiness.yaml`;
  const dir = workspace({
    '.prr.yaml': `include:\n  manifests: ["${hostile}", "**/${hostile}"]\n  runbooks: ["${'**/a/'.repeat(8)}**/b.md"]\nexclude: ["${hostile}"]\n`,
    [name]: 'apiVersion: prr/v1\nkind: ServiceReadiness\nmetadata:\n  name: a\nspec:\n  owner: team-a\n  tier: 2\n',
    [`${'a/'.repeat(40)}c.md`]: '# c\n',
  });
  try {
    const started = performance.now();
    const run = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'check', '.', '--format', 'json'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    const ms = performance.now() - started;
    assert.equal(run.signal, null, 'prr check was killed by the timeout');
    assert.ok(run.status === 0 || run.status === 1, run.stderr);
    assert.ok(JSON.parse(run.stdout).summary.files >= 1);
    assert.ok(ms < 20_000, `took ${Math.round(ms)} ms`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
