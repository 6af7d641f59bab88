// Completion in YAML documents being typed: keys (required first, with skeletons of their
// required members), enum and boolean values, referenced names and runbook paths from the
// workspace index — with syntax errors nearby and half-typed words.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine, type CompletionItem } from '../../server/src/service';
import { BASE, withCursor, workspaceEngine } from './editor-fixtures';

const engine = workspaceEngine();
const HEAD = 'apiVersion: prr/v1\nkind: ServiceReadiness\nmetadata:\n  name: svc\nspec:\n';
const SLO_HEAD = 'apiVersion: openslo/v1\nkind: SLO\nmetadata:\n  name: x\nspec:\n';

function complete(marked: string, path = 'svc/readiness.yaml'): CompletionItem[] {
  const { text, position } = withCursor(marked);
  return engine.complete({ uri: BASE + path, text }, position);
}

const labels = (items: CompletionItem[]) => items.map((i) => i.label);
const item = (items: CompletionItem[], label: string) => items.find((i) => i.label === label) as CompletionItem;

test('keys a mapping may still take, required first, replacing the typed prefix', () => {
  const items = complete(`${HEAD}  tier: 1\n  ow|\n`);
  assert.deepEqual(labels(items).slice(0, 4), ['owner', 'system', 'lifecycle', 'ownership']);
  assert.ok(!labels(items).includes('tier'), 'present keys are not offered');
  assert.deepEqual(items.map((i) => i.sortText).slice(0, 2), ['0000', '1001']);
  const owner = item(items, 'owner');
  assert.equal(owner.kind, 'property');
  assert.equal(owner.detail, 'string · required');
  assert.match(owner.documentation, /^The team accountable for the service/);
  assert.deepEqual(owner.edit, { range: { start: { line: 6, character: 2 }, end: { line: 6, character: 4 } }, newText: 'owner: ' });
});

test('skeletons: an object or a list of objects comes with its required members at the right indentation', () => {
  const items = complete(`${HEAD}  owner: a\n  |\n`);
  assert.equal(item(items, 'alerts').edit.newText, 'alerts:\n    - name: \n      severity: \n      runbook: ');
  assert.equal(item(items, 'slos').edit.newText, 'slos:\n    - ref: ');
  assert.equal(item(items, 'exemptions').edit.newText, 'exemptions:\n    - check: \n      reason: \n      expires: ');
  assert.equal(item(items, 'release').edit.newText, 'release:\n    ', 'no required members: the cursor goes to the next level');
  assert.equal(item(items, 'runbooks').edit.newText, 'runbooks:\n    - ');
  assert.equal(item(items, 'lifecycle').detail, 'string');
  assert.equal(item(items, 'alerts').detail, 'list of objects');
  // An empty manifest: the whole required structure, constants filled in.
  const root = createEngine().complete({ uri: 'file:///w/readiness.yaml', text: '' }, { line: 0, character: 0 });
  assert.deepEqual(root.map((i) => i.edit.newText), ['apiVersion: prr/v1', 'kind: ServiceReadiness', 'metadata:\n  name: ', 'spec:\n  owner: \n  tier: ']);
  // OpenSLO: a whole spec skeleton, nested required lists included; the document's own indentation unit.
  const spec = complete('apiVersion: openslo/v1\nkind: SLO\nmetadata:\n    name: x\n|\n', 'svc/x.yaml');
  assert.equal(item(spec, 'spec').edit.newText, 'spec:\n    service: \n    budgetingMethod: \n    timeWindow:\n        - duration: \n    objectives:\n        - ');
});

test('in a list item: the keys it lacks; after `- `, the first key of a new item', () => {
  assert.deepEqual(labels(complete(`${HEAD}  alerts:\n    - name: A\n      |\n  tier: 1\n`)), ['severity', 'runbook', 'expr', 'slo']);
  const fresh = complete(`${HEAD}  alerts:\n    - name: A\n      severity: page\n    - |\n`);
  assert.deepEqual(labels(fresh), ['name', 'severity', 'runbook', 'expr', 'slo']);
  assert.deepEqual(item(fresh, 'name').edit.range, { start: { line: 8, character: 6 }, end: { line: 8, character: 6 } });
});

test('a key typed before an existing colon: only the name is replaced', () => {
  const items = complete(`${HEAD}  owner: a\n  li|fe: production\n`);
  assert.deepEqual(item(items, 'lifecycle').edit, { range: { start: { line: 6, character: 2 }, end: { line: 6, character: 6 } }, newText: 'lifecycle' });
});

test('values: enums after `key: ` (the default preselected), booleans, replacing what is typed', () => {
  const tiers = complete(`${HEAD}  owner: a\n  tier: |\n`);
  assert.deepEqual(labels(tiers), ['1', '2', '3', '4']);
  assert.deepEqual(tiers[0].edit, { range: { start: { line: 6, character: 8 }, end: { line: 6, character: 8 } }, newText: '1' });
  const lifecycle = complete(`${HEAD}  owner: a\n  lifecycle: pro|duc   # stage\n`);
  assert.deepEqual(labels(lifecycle), ['experimental', 'production', 'deprecated']);
  assert.deepEqual(lifecycle[1].edit.range, { start: { line: 6, character: 13 }, end: { line: 6, character: 19 } });
  assert.equal(lifecycle[1].preselect, true);
  assert.deepEqual(labels(complete(`${HEAD}  release:\n    rollback:\n      automated: |\n`)), ['true', 'false']);
});

