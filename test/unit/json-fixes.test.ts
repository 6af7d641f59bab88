// A readiness manifest may be JSON (`*.readiness.json`). prr reads it as YAML, but what its
// fixes write must stay JSON: every quick fix applied to these manifests leaves text that
// JSON.parse accepts, and no "Disable … for this line/file" comment is offered (JSON has none).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from '../../server/src/service';
import { applyEdits } from '../lsp/edits';

const MANIFESTS = [
  '{\n  "apiVersion": "prr/v1",\n  "kind": "ServiceReadiness",\n  "metadata": {"name": "j"},\n  "spec": {\n    "owner": "t",\n    "tier": 1,\n    "lifecyle": "production"\n  }\n}\n',
  '{"apiVersion": "prr/v1", "kind": "ServiceReadiness", "metadata": {"name": "j"}, "spec": {"owner": "t", "tier": 1, "lifecyle": {"a": [1, 2]}, "alerts": [{"name": "A", "runbook": "https://x"}]}}\n',
  '{\n  "apiVersion": "prr/v1",\n  "kind": "ServiceReadiness",\n  "metadata": {"name": "j"},\n  "spec": {\n    "tier": 1\n  }\n}\n',
  '{\n  "apiVersion": "prr/v1",\n  "kind": "ServiceReadiness",\n  "metadata": {"name": "j"},\n  "spec": {}\n}\n',
  '{\n  "apiVersion": "prr/v1",\n  "kind": "ServiceReadiness",\n  "metadata": {"name": "j", "version": 1.10},\n  "spec": {"owner": "t", "tier": "1"}\n}\n',
];

test('every quick fix of a JSON manifest leaves JSON, and none is a disable comment', () => {
  const engine = createEngine();
  let applied = 0;
  for (const [i, text] of MANIFESTS.entries()) {
    JSON.parse(text);
    for (const finding of engine.check({ uri: `file:///ws/j${i}/x.readiness.json`, text })) {
      for (const fix of finding.fixes ?? []) {
        assert.ok(!fix.suppression, `${finding.ruleId}: ${fix.title}`);
        const after = applyEdits(text, fix.edits ?? []);
        assert.doesNotThrow(() => JSON.parse(after), `${finding.ruleId}: ${fix.title} gave\n${after}`);
        applied++;
      }
    }
  }
  assert.ok(applied >= 8, `only ${applied} fixes applied`);
});

test('inserting a property into a JSON mapping writes quoted keys and strings', () => {
  const text = MANIFESTS[3];
  const finding = createEngine().check({ uri: 'file:///ws/x.readiness.json', text }).find((f) => f.message.includes('`owner`'));
  const insert = finding?.fixes?.find((f) => f.title === 'Insert `owner`');
  assert.ok(insert, 'an Insert `owner` fix');
  assert.match(applyEdits(text, insert.edits ?? []), /"spec": \{"owner": ""\}/);
});
