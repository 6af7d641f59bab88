// engine.fixAll: only the unambiguous fixes, round after round, never two touching edits in
// one round, bounded; the edits it returns turn the original into the fixed text.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine, type Finding } from '../../server/src/service';
import { fixAll, MAX_FIX_ROUNDS } from '../../server/src/service/fixes/fix-all';
import { applyEdits } from '../lsp/edits';
import { manifest, show } from './helpers';

const URI = 'file:///w/svc.readiness.yaml';

test('fix-all applies the preferred fixes and leaves the rest (and the comments) alone', () => {
  const engine = createEngine();
  const text = manifest('  # lifecycle of the service\n  lifecyle: production\n  release:\n    strategy: canari\n    rollback: {automated: "true"}\n  system: 1.10\n  alerts:\n    - name: Down\n      runbook: runbooks/Down.md').replace('tier: 1', 'tier: 5');
  const result = engine.fixAll({ uri: URI, text });
  assert.equal(result.text, manifest('  # lifecycle of the service\n  lifecycle: production\n  release:\n    strategy: canary\n    rollback: {automated: true}\n  system: "1.10"\n  alerts:\n    - name: Down\n      runbook: runbooks/Down.md').replace('tier: 1', 'tier: 5'));
  assert.deepEqual([result.fixed, result.rounds], [4, 1]);
  assert.equal(applyEdits(text, result.edits), result.text);
  // Left for a person: a tier of 5 (which one?), a missing alert severity (which one?).
  assert.deepEqual(engine.check({ uri: URI, text: result.text }).map((f) => f.ruleId), ['invalid-enum', 'missing-property']);
});

test('fix-all never writes suppression comments and never creates files', () => {
  const engine = createEngine();
  const text = manifest('  runbooks: [runbooks/Missing.md]').replace('tier: 1', 'tier: 5');
  const result = engine.fixAll({ uri: URI, text });
  assert.deepEqual([result.text, result.edits, result.fixed], [text, [], 0]);
});

test('fix-all runs again on the fixed text: a corrected rule id that then silences nothing is removed too', () => {
  const engine = createEngine();
  const text = manifest('  # prr-disable-next-line unknwn-property\n  system: a');
  const result = engine.fixAll({ uri: URI, text });
  assert.equal(result.text, manifest('  system: a'));
  assert.deepEqual([result.fixed, result.rounds], [2, 2]);
  assert.equal(result.edits.length, 1);
  assert.equal(applyEdits(text, result.edits), result.text);
});

test('fix-all on a runbook does not write missing sections: their text must come from the author', () => {
  const engine = createEngine();
  const uri = 'file:///w/runbooks/HighErrors.md';
  const text = '# HighErrors\n\n## Meaning\n\nErrors are high.\n\n## Mitigation\n\n1. Roll back.\n';
  const result = engine.fixAll({ uri, text });
  assert.deepEqual([result.text, result.fixed, result.edits], [text, 0, []]);
  const missing = engine.check({ uri, text }).filter((f) => f.ruleId === 'runbook-missing-section');
  assert.equal(missing.length, 3);
  assert.ok(missing.every((f) => f.fixes?.some((fix) => fix.title.startsWith('Insert a'))), 'each is still offered as a quick fix');
});

test('fix-all leaves the workspace index as the document is, not as the fixes would make it', () => {
  const engine = createEngine();
  const slo = 'apiVersion: openslo/v1\nkind: SLO\nmetadata:\n  name: checkout\nspec:\n  service: s\n  indicatorRef: i\n  budgetingMethod: Ocurrences\n  timeWindow:\n    - duration: 28d\n      isRolling: true\n  objectives:\n    - target: 0.99\n';
  const before = engine.check({ uri: 'file:///w/slo.yaml', text: slo }).map(show);
  assert.notEqual(engine.fixAll({ uri: 'file:///w/slo.yaml', text: slo }).text, slo);
  assert.deepEqual(engine.check({ uri: 'file:///w/slo.yaml', text: slo }).map(show), before);
});

test('the rounds are bounded, a fix that undoes another stops the loop, and touching edits wait', () => {
  const at = (offset: number, newText: string, end = offset): Finding => ({
    ruleId: 'r', severity: 'error', message: 'm', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    fixes: [{ title: 't', isPreferred: true, edits: [{ range: { start: { line: 0, character: offset }, end: { line: 0, character: end } }, newText }] }],
  });
  const growing = fixAll('', () => [at(0, 'x')]);
  assert.deepEqual([growing.text, growing.rounds], ['x'.repeat(MAX_FIX_ROUNDS), MAX_FIX_ROUNDS]);
  const toggling = fixAll('a', (text) => [at(0, text === 'a' ? 'b' : 'a', 1)]);
  assert.equal(toggling.text, 'b');
  const touching = fixAll('abc', (text) => (text === 'abc' ? [at(0, 'X', 1), at(1, 'Y', 2), at(1, 'Z')] : []));
  assert.deepEqual([touching.text, touching.fixed], ['Xbc', 1]);
});
