// YAML-level behaviour: syntax errors, duplicate keys, multi-document files, files
// that are not ours, and hostile input.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, manifest } from './helpers';

test('a syntax error is a finding with its own range, and the rest of the file is still checked', () => {
  const text = manifest('  release:\n    strategy: canery\n  runbooks: [a.md\n');
  const findings = check(text);
  assert.deepEqual(findings.map((f) => f.split(' ').slice(0, 2).join(' ')), ['9:15-9:21 invalid-enum', '10:13-10:18 yaml-syntax']);
  assert.match(findings[1], /YAML syntax error: Flow sequence .* must .*end with a \]/);
});

test('a syntax error does not produce follow-on schema noise for the damaged part', () => {
  const text = 'apiVersion: prr/v1\nkind: ServiceReadiness\nmetadata:\n  name: svc\nspec:\n  owner: [team\n  tier: 1\n';
  const rules = check(text).map((f) => f.split(' ')[1]);
  assert.ok(rules.includes('yaml-syntax'));
  assert.ok(!rules.includes('invalid-type'), `unexpected: ${rules}`);
});

test('a duplicate key covers the whole later key', () => {
  assert.deepEqual(check(manifest('  owner: team-b')), [
    '8:3-8:8 duplicate-key duplicate key `owner`: a key may appear only once in a mapping; remove or rename one of them',
  ]);
});

test('multi-document files: each manifest is checked, with positions in the whole file', () => {
  const text = `${manifest('  lifecyle: x')}---\n${manifest('').replace('tier: 1', 'tier: 9').replace('name: svc', 'name: svc-2')}`;
  assert.deepEqual(check(text).map((f) => f.split(' ').slice(0, 2).join(' ')), ['8:3-8:11 unknown-property', '16:9-16:10 invalid-enum']);
});

test('a Kubernetes file that also holds a manifest: only the manifest is checked', () => {
  const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: "3"\n  bogus: [\n';
  const findings = check(`${deployment}---\n${manifest('  tier: 9')}`, 'k8s/all.yaml');
  // The later of two duplicate keys is the value the data keeps, so the enum finding points there too.
  assert.deepEqual(findings.map((f) => f.split(' ').slice(0, 2).join(' ')), ['16:3-16:7 duplicate-key', '16:9-16:10 invalid-enum']);
});

test('files of no prr kind get nothing, even when broken', () => {
  assert.deepEqual(check('a: [1\nb: c: d\n', 'config/app.yaml'), []);
  assert.deepEqual(check('apiVersion: apps/v1\nkind: Deployment\n', 'deploy.yaml'), []);
  assert.deepEqual(check('{"name": "x"}', 'package.json'), []);
});

test('a file named like a manifest is checked even without apiVersion', () => {
  assert.deepEqual(check('metadata:\n  name: svc\n', 'readiness.yaml'), [
    '1:1-1:9 missing-property missing required property `apiVersion` in `document`',
    '1:1-1:9 missing-property missing required property `kind` in `document`',
    '1:1-1:9 missing-property missing required property `spec` in `document`',
  ]);
});

test('empty files, comment-only files and empty documents give nothing, unless the file is named as a manifest', () => {
  for (const text of ['', '# nothing yet\n', '---\n---\n']) {
    assert.deepEqual(check(text, 'notes.yaml'), []);
    // A readiness.yaml that declares nothing must not pass a CI gate clean: it is checked as the empty mapping.
    assert.equal(check(text).filter((f) => f.includes('missing-property')).length, 4, JSON.stringify(text));
  }
});

test('JSON manifests are checked like YAML', () => {
  const json = JSON.stringify({ apiVersion: 'prr/v1', kind: 'ServiceReadiness', metadata: { name: 'svc' }, spec: { owner: 'a', tier: 7 } }, null, 2);
  assert.deepEqual(check(json, 'svc.json').map((f) => f.split(' ').slice(0, 2).join(' ')), ['9:13-9:14 invalid-enum']);
});

test('an alias bomb is reported at once instead of being expanded', () => {
  const lines = ['apiVersion: prr/v1', 'kind: ServiceReadiness', 'a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i <= 9; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
  const started = process.hrtime.bigint();
  const findings = check(lines.join('\n'));
  assert.ok(Number(process.hrtime.bigint() - started) / 1e6 < 5000);
  assert.deepEqual(findings.map((f) => f.split(' ')[1]), ['yaml-alias-limit']);
});

test('binary content is reported, not parsed', () => {
  assert.deepEqual(check('apiVersion: prr/v1\u0000\u0001'), ['1:1-1:1 binary-file the file holds binary data (NUL bytes); it was not checked']);
});

test('a byte-order mark and CRLF line ends do not shift positions', () => {
  const text = `\uFEFF${manifest('  lifecyle: x')}`.replace(/\n/g, '\r\n');
  assert.deepEqual(check(text).map((f) => f.split(' ').slice(0, 2).join(' ')), ['8:3-8:11 unknown-property']);
});

test('severities can be changed per rule, and `off` silences a rule', () => {
  const text = manifest('  lifecyle: x\n  owner: b');
  assert.deepEqual(check(text, undefined, { severities: { 'duplicate-key': 'off' } }).length, 1);
  const engine = check(text, undefined, { severities: { 'unknown-property': 'warning' } });
  assert.equal(engine.length, 2);
});
