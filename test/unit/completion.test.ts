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

test('nothing in a comment, after a closed flow collection, or in YAML that is not ours', () => {
  assert.deepEqual(complete(`${HEAD}  owner: a # ti|\n`), []);
  assert.deepEqual(complete(`${HEAD}  owner: a\n  release: { pipeline: { gated: true } } |\n`), []);
  assert.deepEqual(complete(`${HEAD}  owner: a\n  release: { pipeline: { gated: true } } # { |\n`), []);
  assert.deepEqual(complete('apiVersion: apps/v1\nkind: Deployment\nspec:\n  |\n', 'deploy.yaml'), []);
});

test('snippets: tab stops for the values still to type, a choice of allowed values (the default first), then $0', () => {
  const items = complete(`${HEAD}  owner: a\n  |\n`);
  assert.equal(item(items, 'alerts').snippet, 'alerts:\n    - name: ${1:}\n      severity: ${2|page,ticket,info|}\n      runbook: ${3:}$0');
  assert.equal(item(items, 'tier').snippet, 'tier: ${1|1,2,3,4|}$0');
  assert.equal(item(items, 'lifecycle').snippet, 'lifecycle: ${1|production,experimental,deprecated|}$0');
  // Where plain text already leaves the cursor at the one place to type, no snippet.
  assert.equal(item(items, 'system').snippet, undefined);
  assert.equal(item(items, 'slos').snippet, undefined);
  assert.equal(item(items, 'release').snippet, undefined);
  const spec = complete('apiVersion: openslo/v1\nkind: SLO\nmetadata:\n  name: x\n|\n', 'svc/x.yaml');
  assert.equal(item(spec, 'spec').snippet, 'spec:\n  service: ${1:}\n  budgetingMethod: ${2|Occurrences,Timeslices,RatioTimeslices|}\n  timeWindow:\n    - duration: ${3:}\n  objectives:\n    - ${4:}$0');
  // Every snippet is its plain text with tab stops: the text around them is the same, byte for byte.
  for (const i of [...items, ...spec]) {
    if (i.snippet === undefined) continue;
    const stripped = i.snippet.replace(/\$\{\d+(:|\|(?:[^|\\]|\\.)*\|)\}|\$0$/g, '').replace(/\\([\\$}])/g, '$1');
    assert.equal(stripped, i.edit.newText, i.label);
  }
});

test('flow style: keys inside `{ }` written flow style, values after `key: `, items of `[ ]`, over several lines', () => {
  const pipeline = complete(`${HEAD}  owner: a\n  release: { pipeline: { gated: true, | } }\n`);
  assert.deepEqual(labels(pipeline), ['url', 'requiredChecks']);
  assert.deepEqual(item(pipeline, 'requiredChecks').edit, { range: { start: { line: 6, character: 38 }, end: { line: 6, character: 38 } }, newText: 'requiredChecks: []' });
  assert.equal(item(pipeline, 'requiredChecks').snippet, 'requiredChecks: [${1:}]$0');
  const release = complete(`${HEAD}  owner: a\n  release: { | }\n`);
  assert.equal(item(release, 'pipeline').edit.newText, 'pipeline: {}');
  const alerts = complete(`${HEAD}  owner: a\n  |\n  release: {}\n`.replace('  |\n', '  alerts: [{ name: A, severity: page, | }]\n'));
  assert.deepEqual(labels(alerts), ['runbook', 'expr', 'slo']);
  const spec = complete(`${HEAD.replace('spec:\n', '')}spec: { owner: a, | }\n`);
  assert.equal(item(spec, 'alerts').edit.newText, 'alerts: [{ name: , severity: , runbook:  }]');
  assert.equal(item(spec, 'alerts').snippet, 'alerts: [{ name: ${1:}, severity: ${2|page,ticket,info|}, runbook: ${3:} \\}]$0');
  // Values: booleans and enums, replacing the typed word; a value with a flow indicator is quoted.
  assert.deepEqual(complete(`${HEAD}  release:\n    pipeline: { gated: tr| }\n`).map((i) => [i.label, i.edit.range]), [
    ['true', { start: { line: 6, character: 23 }, end: { line: 6, character: 25 } }],
    ['false', { start: { line: 6, character: 23 }, end: { line: 6, character: 25 } }],
  ]);
  assert.deepEqual(labels(complete(`${HEAD}  release: {\n    strategy: |\n  }\n`)), ['canary', 'blue-green', 'rolling', 'recreate']);
  // Right after the colon, the value comes with a space: `{strategy:canary}` would be one plain scalar, a key.
  assert.equal(item(complete(`${HEAD}  owner: a\n  release: {strategy:|}\n`), 'canary').edit.newText, ' canary');
  // Items of a flow list: references and runbook paths; a collection left open still completes.
  assert.deepEqual(labels(complete(`${HEAD}  owner: a\n  slos: [{ ref: check| }]\n`)), ['checkout-availability', 'checkout-latency']);
  assert.deepEqual(labels(complete(`${HEAD}  owner: a\n  runbooks: [runbooks/Rollback.md, |`, 'readiness.yaml')), ['runbooks/CheckoutHighErrorRate.md', 'runbooks/CheckoutHighLatency.md', 'runbooks/Rollback.md']);
  // An object item of a flow list starts with `{`: before it, nothing.
  assert.deepEqual(complete(`${HEAD}  owner: a\n  slos: [|]\n`), []);
});

