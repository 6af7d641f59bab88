// The object rules for SLO files: each reports one finding at the exact range with the
// expected message, stays quiet on a correct document, and never throws on odd shapes.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from './helpers';

/** An OpenSLO v1 SLO with an inline ratio SLI and a Service, valid apart from what is substituted. */
function openSloV1(timeZone: string, objectives = '    - target: 0.99'): string {
  return `apiVersion: openslo/v1
kind: SLO
metadata:
  name: checkout-availability
spec:
  service: checkout
  indicator:
    metadata:
      name: checkout-errors
    spec:
      ratioMetric:
        counter: true
        good:
          metricSource:
            type: Prometheus
            spec:
              query: sum(rate(http_requests_total{code!~"5.."}[5m]))
        total:
          metricSource:
            type: Prometheus
            spec:
              query: sum(rate(http_requests_total[5m]))
  budgetingMethod: Occurrences
  timeWindow:
    - duration: 1M
      calendar:
        startTime: "2024-01-01 00:00:00"
        timeZone: ${timeZone}
  objectives:
${objectives}
---
apiVersion: openslo/v1
kind: Service
metadata:
  name: checkout
`;
}

function openSloV1alpha(timeZone: string, target = '0.99'): string {
  return `apiVersion: openslo/v1alpha
kind: SLO
metadata:
  name: checkout-availability
spec:
  service: checkout
  budgetingMethod: Occurrences
  timeWindows:
    - unit: Month
      count: 1
      calendar:
        startTime: "2024-01-01 00:00:00"
        timeZone: ${timeZone}
  objectives:
    - target: ${target}
      ratioMetrics:
        incremental: true
        good: { source: prometheus, queryType: promql, query: good }
        total: { source: prometheus, queryType: promql, query: total }
---
apiVersion: openslo/v1alpha
kind: Service
metadata:
  name: checkout
`;
}

function slothPrometheus(sli: string): string {
  return `version: prometheus/v1
service: checkout
slos:
  - name: requests-availability
    objective: 99.9
    sli:
${sli}
    alerting:
      name: CheckoutHighErrorRate
`;
}

function slothK8s(sli: string): string {
  return `apiVersion: sloth.slok.dev/v1
kind: PrometheusServiceLevel
metadata:
  name: checkout
spec:
  service: checkout
  slos:
    - name: requests-availability
      objective: 99.9
      sli:
${sli}
      alerting:
        name: CheckoutHighErrorRate
`;
}

const ERRORS = 'sum(rate(http_requests_total{code=~"5.."}[{{.window}}]))';
const TOTAL = 'sum(rate(http_requests_total[{{.window}}]))';

test('openslo-time-zone: real IANA names and aliases pass', () => {
  for (const zone of ['America/New_York', 'US/Eastern', 'UTC', 'Etc/GMT+5']) {
    assert.deepEqual(check(openSloV1(zone), 'slo.yaml'), [], zone);
  }
  assert.deepEqual(check(openSloV1alpha('Europe/London'), 'slo.yaml'), []);
});

test('openslo-time-zone: an unknown zone, at the value, with the nearest real one', () => {
  assert.deepEqual(check(openSloV1('America/NewYork'), 'slo.yaml'), [
    '28:19-28:34 openslo-time-zone `spec.timeWindow[0].calendar.timeZone` must be a time zone name from the IANA database, e.g. `America/New_York` or `UTC`; got `America/NewYork` — did you mean `America/New_York`?',
  ]);
  assert.deepEqual(check(openSloV1('EST5'), 'slo.yaml'), [
    '28:19-28:23 openslo-time-zone `spec.timeWindow[0].calendar.timeZone` must be a time zone name from the IANA database, e.g. `America/New_York` or `UTC`; got `EST5`',
  ]);
  assert.deepEqual(check(openSloV1alpha('Mars/Olympus'), 'slo.yaml'), [
    '13:19-13:31 openslo-time-zone `spec.timeWindows[0].calendar.timeZone` must be a time zone name from the IANA database, e.g. `America/New_York` or `UTC`; got `Mars/Olympus`',
  ]);
});

test('openslo-time-zone: names are case-sensitive', () => {
  assert.deepEqual(check(openSloV1('america/new_york'), 'slo.yaml'), [
    '28:19-28:35 openslo-time-zone `spec.timeWindow[0].calendar.timeZone` must be written `America/New_York`: time zone names are case-sensitive; got `america/new_york`',
  ]);
});

test('openslo-time-zone: a name of the wrong shape is the schema\'s finding only', () => {
  assert.deepEqual(check(openSloV1('New York'), 'slo.yaml'), [
    '28:19-28:27 invalid-format `spec.timeWindow[0].calendar.timeZone` must be an IANA time zone name (e.g. `America/New_York`); got `New York`',
  ]);
});

