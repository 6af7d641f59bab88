// A small workspace for the editor-feature tests: a manifest, an OpenSLO file (SLI, SLO,
// AlertPolicy), a Sloth file and runbooks, indexed by one engine with a fake file system.

import { createEngine, type Engine, type Position, type SourceDocument } from '../../server/src/service';

export const BASE = 'file:///w/checkout/';

export const MANIFEST = [
  'apiVersion: prr/v1',
  'kind: ServiceReadiness',
  'metadata:',
  '  name: checkout-api',
  'spec:',
  '  owner: team-checkout',
  '  lifecycle: production',
  '  tier: 1',
  '  slos:',
  '    - ref: checkout-availability',
  '      file: slos/availability.openslo.yaml',
  '    - ref: checkout-latency',
  '  alerts:',
  '    - name: CheckoutHighErrorRate',
  '      severity: page',
  '      runbook: runbooks/CheckoutHighErrorRate.md',
  '    - name: CheckoutDown',
  '      severity: page',
  '      runbook: runbooks/Missing.md',
  '  release:',
  '    rollback:',
  '      procedure: runbooks/Rollback.md',
  '',
].join('\n');

export const OPENSLO = [
  'apiVersion: openslo/v1',
  'kind: SLI',
  'metadata:',
  '  name: checkout-requests-success',
  'spec:',
  '  ratioMetric:',
  '    counter: true',
  '    good:',
  '      metricSource:',
  '        type: Prometheus',
  '        spec:',
  '          query: sum(rate(ok[5m]))',
  '    total:',
  '      metricSource:',
  '        type: Prometheus',
  '        spec:',
  '          query: sum(rate(all[5m]))',
  '---',
  'apiVersion: openslo/v1',
  'kind: SLO',
  'metadata:',
  '  name: checkout-availability',
  'spec:',
  '  service: checkout-api',
  '  indicatorRef: checkout-requests-success',
  '  budgetingMethod: Occurrences',
  '  timeWindow:',
  '    - duration: 28d',
  '      isRolling: true',
  '  objectives:',
  '    - displayName: Checkout requests succeed',
  '      target: 0.999',
  '  alertPolicies:',
  '    - alertPolicyRef: checkout-fast-burn',
  '    - alertPolicyRef: checkout-slow-burn',
  '---',
  'apiVersion: openslo/v1',
  'kind: AlertPolicy',
  'metadata:',
  '  name: checkout-fast-burn',
  'spec:',
  '  conditions:',
  '    - conditionRef: burn-14x',
  '  notificationTargets:',
  '    - targetRef: pagerduty',
  '',
].join('\n');

export const SLOTH = [
  'version: prometheus/v1',
  'service: checkout-api',
  'slos:',
  '  - name: checkout-latency',
  '    objective: 99',
  '    sli:',
  '      events:',
  '        error_query: sum(rate(slow[{{.window}}]))',
  '        total_query: sum(rate(all[{{.window}}]))',
  '    alerting:',
  '      name: CheckoutHighLatency',
  '      annotations:',
  '        runbook_url: ../runbooks/CheckoutHighLatency.md',
  '',
].join('\n');

export const RUNBOOK = [
  '---',
  'title: CheckoutHighErrorRate',
  'lastReviewed: 2026-11-01',
  '---',
  '',
  '# CheckoutHighErrorRate',
  '',
  '## Overview',
  '',
  'Errors are high.',
  '',
  '## Troubleshooting',
  '',
  'See the [dashboard](https://grafana.example.com/d/x) and [the rollback](Rollback.md#steps).',
  '',
  '### Logs',
  '',
  'Read [the notes](../notes/missing.md) and [below](#mitigation).',
  '',
  '## Mitigation',
  '',
  '1. Roll back.',
  '',
].join('\n');

export const FILES: Record<string, string> = {
  'readiness.yaml': MANIFEST,
  'slos/availability.openslo.yaml': OPENSLO,
  'slos/latency.sloth.yaml': SLOTH,
  'runbooks/CheckoutHighErrorRate.md': RUNBOOK,
  'runbooks/CheckoutHighLatency.md': '# CheckoutHighLatency\n',
  'runbooks/Rollback.md': '# Rollback\n',
  'README.md': '# Checkout\n',
};

/** An engine that has indexed FILES and sees exactly them on its file system. */
export function workspaceEngine(): Engine {
  const exists = (uri: string) => Object.keys(FILES).some((path) => BASE + path === uri);
  const engine = createEngine({ io: { exists, readFile: (uri) => FILES[uri.slice(BASE.length)] } });
  for (const [path, text] of Object.entries(FILES)) engine.setFile({ uri: BASE + path, text });
  return engine;
}

export function doc(path: string, text = FILES[path]): SourceDocument {
  return { uri: BASE + path, text };
}

/** The position of the `n`th occurrence of `needle` in `text`, plus `delta` characters. */
export function positionOf(text: string, needle: string, delta = 0, n = 1): Position {
  let offset = -1;
  for (let i = 0; i < n; i++) offset = text.indexOf(needle, offset + 1);
  if (offset < 0) throw new Error(`${needle} not found`);
  const before = text.slice(0, offset + delta).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/** A text with a `|` marking the cursor: the text without it, and the cursor's position. */
export function withCursor(marked: string): { text: string; position: Position } {
  const at = marked.indexOf('|');
  const text = marked.slice(0, at) + marked.slice(at + 1);
  const before = text.slice(0, at).split('\n');
  return { text, position: { line: before.length - 1, character: before[before.length - 1].length } };
}