test('examples and the default of a free value are offered after `key: `, the default preselected', () => {
  assert.deepEqual(complete(`${HEAD}  owner: |\n`).map((i) => [i.label, i.kind, i.detail, i.edit.newText]), [['team-checkout', 'value', 'example', 'team-checkout']]);
  assert.deepEqual(complete(`${HEAD}  owner: a\n  system: |\n`).map((i) => [i.label, i.detail]), [['webshop', 'example']]);
  // A reference offers the workspace's names, not the schema's examples.
  assert.deepEqual(labels(complete(`${HEAD}  owner: a\n  slos:\n    - ref: |\n`)), ['checkout-availability', 'checkout-latency']);
});

test('JSON files of our kinds: quoted keys and strings, over a typed opening quote', () => {
  const head = '{\n  "apiVersion": "prr/v1",\n  "kind": "ServiceReadiness",\n  "metadata": { "name": "x" },\n  "spec": {\n    "owner": "a",\n';
  const keys = complete(`${head}    "li|"\n  }\n}\n`, 'svc/readiness.json');
  assert.deepEqual(item(keys, 'lifecycle').edit, { range: { start: { line: 6, character: 4 }, end: { line: 6, character: 8 } }, newText: '"lifecycle": ' });
  assert.equal(item(keys, 'lifecycle').filterText, '"lifecycle');
  assert.equal(item(keys, 'lifecycle').snippet, '"lifecycle": ${1|"production","experimental","deprecated"|}$0');
  assert.equal(item(keys, 'slos').edit.newText, '"slos": [{"ref": }]');
  const values = complete(`${head}    "lifecycle": "pro|"\n  }\n}\n`, 'svc/readiness.json');
  assert.deepEqual(values.map((i) => [i.edit.newText, i.filterText]), [['"experimental"', '"experimental'], ['"production"', '"production'], ['"deprecated"', '"deprecated']]);
  assert.deepEqual(values[1].edit.range, { start: { line: 6, character: 17 }, end: { line: 6, character: 22 } });
  assert.deepEqual(complete(`${head}    "tier": |\n`, 'svc/readiness.json').map((i) => i.edit.newText), ['1', '2', '3', '4']);
});

test('runbook headings are still completed in runbooks', () => {
  const { text, position } = withCursor('# X\n\n## Meaning\n\nIt is.\n\n## |\n');
  assert.deepEqual(engine.complete({ uri: `${BASE}runbooks/X.md`, text }, position).map((i) => i.label).slice(0, 2), ['## Impact', '## Diagnosis']);
});

test('no heading completion on a `#` line in a code block, an HTML comment or the front matter', () => {
  const runbook = '---\ntitle: X\n# |front\n---\n\n# X\n\n## Meaning\n\n```sh\n# |code\n```\n\n<!--\n# |comment\n-->\n\n## |\n';
  const cursors = [...runbook.matchAll(/\|/g)].map((m) => m.index);
  const results = cursors.map((at) => {
    const { text, position } = withCursor(runbook.slice(0, at + 1).replace(/\|/g, '') + '|' + runbook.slice(at + 1).replace(/\|/g, ''));
    return engine.complete({ uri: `${BASE}runbooks/X.md`, text }, position).length;
  });
  assert.deepEqual(results.slice(0, 3), [0, 0, 0]);
  assert.ok(results[3] > 0, 'a real heading line is still completed');
});

test('.prr.yaml: rule ids not set yet under `rules`, severities as their values', () => {
  const ids = complete('rules:\n  unknown-property: off\n  dup|\n', '.prr.yaml');
  assert.ok(!labels(ids).includes('unknown-property'));
  assert.deepEqual(item(ids, 'duplicate-key').edit.newText, 'duplicate-key: ');
  assert.equal(item(ids, 'duplicate-key').detail, 'rule · default error');
  assert.deepEqual(labels(complete('rules:\n  unknown-property: |\n', '.prr.yaml')), ['off', 'hint', 'info', 'warning', 'error']);
});

test('completing on a key with a nested block offers no key the mapping has after it; a Sloth sli with events offers neither raw nor plugin; slos[].ref next to file: offers that file\'s SLOs', () => {
  const manifest = complete('apiVersion: prr/v1\nkind: ServiceReadiness\nmetadata:\n  name: svc\nspec:\n  owner: team-a\n  tier: 2\n  |release:\n    strategy: canary\n  observability:\n    metrics:\n      tool: prometheus\n', 'svc/a.readiness.yaml');
  assert.ok(labels(manifest).includes('release'), 'the key under the cursor itself');
  assert.ok(!labels(manifest).includes('observability'));
  const sloth = complete('version: "prometheus/v1"\nservice: "myservice"\nslos:\n  - name: "requests-availability"\n    objective: 99.9\n    sli:\n      events:\n        error_query: sum(rate(x{code=~"5.."}[{{.window}}]))\n        total_query: sum(rate(x[{{.window}}]))\n      |\n', 'sloth.yaml');
  assert.deepEqual(labels(sloth), []);
  const ref = complete(`${HEAD}  owner: a\n  slos:\n    - file: ../slos/latency.sloth.yaml\n      ref: |\n`);
  assert.deepEqual(labels(ref), ['checkout-latency']);
});

test('a value an if/then rules out next to the keys already there is not offered: isRolling next to a calendar', () => {
  const window = (calendar: string) => `${SLO_HEAD}  service: svc\n  indicatorRef: i\n  budgetingMethod: Occurrences\n  timeWindow:\n    - duration: 1M\n${calendar}      isRolling: |\n  objectives:\n    - target: 0.99\n`;
  assert.deepEqual(labels(complete(window('      calendar:\n        startTime: "2026-01-01 00:00:00"\n        timeZone: UTC\n'), 'slos/w.yaml')), ['false']);
  assert.deepEqual(labels(complete(window(''), 'slos/w.yaml')), ['true', 'false']);
});