test('while the document is broken nearby: a syntax error below, an unclosed quote above', () => {
  assert.deepEqual(labels(complete(`${HEAD}  owner: "a\n  tier: [1\n  lifecycle: |\n  slos: {\n`)), ['experimental', 'production', 'deprecated']);
  assert.deepEqual(labels(complete(`${HEAD}  owner: a\n  tier: 1\n  alerts:\n    - name: A\n      severity: |\n    - name: : :\n`)), ['page', 'ticket', 'info']);
});

test('references: SLO names for a manifest, SLIs and alert policies for an OpenSLO SLO, from the index', () => {
  const slos = complete(`${HEAD}  owner: a\n  slos:\n    - ref: |\n`);
  assert.deepEqual(slos.map((i) => [i.label, i.kind, i.detail]), [
    ['checkout-availability', 'reference', 'SLO · ../slos/availability.openslo.yaml:22'],
    ['checkout-latency', 'reference', 'SLO · ../slos/latency.sloth.yaml:4'],
  ]);
  assert.deepEqual(labels(complete(`${SLO_HEAD}  indicatorRef: |\n`, 'slos/new.yaml')), ['checkout-requests-success']);
  assert.deepEqual(labels(complete(`${SLO_HEAD}  alertPolicies:\n    - alertPolicyRef: check|\n`, 'slos/new.yaml')), ['checkout-fast-burn']);
});

test('runbook paths for a manifest alert: the runbooks the index knows, relative to the manifest', () => {
  const items = complete(`${HEAD}  owner: a\n  alerts:\n    - name: A\n      runbook: |\n`, 'readiness.yaml');
  assert.deepEqual(items.map((i) => [i.label, i.kind]), [['runbooks/CheckoutHighErrorRate.md', 'file'], ['runbooks/CheckoutHighLatency.md', 'file'], ['runbooks/Rollback.md', 'file']]);
  assert.deepEqual(labels(complete(`${HEAD}  owner: a\n  runbooks:\n    - runbooks/Ro|\n`, 'readiness.yaml')), ['runbooks/CheckoutHighErrorRate.md', 'runbooks/CheckoutHighLatency.md', 'runbooks/Rollback.md']);
});

test('branches by the document: OpenSLO kinds, calendar only for a calendar window, no inline policy beside a ref', () => {
  assert.deepEqual(labels(complete('apiVersion: openslo/v1\nkind: |\n', 'slos/x.yaml')), ['SLO', 'SLI', 'DataSource', 'Service', 'AlertPolicy', 'AlertCondition', 'AlertNotificationTarget']);
  assert.deepEqual(labels(complete(`${SLO_HEAD}  timeWindow:\n    - duration: 28d\n      isRolling: true\n      |\n`, 'slos/x.yaml')), []);
  assert.deepEqual(labels(complete(`${SLO_HEAD}  timeWindow:\n    - duration: 28d\n      isRolling: false\n      |\n`, 'slos/x.yaml')), ['calendar']);
  assert.deepEqual(labels(complete(`${SLO_HEAD}  alertPolicies:\n    - alertPolicyRef: a\n      |\n`, 'slos/x.yaml')), []);
  assert.deepEqual(labels(complete(`${SLO_HEAD}  alertPolicies:\n    - kind: AlertPolicy\n      |\n`, 'slos/x.yaml')), ['metadata', 'spec']);
  assert.deepEqual(labels(complete(`${SLO_HEAD}  alertPolicies:\n    - |\n`, 'slos/x.yaml')), ['alertPolicyRef', 'kind', 'metadata', 'spec']);
});

test('nothing in a comment, inside a flow collection, or in YAML that is not ours', () => {
  assert.deepEqual(complete(`${HEAD}  owner: a # ti|\n`), []);
  assert.deepEqual(complete(`${HEAD}  owner: a\n  release:\n    pipeline: { gated: |\n`), []);
  assert.deepEqual(complete('apiVersion: apps/v1\nkind: Deployment\nspec:\n  |\n', 'deploy.yaml'), []);
});

test('runbook headings are still completed in runbooks', () => {
  const { text, position } = withCursor('# X\n\n## Meaning\n\nIt is.\n\n## |\n');
  assert.deepEqual(engine.complete({ uri: `${BASE}runbooks/X.md`, text }, position).map((i) => i.label).slice(0, 2), ['## Impact', '## Diagnosis']);
});

test('.prr.yaml: rule ids not set yet under `rules`, severities as their values', () => {
  const ids = complete('rules:\n  unknown-property: off\n  dup|\n', '.prr.yaml');
  assert.ok(!labels(ids).includes('unknown-property'));
  assert.deepEqual(item(ids, 'duplicate-key').edit.newText, 'duplicate-key: ');
  assert.equal(item(ids, 'duplicate-key').detail, 'rule · default error');
  assert.deepEqual(labels(complete('rules:\n  unknown-property: |\n', '.prr.yaml')), ['off', 'hint', 'info', 'warning', 'error']);
});
