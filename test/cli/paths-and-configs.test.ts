// What `prr check` finds and under which configuration: globs, symbolic links, paths it may
// not read, .gitignore decided by each file's own `.prr.yaml`, a UTF-16 `.prr.yaml`, a
// configuration that `--fix` rewrites, and `prr init` beside a `.prr.yml`. Each case was a
// reported defect; each assertion fails on the code before its fix.

import { test } from 'node:test';
import { execFileSync } from 'node:child_process';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inWorkspace, prr } from './run-prr';

const BAD_TIER = 'apiVersion: prr/v1\nkind: ServiceReadiness\nmetadata:\n  name: s\nspec:\n  owner: x\n  tier: 9\n';
/** The manifest named `name` (two manifests of one name are a duplicate-name finding). */
const badTier = (name: string) => BAD_TIER.replace('name: s', `name: ${name}`);
const asRoot = process.getuid?.() === 0;

const ruleIds = (stdout: string) => (JSON.parse(stdout) as { files: { path: string; findings: { ruleId: string }[] }[] }).files.map((f) => `${f.path} ${f.findings.map((x) => x.ruleId).join(',')}`);

test('a quoted glob is expanded below its folders without glob characters; one that matches nothing is a usage error', () => inWorkspace({
  'services/a/readiness.yaml': badTier('a'), 'services/b/b.readiness.yaml': badTier('b'), 'other/readiness.yaml': badTier('c'),
}, (dir) => {
  const run = prr(['check', 'services/**/*readiness.yaml', '--format', 'json'], { cwd: dir });
  assert.equal(run.code, 1, run.stderr);
  assert.deepEqual(ruleIds(run.stdout), ['services/a/readiness.yaml invalid-enum', 'services/b/b.readiness.yaml invalid-enum']);
  const none = prr(['check', 'services/**/*.md'], { cwd: dir });
  assert.equal(none.code, 2);
  assert.match(none.stderr, /^prr: no files to check match services\/\*\*\/\*\.md\n/);
}));

test('a symbolic link to a file is checked when its folder is walked', () => inWorkspace({ 'shared/m.txt': BAD_TIER }, (dir) => {
  mkdirSync(join(dir, 'svc'));
  symlinkSync('../shared/m.txt', join(dir, 'svc', 'readiness.yaml'));
  const run = prr(['check', 'svc', '--format', 'json'], { cwd: dir });
  assert.deepEqual(ruleIds(run.stdout), ['svc/readiness.yaml invalid-enum']);
}));

