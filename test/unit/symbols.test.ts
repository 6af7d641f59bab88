// Document symbols: each YAML object of ours with its top-level sections and their list
// items; a runbook's heading tree. Every selection range lies inside its symbol's range.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DocumentSymbol, Range } from '../../server/src/service';
import { doc, workspaceEngine } from './editor-fixtures';

const engine = workspaceEngine();

const at = (r: Range) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
/** One line per symbol: indentation for depth, name, (detail), kind, range, selection range. */
function outline(symbols: readonly DocumentSymbol[], depth = 0): string[] {
  return symbols.flatMap((s) => [`${'  '.repeat(depth)}${s.name}${s.detail ? ` (${s.detail})` : ''} ${s.kind} ${at(s.range)} ${at(s.selectionRange)}`, ...outline(s.children, depth + 1)]);
}

function assertNested(symbols: readonly DocumentSymbol[], parent?: Range): void {
  const within = (inner: Range, outer: Range) =>
    (inner.start.line > outer.start.line || (inner.start.line === outer.start.line && inner.start.character >= outer.start.character))
    && (inner.end.line < outer.end.line || (inner.end.line === outer.end.line && inner.end.character <= outer.end.character));
  for (const s of symbols) {
    assert.ok(within(s.selectionRange, s.range), `${s.name}: selection inside range`);
    if (parent) assert.ok(within(s.range, parent), `${s.name}: inside its parent`);
    assertNested(s.children, s.range);
  }
}

test('a manifest: the object by kind and name, its sections, list items by name', () => {
  const symbols = engine.symbols(doc('readiness.yaml'));
  assert.deepEqual(outline(symbols), [
    'ServiceReadiness checkout-api (readiness manifest) object 0:0-21:37 3:8-3:20',
    '  metadata section 2:0-3:20 2:0-2:8',
    '  owner (team-checkout) section 5:2-5:22 5:2-5:7',
    '  lifecycle (production) section 6:2-6:23 6:2-6:11',
    '  tier (1) section 7:2-7:9 7:2-7:6',
    '  slos section 8:2-11:27 8:2-8:6',
    '    checkout-availability ([0]) item 9:6-10:42 9:11-9:32',
    '    checkout-latency ([1]) item 11:6-11:27 11:11-11:27',
    '  alerts section 12:2-18:34 12:2-12:8',
    '    CheckoutHighErrorRate ([0]) item 13:6-15:48 13:12-13:33',
    '    CheckoutDown ([1]) item 16:6-18:34 16:12-16:24',
    '  release section 19:2-21:37 19:2-19:9',
  ]);
  assertNested(symbols);
});

test('a multi-document OpenSLO file: one symbol per object, ranges in the whole file', () => {
  const symbols = engine.symbols(doc('slos/availability.openslo.yaml'));
  assert.deepEqual(symbols.map((s) => `${s.name} ${at(s.range)}`), [
    'SLI checkout-requests-success 0:0-16:35',
    'SLO checkout-availability 18:0-34:40',
    'AlertPolicy checkout-fast-burn 36:0-44:26',
  ]);
  assert.deepEqual(outline(symbols[1].children), [
    'metadata section 20:0-21:29 20:0-20:8',
    'service (checkout-api) section 23:2-23:23 23:2-23:9',
    'indicatorRef (checkout-requests-success) section 24:2-24:41 24:2-24:14',
    'budgetingMethod (Occurrences) section 25:2-25:30 25:2-25:17',
    'timeWindow section 26:2-28:21 26:2-26:12',
    '  28d ([0]) item 27:6-28:21 27:16-27:19',
    'objectives section 29:2-31:19 29:2-29:12',
    '  Checkout requests succeed ([0] · 40 m 19 s of error budget per 28 d (0.1 % may fail)) item 30:6-31:19 30:19-30:44',
    'alertPolicies section 32:2-34:40 32:2-32:15',
    '  checkout-fast-burn ([0]) item 33:6-33:40 33:22-33:40',
    '  checkout-slow-burn ([1]) item 34:6-34:40 34:22-34:40',
  ]);
  assertNested(symbols);
});

test('a Sloth file: the service, its SLOs', () => {
  assert.deepEqual(outline(engine.symbols(doc('slos/latency.sloth.yaml'))), [
    'Sloth service checkout-api (Sloth prometheus/v1) object 0:0-12:55 1:9-1:21',
    '  slos section 2:0-12:55 2:0-2:4',
    '    checkout-latency ([0] · 7 h 12 m of error budget per 30 d (1 % may fail)) item 3:4-12:55 3:10-3:26',
  ]);
});

test('a runbook: headings nested by level, each covering its section, with the canonical section it counts as', () => {
  const symbols = engine.symbols(doc('runbooks/CheckoutHighErrorRate.md'));
  assert.deepEqual(outline(symbols), [
    'CheckoutHighErrorRate heading 5:0-21:13 5:0-5:23',
    '  Overview (Meaning) heading 7:0-9:16 7:0-7:11',
    '  Troubleshooting (Diagnosis) heading 11:0-17:63 11:0-11:18',
    '    Logs heading 15:0-17:63 15:0-15:8',
    '  Mitigation heading 19:0-21:13 19:0-19:13',
  ]);
  assertNested(symbols);
});

test('nothing for files that are not ours; a top-level list of objects and a broken document still outline', () => {
  assert.deepEqual(engine.symbols(doc('README.md')), []);
  assert.deepEqual(engine.symbols({ uri: 'file:///w/deploy.yaml', text: 'apiVersion: apps/v1\nkind: Deployment\n' }), []);
  const list = '- apiVersion: openslo/v1\n  kind: Service\n  metadata:\n    name: a\n- apiVersion: openslo/v1\n  kind: Service\n  metadata:\n    name: b\n';
  assert.deepEqual(outline(engine.symbols({ uri: 'file:///w/services.yaml', text: list })), [
    'Service a (OpenSLO openslo/v1) object 0:2-3:11 3:10-3:11',
    '  metadata section 2:2-3:11 2:2-2:10',
    'Service b (OpenSLO openslo/v1) object 4:2-7:11 7:10-7:11',
    '  metadata section 6:2-7:11 6:2-6:10',
  ]);
  const broken = 'apiVersion: prr/v1\nkind: ServiceReadiness\nmetadata:\n  name: x\nspec:\n  owner: [a\n  tier: 1\n';
  assert.deepEqual(engine.symbols({ uri: 'file:///w/readiness.yaml', text: broken }).map((s) => s.name), ['ServiceReadiness x']);
});