test('openslo-no-error-budget: target 1 and targetPercent 100, at the value', () => {
  // The schema also rejects both (OpenSLO targets lie in [0, 1) and [0, 100)).
  assert.deepEqual(check(openSloV1('UTC', '    - target: 1\n    - targetPercent: 100'), 'slo.yaml'), [
    '30:15-30:16 openslo-no-error-budget `spec.objectives[0]` targets 100% (`target: 1`), which leaves no error budget: every single failure breaches the SLO; use a target below 1, e.g. `0.999`',
    '31:22-31:25 openslo-no-error-budget `spec.objectives[1]` targets 100% (`targetPercent: 100`), which leaves no error budget: every single failure breaches the SLO; use a target below 100, e.g. `99.9`',
  ]);
  assert.deepEqual(check(openSloV1alpha('UTC', '1'), 'slo.yaml'), [
    '15:15-15:16 openslo-no-error-budget `spec.objectives[0]` targets 100% (`target: 1`), which leaves no error budget: every single failure breaches the SLO; use a target below 1, e.g. `0.999`',
  ]);
});

test('openslo-no-error-budget: targets below 100% pass', () => {
  assert.deepEqual(check(openSloV1('UTC', '    - target: 0.999\n    - targetPercent: 99.99'), 'slo.yaml'), []);
  assert.deepEqual(check(openSloV1alpha('UTC', '0.9999'), 'slo.yaml'), []);
});

test('sloth-window-placeholder: a query without {{.window}}, at the query', () => {
  const events = `      events:\n        error_query: sum(rate(http_requests_total{code=~"5.."}[5m]))\n        total_query: ${TOTAL}`;
  assert.deepEqual(check(slothPrometheus(events), 'slo.yaml'), [
    '8:22-8:69 sloth-window-placeholder `slos[0].sli.events.error_query` has no `{{.window}}`: Sloth puts each alerting window there (e.g. `rate(http_requests_total[{{.window}}])`); without it every window computes the same value',
  ]);
  const raw = '        raw:\n          errorRatioQuery: sum(rate(errors[1h])) / sum(rate(requests[1h]))';
  assert.deepEqual(check(slothK8s(raw), 'slo.yaml'), [
    '12:28-12:75 sloth-window-placeholder `spec.slos[0].sli.raw.errorRatioQuery` has no `{{.window}}`: Sloth puts each alerting window there (e.g. `rate(http_requests_total[{{.window}}])`); without it every window computes the same value',
  ]);
});

test('sloth-window-placeholder: {{.window}} and {{ .window }} pass', () => {
  assert.deepEqual(check(slothPrometheus(`      events:\n        error_query: ${ERRORS}\n        total_query: sum(rate(http_requests_total[{{ .window }}]))`), 'slo.yaml'), []);
  assert.deepEqual(check(slothPrometheus('      raw:\n        error_ratio_query: sum(rate(errors[{{.window}}])) / sum(rate(requests[{{.window}}]))'), 'slo.yaml'), []);
  assert.deepEqual(check(slothK8s(`        events:\n          errorQuery: ${ERRORS}\n          totalQuery: ${TOTAL}`), 'slo.yaml'), []);
});

test('sloth-same-queries: the error query equals the total query up to whitespace, at the error query', () => {
  const events = `      events:\n        error_query: ${TOTAL}\n        total_query: sum( rate(http_requests_total[{{ .window }}]) )`;
  assert.deepEqual(check(slothPrometheus(events), 'slo.yaml'), [
    '8:22-8:65 sloth-same-queries `slos[0].sli.events.error_query` is the same query as `total_query`: every event counts as an error, so the error ratio is always 1; the error query should select only the failed events (e.g. `code=~"5.."`)',
  ]);
  const k8s = `        events:\n          errorQuery: ${TOTAL}\n          totalQuery: ${TOTAL}`;
  assert.deepEqual(check(slothK8s(k8s), 'slo.yaml'), [
    '12:23-12:66 sloth-same-queries `spec.slos[0].sli.events.errorQuery` is the same query as `totalQuery`: every event counts as an error, so the error ratio is always 1; the error query should select only the failed events (e.g. `code=~"5.."`)',
  ]);
});

test('sloth-same-queries: different queries pass, even when only a quoted label value differs in spacing', () => {
  assert.deepEqual(check(slothPrometheus(`      events:\n        error_query: ${ERRORS}\n        total_query: ${TOTAL}`), 'slo.yaml'), []);
  const quoted = '      events:\n        error_query: \'sum(rate(x{a="b c"}[{{.window}}]))\'\n        total_query: \'sum(rate(x{a="bc"}[{{.window}}]))\'';
  assert.deepEqual(check(slothPrometheus(quoted), 'slo.yaml'), []);
});

