// `prr init`: a starter .prr.yaml and manifest that prr itself accepts, and nothing
// overwritten without --force.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prr } from './run-prr';

test('init writes .prr.yaml and readiness.yaml that check clean, and never overwrites without --force', () => {
  const folder = mkdtempSync(join(tmpdir(), 'Checkout API_'));
  try {
    const first = prr(['init'], { cwd: folder });
    assert.equal(first.code, 0);
    assert.equal(first.stdout, "wrote .prr.yaml\nwrote readiness.yaml\nnext: fill in readiness.yaml, then run 'prr check'\n");
    assert.match(readFileSync(join(folder, 'readiness.yaml'), 'utf8'), /^  name: checkout-api-[a-z0-9]+$/m);
    const check = prr(['check'], { cwd: folder });
    assert.equal(check.code, 0, check.stdout);
    assert.equal(check.stdout, 'no problems; 2 files checked\n');

    writeFileSync(join(folder, '.prr.yaml'), 'rules: { unknown-property: warning }\n');
    const again = prr(['init'], { cwd: folder });
    assert.equal(again.stdout, 'kept .prr.yaml: it exists (use --force to overwrite)\nkept readiness.yaml: a readiness manifest exists\nnothing overwritten\n');
    assert.equal(readFileSync(join(folder, '.prr.yaml'), 'utf8'), 'rules: { unknown-property: warning }\n');

    const forced = prr(['init', '--force'], { cwd: folder });
    assert.equal(forced.code, 0);
    assert.match(readFileSync(join(folder, '.prr.yaml'), 'utf8'), /^root: true$/m);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('init with a manifest already there writes only .prr.yaml', () => {
  const folder = mkdtempSync(join(tmpdir(), 'prr-init-'));
  try {
    writeFileSync(join(folder, 'svc.readiness.yaml'), 'apiVersion: prr/v1\n');
    const run = prr(['init'], { cwd: folder });
    assert.equal(run.stdout, "wrote .prr.yaml\nkept svc.readiness.yaml: a readiness manifest exists\nnext: fill in readiness.yaml, then run 'prr check'\n");
    assert.equal(prr(['init', 'no/such/folder'], { cwd: folder }).code, 2);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
