// .prr.yaml: discovery (nearest wins, root: true stops the walk), merging, globs relative
// to each file's folder, a broken file reported and not used, and .gitignore honoured.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine, resolveConfig } from '../../server/src/service';
import { ConfigStore } from '../../server/src/node/config-store';
import { collectFiles } from '../../server/src/node/workspace';
import { show } from './helpers';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'prr-config-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

test('nearest .prr.yaml wins key by key; root: true stops the walk', () => {
  const root = tree({
    '.prr.yaml': 'rules:\n  invalid-enum: off\n  unknown-property: warning\n',
    'team/.prr.yaml': 'root: true\nrules:\n  unknown-property: info\n',
    'team/svc/.prr.yaml': 'rules:\n  missing-property: hint\n',
  });
  try {
    const store = new ConfigStore(createEngine());
    const inner = store.configFor(join(root, 'team/svc/readiness.yaml'));
    // The root file is above `root: true`, so its invalid-enum: off does not apply here.
    assert.deepEqual(inner.severities, { 'unknown-property': 'info', 'missing-property': 'hint' });
    const outer = store.configFor(join(root, 'other/readiness.yaml'));
    assert.equal(outer.severities['invalid-enum'], 'off');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('globs are relative to the folder of the .prr.yaml that names them', () => {
  const root = tree({ 'svc/.prr.yaml': 'include:\n  runbooks: ["docs/playbooks/**/*.md"]\nexclude: ["vendor/**"]\n' });
  try {
    const config = new ConfigStore(createEngine()).configFor(join(root, 'svc/docs/playbooks/a.md'));
    assert.equal(config.isRunbookFile(join(root, 'svc/docs/playbooks/a.md')), true);
    assert.equal(config.isRunbookFile(join(root, 'svc/runbooks/a.md')), false, 'the include list replaces the default');
    assert.equal(config.isRunbookFile(join(root, 'svc/docs/playbooks/README.md')), false, 'indexes are never runbooks');
    assert.equal(config.isExcluded(join(root, 'svc/vendor/x/readiness.yaml')), true);
    assert.equal(config.isExcluded(join(root, 'vendor/readiness.yaml')), false);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('runbook settings: required sections, synonyms and staleness reach the rules', () => {
  const root = tree({ '.prr.yaml': 'runbooks:\n  requiredSections: { escalation: off, rollback: error }\n  synonyms: { mitigation: ["Quick fix"] }\n' });
  try {
    const engine = createEngine({ now: () => new Date('2026-11-27') });
    const config = new ConfigStore(engine).configFor(join(root, 'runbooks/A.md'));
    const text = '# A\n\n## Meaning\n\nm\n\n## Impact\n\ni\n\n## Diagnosis\n\nd\n\n## Quick fix\n\n1. step\n';
    const findings = engine.check({ uri: `file://${join(root, 'runbooks/A.md')}`, text }, config).map(show);
    assert.deepEqual(findings, ['1:1-1:4 runbook-missing-section missing section "Rollback" (or a synonym: "roll back", "rolling back"): How to return to the last good release, and how to tell it worked.']);
    assert.equal(engine.check({ uri: `file://${join(root, 'runbooks/A.md')}`, text }, config)[0].severity, 'error');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a broken .prr.yaml is reported with a precise finding and not used', () => {
  const root = tree({ '.prr.yaml': 'rules:\n  invalid-enum: silent\nrunbok: {}\n' });
  try {
    const engine = createEngine();
    const store = new ConfigStore(engine);
    const config = store.configFor(join(root, 'readiness.yaml'));
    assert.deepEqual(config.severities, {});
    assert.deepEqual([...store.broken], [join(root, '.prr.yaml')]);
    const findings = engine.check({ uri: `file://${join(root, '.prr.yaml')}`, text: 'rules:\n  invalid-enum: silent\nrunbok: {}\n' }).map(show);
    assert.deepEqual(findings, [
      '2:17-2:23 invalid-enum `rules.invalid-enum` must be one of `off`, `hint`, `info`, `warning`, `error`; got `silent`',
      '3:1-3:7 unknown-property unknown property `runbok` in `document` — did you mean `runbooks`?',
    ]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('an editor keeps the last valid configuration while the file is broken', () => {
  let text = 'rules:\n  invalid-enum: warning\n';
  const root = tree({ '.prr.yaml': text });
  try {
    const store = new ConfigStore(createEngine(), { read: (path) => (path === join(root, '.prr.yaml') ? text : undefined) });
    assert.equal(store.configFor(join(root, 'a.yaml')).severities['invalid-enum'], 'warning');
    text = 'rules:\n  invalid-enum: [\n';
    store.invalidate();
    assert.equal(store.configFor(join(root, 'a.yaml')).severities['invalid-enum'], 'warning');
    assert.equal(store.broken.size, 1);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('folders are walked without what .gitignore ignores', async () => {
  const root = tree({ '.git/HEAD': 'ref: x\n', '.gitignore': 'generated/\n*.tmp.yaml\n', 'a.yaml': '', 'generated/b.yaml': '', 'c.tmp.yaml': '', 'sub/.gitignore': 'd.yaml\n', 'sub/d.yaml': '', 'sub/e.yaml': '' });
  try {
    const files = (await collectFiles([root], (p) => p.endsWith('.yaml'))).map((f) => f.slice(root.length + 1));
    assert.deepEqual(files, ['a.yaml', 'sub/e.yaml']);
    const all = (await collectFiles([root], (p) => p.endsWith('.yaml'), { gitignore: false })).map((f) => f.slice(root.length + 1));
    assert.deepEqual(all, ['a.yaml', 'c.tmp.yaml', 'generated/b.yaml', 'sub/d.yaml', 'sub/e.yaml']);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a .prr.yaml that is a list, or holds a second document, is reported and not used; empty documents before the one are nothing', () => {
  const engine = createEngine();
  const check = (text: string) => engine.check({ uri: 'file:///w/.prr.yaml', text }).map(show);
  assert.deepEqual(check('- rules:\n    runbook-placeholder: off\n'), ['1:1-2:29 invalid-type `document` must be a mapping; got a list']);
  assert.equal(engine.parseConfig('- rules: {}\n'), undefined);
  assert.deepEqual(check('root: true\n---\nrules:\n  runbook-placeholder: error\n'), ['2:1-2:4 yaml-syntax a .prr.yaml is one YAML document; this one (and any after it) would not be used: merge it into the first']);
  assert.equal(engine.parseConfig('root: true\n---\nrules: {}\n'), undefined);
  assert.deepEqual([check('---\n---\nroot: true\n'), engine.parseConfig('---\n---\nroot: true\n')], [[], { root: true }]);
});

test('budget.minimumBudget may be 0s (no warning at all); a Sloth period of zero is refused', () => {
  const engine = createEngine();
  const settings = (text: string) => {
    const data = engine.parseConfig(text);
    return data && resolveConfig([{ folder: '/', data }]).budget;
  };
  assert.deepEqual(settings('budget:\n  minimumBudget: 0s\n'), { slothPeriodSeconds: 30 * 86_400, minimumBudgetSeconds: 0 });
  assert.equal(settings('budget:\n  slothWindow: 0d\n'), undefined);
  assert.match(engine.check({ uri: 'file:///w/.prr.yaml', text: 'budget:\n  slothWindow: 0d\n' }).map(show)[0], /must be a period longer than zero/);
});

test('a rule id under rules: that names no rule is a warning with the nearest id as a fix; the file is still used', () => {
  const engine = createEngine();
  const text = 'root: true\nrules:\n  runbook-placehodler: off\n';
  const [finding] = engine.check({ uri: 'file:///w/.prr.yaml', text });
  assert.equal(show(finding), '3:3-3:22 unknown-property `runbook-placehodler` is no rule id, so this setting changes nothing — did you mean `runbook-placeholder`?');
  assert.equal(finding.severity, 'warning');
  assert.equal(engine.fixAll({ uri: 'file:///w/.prr.yaml', text }).text, 'root: true\nrules:\n  runbook-placeholder: off\n');
  assert.deepEqual(engine.parseConfig(text), { root: true, rules: { 'runbook-placehodler': 'off' } });
});

test('a parent\'s limits do not hide a .prr.yaml: it is checked under the default limit, as it is read', () => {
  const engine = createEngine();
  const tiny = resolveConfig([{ folder: '/', data: { limits: { maxFileSizeMB: 0.00002 } } }]);
  assert.deepEqual(engine.check({ uri: 'file:///w/sub/.prr.yaml', text: 'rules:\n  runbook-placeholder: offf\n' }, tiny).map((f) => f.ruleId), ['invalid-enum']);
});