test('odd shapes give schema findings, never an internal-error', () => {
  const documents = [
    'version: prometheus/v1\nservice: svc\nslos: 3\n',
    'version: prometheus/v1\nservice: svc\nslos:\n  - null\n  - 3\n  - [1]\n  - sli: null\n  - sli: [1]\n  - sli: {events: 3, raw: [x]}\n  - sli: {events: {error_query: 3, total_query: null}, raw: {error_ratio_query: {a: 1}}}\n',
    'apiVersion: sloth.slok.dev/v1\nkind: PrometheusServiceLevel\nmetadata:\n  name: a\nspec: 3\n',
    'apiVersion: sloth.slok.dev/v1\nkind: PrometheusServiceLevel\nmetadata:\n  name: a\nspec:\n  slos: {a: 1}\n',
    'apiVersion: openslo/v1\nkind: SLO\nmetadata:\n  name: a\nspec:\n  timeWindow: "x"\n  objectives: 3\n',
    'apiVersion: openslo/v1\nkind: SLO\nmetadata:\n  name: a\nspec:\n  timeWindow: [null, 3, {calendar: null}, {calendar: {timeZone: 5}}, {calendar: {timeZone: [x]}}]\n  objectives: [null, 1, [1], {target: "1"}, {targetPercent: null}]\n',
    'apiVersion: openslo/v1alpha\nkind: SLO\nmetadata:\n  name: a\nspec: null\n',
    'apiVersion: openslo/v1alpha\nkind: SLO\nmetadata:\n  name: a\nspec:\n  timeWindows: {calendar: {timeZone: Mars/Olympus}}\n  objectives: {target: 1}\n',
    '- apiVersion: openslo/v1\n  kind: SLO\n  spec: [1]\n- version: prometheus/v1\n  slos: [{sli: {events: {error_query: "", total_query: ""}}}]\n',
  ];
  for (const text of documents) {
    const findings = check(text, 'slo.yaml');
    assert.ok(findings.length > 0, `expected schema findings for:\n${text}`);
    assert.deepEqual(findings.filter((f) => / internal-error /.test(f)), [], text);
    assert.deepEqual(findings.filter((f) => / (openslo-time-zone|openslo-no-error-budget|sloth-window-placeholder|sloth-same-queries) /.test(f)), [], text);
  }
});

/** An OpenSLO v1alpha SLO as Sloth reads it (queries with `{{.window}}`), with the given window. */
function slothOpenSlo(count: number, unit: string, query = TOTAL): string {
  return ['apiVersion: openslo/v1alpha', 'kind: SLO', 'metadata:', '  name: slo1', '  displayName: SLO 1', 'spec:', '  service: svc01',
    '  budgetingMethod: Occurrences', '  objectives:', '    - ratioMetrics:', '        good:', '          source: prometheus', '          queryType: promql',
    `          query: ${query}`, '        total:', '          source: prometheus', '          queryType: promql', `          query: ${query}`,
    '      target: 0.999', '  timeWindows:', `    - count: ${count}`, `      unit: ${unit}`, ''].join('\n');
}

test('sloth-openslo-window: a Sloth-bound OpenSLO SLO with a period Sloth has no windows for', () => {
  const rule = (text: string) => check(text, 'slo.yaml').filter((f) => f.includes(' sloth-openslo-window '));
  assert.deepEqual(rule(slothOpenSlo(28, 'Day')), [
    '21:14-21:16 sloth-openslo-window Sloth generates alerts only for 30-day SLO periods unless it is given an AlertWindows catalogue, so `sloth validate` rejects this 28 Day window; use `count: 30` with `unit: Day` (this SLO is for Sloth: its queries use `{{.window}}`)',
  ]);
  assert.deepEqual(rule(slothOpenSlo(30, 'Day')), []);
  // Not written for Sloth (no {{.window}}): other tools accept any period.
  assert.deepEqual(rule(slothOpenSlo(28, 'Day', 'sum(rate(http_requests_total[5m]))')), []);
});

test('list items that are not mappings do not shift the positions of the ones after them', () => {
  const text = ['version: prometheus/v1', 'service: svc', 'slos:', '  - 3', '  - name: requests', '    objective: 99', '    sli:', '      events:',
    `        error_query: ${ERRORS}`, `        total_query: ${TOTAL}`, '    alerting:', '      page_alert: { disable: true }', '      ticket_alert: { disable: true }', ''].join('\n');
  const duplicates = check(text, 'a.yaml', {}, { 'b.yaml': text }).filter((f) => f.includes(' sloth-duplicate-id '));
  assert.equal(duplicates.length, 1);
  assert.match(duplicates[0], /^5:11-5:19 /);
});