// Root reads everything: the run drops to nobody (setpriv, util-linux) to meet a permission error.
test('a folder or file it may not read is a file-skipped warning; the readable files are still checked', { skip: asRoot && existsSync('/usr/bin/setpriv') ? false : 'needs root and setpriv' }, () => inWorkspace({
  'ok/readiness.yaml': badTier('a'), 'locked/readiness.yaml': badTier('b'), 'u.readiness.yaml': badTier('c'),
}, (dir) => {
  chmodSync(dir, 0o755);
  chmodSync(join(dir, 'u.readiness.yaml'), 0o000);
  chmodSync(join(dir, 'locked'), 0o000);
  const asNobody = (args: string[]) => prr(args, { cwd: dir, runner: ['/usr/bin/setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] });
  const run = asNobody(['check', '.', '--format', 'json']);
  assert.equal(run.code, 1, run.stderr);
  assert.deepEqual(ruleIds(run.stdout), ['locked file-skipped', 'ok/readiness.yaml invalid-enum', 'u.readiness.yaml file-skipped']);
  const named = asNobody(['check', 'locked/readiness.yaml', 'ok']);
  assert.equal(named.code, 1, named.stderr);
  assert.match(named.stdout, /^locked\/readiness\.yaml:1:1 {2}warning {2}file-skipped {2}cannot be read \(EACCES/m);
}));

test('.gitignore is applied by the nearest .prr.yaml of each path, not of the current folder', () => inWorkspace({
  '.git/HEAD': '', '.prr.yaml': 'root: true\n', 'sub/.gitignore': 'deeper/\n', 'sub/.prr.yaml': 'gitignore: false\n', 'sub/deeper/readiness.yaml': BAD_TIER,
}, (dir) => {
  for (const cwd of [dir, join(dir, 'sub')]) {
    const run = prr(['check', '.', '--format', 'json'], { cwd });
    assert.deepEqual(ruleIds(run.stdout).filter((f) => f.includes('readiness')).map((f) => f.replace(/^sub\//, '')), ['deeper/readiness.yaml invalid-enum'], cwd);
  }
}));

test('a broken .prr.yaml in the current folder does not fail a run on files it does not govern', () => inWorkspace({
  'cwd/.prr.yaml': 'rules: {unknown-property: nope}\n', 'other/readiness.yaml': BAD_TIER.replace('tier: 9', 'tier: 1'),
}, (dir) => {
  const run = prr(['check', '../other/readiness.yaml'], { cwd: join(dir, 'cwd') });
  assert.deepEqual([run.code, run.stdout], [0, 'no problems; 1 file checked\n']);
}));

test('a UTF-16 .prr.yaml is applied', () => inWorkspace({ 'b/readiness.yaml': BAD_TIER }, (dir) => {
  writeFileSync(join(dir, 'b', '.prr.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('root: true\nrules:\n  invalid-enum: off\n', 'utf16le')]));
  const run = prr(['check', 'b'], { cwd: dir });
  assert.deepEqual([run.code, run.stdout], [0, 'no problems; 2 files checked\n']);
}));

test('--fix that corrects a .prr.yaml reports the other files under the corrected one', () => inWorkspace({
  '.prr.yaml': 'root: true\nrules:\n  invalid-enum: offf\n', 'sub/readiness.yaml': BAD_TIER,
}, (dir) => {
  const run = prr(['check', '--fix', '.'], { cwd: dir });
  assert.equal(readFileSync(join(dir, '.prr.yaml'), 'utf8'), 'root: true\nrules:\n  invalid-enum: "off"\n');
  assert.deepEqual([run.code, run.stdout], [0, 'no problems; 2 files checked\n']);
}));

test('init beside a .prr.yml keeps it and writes no .prr.yaml to shadow it; init on a file is a usage error', () => inWorkspace({ '.prr.yml': 'root: true\n', 'f': '' }, (dir) => {
  const run = prr(['init'], { cwd: dir });
  assert.equal(run.code, 0);
  assert.match(run.stdout, /^kept \.prr\.yml: a configuration exists/);
  assert.equal(existsSync(join(dir, '.prr.yaml')), false);
  const onFile = prr(['init', 'f'], { cwd: dir });
  assert.equal(onFile.code, 2);
  assert.match(onFile.stderr, /^prr: not a folder: f\n/);
}));

test('.gitignore as git reads it: a nested !pattern re-includes; a pattern of many ** does not hang the walk; a .gitignore linked to /dev/zero is no rules', { timeout: 60_000 }, () => inWorkspace({
  '.git/HEAD': '', '.gitignore': '*.yaml\n', 'sub/.gitignore': '!*.readiness.yaml\n', 'sub/x.readiness.yaml': badTier('x'),
  'deep/.gitignore': `${'**/a/'.repeat(10)}zz\n`, [`deep/${'a/'.repeat(30)}y.readiness.yml`]: badTier('y'),
}, (dir) => {
  symlinkSync('/dev/zero', join(dir, 'deep', 'a', '.gitignore'));
  const run = prr(['check', '.', '--format', 'json'], { cwd: dir });
  assert.deepEqual(ruleIds(run.stdout).filter((f) => f.includes('readiness')).map((f) => f.replace(/a\/(a\/)+/, 'a/…/')), ['deep/a/…/y.readiness.yml invalid-enum', 'sub/x.readiness.yaml invalid-enum']);
  const deep = prr(['check', 'deep', '--format', 'json'], { cwd: dir });
  assert.deepEqual(ruleIds(deep.stdout).map((f) => f.replace(/(a\/)+/, '…/')), ['deep/…/y.readiness.yml invalid-enum']);
}));

test('--fix goes on past a file it cannot write, and says so', { skip: asRoot && existsSync('/usr/bin/setpriv') ? false : 'needs root and setpriv' }, () => inWorkspace({
  'a/readiness.yaml': BAD_TIER.replace('kind: ServiceReadiness', 'kind: ServiceReadines').replace('name: s', 'name: a'),
  'b/readiness.yaml': BAD_TIER.replace('kind: ServiceReadiness', 'kind: ServiceReadines').replace('name: s', 'name: b'),
}, (dir) => {
  execFileSync('chown', ['-R', 'nobody', dir]);
  chmodSync(join(dir, 'a'), 0o555);
  const run = prr(['check', '--fix', '.'], { cwd: dir, runner: ['/usr/bin/setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] });
  assert.match(run.stderr, /^prr: a\/readiness\.yaml: not fixed \(EACCES/m);
  assert.doesNotMatch(run.stderr, /internal error/);
  assert.match(readFileSync(join(dir, 'b', 'readiness.yaml'), 'utf8'), /^kind: ServiceReadiness$/m);
  assert.match(run.stdout, /checked\n$/);
}));
