// Document links (runbook paths, slos[].file, Sloth runbook annotations, a runbook's relative
// links — to files that exist) and go-to-definition of references.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from '../../server/src/service';
import { BASE, doc, MANIFEST, OPENSLO, positionOf, RUNBOOK, workspaceEngine } from './editor-fixtures';

const engine = workspaceEngine();
const START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
const range = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });

test('a manifest links its SLO file and the runbooks that exist; a missing runbook is not a link', () => {
  assert.deepEqual(engine.links(doc('readiness.yaml')), [
    { range: range(10, 12, 42), target: `${BASE}slos/availability.openslo.yaml`, tooltip: 'Open the SLO file' },
    { range: range(15, 15, 48), target: `${BASE}runbooks/CheckoutHighErrorRate.md`, tooltip: 'Open the runbook' },
    { range: range(21, 17, 37), target: `${BASE}runbooks/Rollback.md`, tooltip: 'Open the runbook' },
  ]);
});

test('a Sloth runbook annotation with a relative path links the runbook', () => {
  assert.deepEqual(engine.links(doc('slos/latency.sloth.yaml')), [{ range: range(12, 21, 55), target: `${BASE}runbooks/CheckoutHighLatency.md`, tooltip: 'Open the runbook' }]);
});

test('a runbook links relative files that exist (not URLs, anchors or missing files)', () => {
  assert.deepEqual(engine.links(doc('runbooks/CheckoutHighErrorRate.md')), [{ range: range(13, 72, 89), target: `${BASE}runbooks/Rollback.md` }]);
  assert.deepEqual(engine.links(doc('README.md')), []);
});

test('without file-system access, every relative path is a link', () => {
  const bare = createEngine();
  assert.deepEqual(bare.links(doc('readiness.yaml')).map((l) => l.target.slice(BASE.length)),
    ['slos/availability.openslo.yaml', 'runbooks/CheckoutHighErrorRate.md', 'runbooks/Missing.md', 'runbooks/Rollback.md']);
});

test('definition: indicatorRef goes to the SLI\'s name, slos[].ref to an OpenSLO or a Sloth SLO', () => {
  assert.deepEqual(engine.definition(doc('slos/availability.openslo.yaml'), positionOf(OPENSLO, 'checkout-requests-success', 5, 2)),
    [{ uri: `${BASE}slos/availability.openslo.yaml`, range: range(3, 8, 33) }]);
  const manifest = doc('readiness.yaml');
  assert.deepEqual(engine.definition(manifest, positionOf(MANIFEST, 'checkout-availability')), [{ uri: `${BASE}slos/availability.openslo.yaml`, range: range(21, 8, 29) }]);
  assert.deepEqual(engine.definition(manifest, positionOf(MANIFEST, 'checkout-latency', 16)), [{ uri: `${BASE}slos/latency.sloth.yaml`, range: range(3, 10, 26) }]);
});

test('definition: runbook paths and SLO files go to the file; nothing for what resolves nowhere or is no reference', () => {
  const manifest = doc('readiness.yaml');
  assert.deepEqual(engine.definition(manifest, positionOf(MANIFEST, 'runbooks/Rollback.md', 4)), [{ uri: `${BASE}runbooks/Rollback.md`, range: START }]);
  assert.deepEqual(engine.definition(manifest, positionOf(MANIFEST, 'slos/availability', 2)), [{ uri: `${BASE}slos/availability.openslo.yaml`, range: START }]);
  assert.deepEqual(engine.definition(manifest, positionOf(MANIFEST, 'runbooks/Missing.md', 4)), []);
  assert.deepEqual(engine.definition(doc('slos/availability.openslo.yaml'), positionOf(OPENSLO, 'checkout-slow-burn', 2)), []);
  assert.deepEqual(engine.definition(manifest, positionOf(MANIFEST, 'team-checkout', 2)), []);
  assert.deepEqual(engine.definition(doc('runbooks/CheckoutHighErrorRate.md'), positionOf(RUNBOOK, 'Rollback.md#steps', 3)), [{ uri: `${BASE}runbooks/Rollback.md`, range: START }]);
});

test('a manifest\'s slos[].file narrows definition to that file, and is a written path (`%` part of the name)', () => {
  const files = new Set(['file:///w/slos/a.yaml', 'file:///w/slos/b%2520c.yaml']);
  const engine = createEngine({ io: { exists: (uri) => files.has(uri), readFile: () => undefined } });
  const sloth = (name: string) => `version: "prometheus/v1"\nservice: "svc"\nslos:\n  - name: "${name}"\n    objective: 99.9\n    sli: {raw: {error_ratio_query: 'sum(rate(x[{{.window}}]))'}}\n    alerting: {name: A}\n`;
  engine.setFile({ uri: 'file:///w/slos/a.yaml', text: sloth('orders') });
  engine.setFile({ uri: 'file:///w/slos/b%2520c.yaml', text: sloth('orders') });
  const text = 'apiVersion: prr/v1\nkind: ServiceReadiness\nmetadata:\n  name: svc\nspec:\n  owner: t\n  tier: 2\n  slos:\n    - ref: orders\n      file: slos/b%20c.yaml\n';
  const manifest = { uri: 'file:///w/readiness.yaml', text };
  engine.setFile(manifest);
  assert.deepEqual(engine.definition(manifest, { line: 8, character: 12 }).map((l) => l.uri), ['file:///w/slos/b%2520c.yaml']);
  assert.deepEqual(engine.links(manifest).map((l) => l.target), ['file:///w/slos/b%2520c.yaml']);
});
