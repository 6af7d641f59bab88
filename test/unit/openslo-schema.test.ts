// The constraints of schemas/openslo-v1.schema.json and openslo-v1alpha.schema.json: for each,
// a document that breaks it gives one finding at the exact range with the expected message,
// and a document that keeps it gives none. Findings whose message or range is not yet right
// are `todo` tests written with the finding that should be reported.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from './helpers';

/** The objects the documents below refer to, in another file, so references resolve. */
const CATALOG = `apiVersion: openslo/v1
kind: Service
metadata:
  name: checkout
---
apiVersion: openslo/v1
kind: SLI
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
---
apiVersion: openslo/v1
kind: AlertPolicy
metadata:
  name: page-on-burn
spec:
  conditions:
    - conditionRef: fast-burn
  notificationTargets:
    - targetRef: on-call
---
apiVersion: openslo/v1
kind: AlertCondition
metadata:
  name: fast-burn
spec:
  severity: page
  condition:
    kind: burnrate
    op: gte
    threshold: 2
    lookbackWindow: 1h
---
apiVersion: openslo/v1
kind: AlertNotificationTarget
metadata:
  name: on-call
spec:
  target: pagerduty
---
apiVersion: openslo/v1
kind: DataSource
metadata:
  name: prometheus-main
spec:
  type: Prometheus
  connectionDetails:
    url: http://prometheus:9090
---
apiVersion: openslo/v1alpha
kind: Service
metadata:
  name: search
`;

/** Checks `text` as `path` with the catalog in the workspace. */
function run(text: string, path = 'slo.yaml'): string[] {
  return check(text, path, {}, { 'catalog.yaml': CATALOG });
}

/** A valid SLO referring to the catalog's SLI (lines 1–13). */
const SLO = `apiVersion: openslo/v1
kind: SLO
metadata:
  name: checkout-availability
spec:
  service: checkout
  indicatorRef: checkout-errors
  budgetingMethod: Occurrences
  timeWindow:
    - duration: 28d
      isRolling: true
  objectives:
    - target: 0.99
`;

/** A valid SLO with an inline thresholdMetric SLI; its objective is on line 21. */
const THRESHOLD_SLO = `apiVersion: openslo/v1
kind: SLO
metadata:
  name: checkout-latency
spec:
  service: checkout
  indicator:
    metadata:
      name: checkout-latency-p99
    spec:
      thresholdMetric:
        metricSource:
          type: Prometheus
          spec:
            query: histogram_quantile(0.99, sum(rate(http_duration_seconds_bucket[5m])) by (le))
  budgetingMethod: Occurrences
  timeWindow:
    - duration: 28d
      isRolling: true
  objectives:
    - op: lte
      value: 0.25
      target: 0.99
`;

/** A query of an SLI, indented for `good:`, `bad:`, `total:` or `raw:` under `ratioMetric` (5 lines). */
const QUERY = `      metricSource:
        type: Prometheus
        spec:
          query: sum(rate(http_requests_total[5m]))
`;

/** Indents every non-empty line by `n` spaces. */
function indent(text: string, n: number): string {
  return text.replace(/^(?=.)/gm, ' '.repeat(n));
}

/** An SLI with the given spec lines (spec starts on line 6). */
function sli(spec: string): string {
  return `apiVersion: openslo/v1\nkind: SLI\nmetadata:\n  name: search-errors\nspec:\n${spec}`;
}

/** An AlertPolicy with the given spec lines (spec starts on line 6). */
function alertPolicy(spec: string): string {
  return `apiVersion: openslo/v1\nkind: AlertPolicy\nmetadata:\n  name: ticket-on-burn\nspec:\n${spec}`;
}

const INLINE_CONDITION = `      kind: AlertCondition
      metadata:
        name: slow-burn
      spec:
        severity: ticket
        condition:
          kind: burnrate
          op: gte
          threshold: 1
          lookbackWindow: 6h
`;

const INLINE_TARGET = `      kind: AlertNotificationTarget
      metadata:
        name: team-mail
      spec:
        target: email
`;

const INLINE_POLICY = `      kind: AlertPolicy
      metadata:
        name: inline-policy
      spec:
        conditions:
          - conditionRef: fast-burn
        notificationTargets:
          - targetRef: on-call
`;

// ---------------------------------------------------------------- the valid documents

test('the valid documents used below have no findings', () => {
  assert.deepEqual(run(SLO), []);
  assert.deepEqual(run(THRESHOLD_SLO), []);
  assert.deepEqual(run(CATALOG.replace(/name: (\S+)/g, 'name: $1-copy'), 'copy.yaml'), []);
});

// ---------------------------------------------------------------- metadata.name (RFC 1123)

test('metadata.name: not an RFC 1123 label, at the value', () => {
  assert.deepEqual(run(SLO.replace('name: checkout-availability', 'name: Checkout_Availability')), [
    '4:9-4:30 invalid-format `metadata.name` must be a lowercase name of letters, digits and inner dashes (RFC 1123) (e.g. `checkout-availability`); got `Checkout_Availability`',
  ]);
  assert.deepEqual(run(SLO.replace('name: checkout-availability', 'name: checkout-')), [
    '4:9-4:18 invalid-format `metadata.name` must be a lowercase name of letters, digits and inner dashes (RFC 1123) (e.g. `checkout-availability`); got `checkout-`',
  ]);
});

test('metadata.name and displayName: at most 63 characters, without ajv wording', () => {
  const text = SLO.replace('name: checkout-availability', `name: ${'a'.repeat(64)}\n  displayName: ${'x'.repeat(70)}`);
  assert.deepEqual(run(text), [
    '4:9-4:73 invalid-value `metadata.name` must be at most 63 characters long; it has 64',
    '5:16-5:86 invalid-value `metadata.displayName` must be at most 63 characters long; it has 70',
  ]);
});

test('metadata.labels and annotations: a bad key is one finding, at that key, in words', () => {
  const text = SLO.replace('  name: checkout-availability\n', '  name: checkout-availability\n  labels:\n    -team: payments\n  annotations:\n    bad key!: x\n');
  assert.deepEqual(run(text), [
    '6:5-6:10 invalid-format key `-team` in `metadata.labels` must be at most 63 letters, digits, `-`, `_` or `.`, starting and ending with a letter or digit (e.g. `team`)',
    '8:5-8:13 invalid-format key `bad key!` in `metadata.annotations` must be an optional DNS prefix and `/`, then at most 63 letters, digits, `-`, `_` or `.`, starting and ending with a letter or digit (e.g. `example.com/owner`)',
  ]);
});

test('metadata.labels and annotations: good keys and list values pass', () => {
  const text = SLO.replace('  name: checkout-availability\n', '  name: checkout-availability\n  labels:\n    team: payments\n    tier: [gold, critical]\n  annotations:\n    openslo.com/owner: payments\n    runbook: https://runbooks/checkout\n');
  assert.deepEqual(run(text), []);
});

test('metadata.name: lowercase letters, digits and inner dashes pass', () => {
  for (const name of ['a', 'checkout-availability', 'slo-2', '9lives']) {
    assert.deepEqual(run(SLO.replace('name: checkout-availability', `name: ${name}`)), [], name);
  }
});

// ---------------------------------------------------------------- duration shorthand

test('duration: a number and a unit m h d w M Q Y, at the value', () => {
  assert.deepEqual(run(SLO.replace('duration: 28d', 'duration: 28 days')), [
    '10:17-10:24 invalid-format `spec.timeWindow[0].duration` must be a duration: a positive number and a unit m, h, d, w, M, Q or Y (e.g. `5m`, `1h`, `28d`); got `28 days`',
  ]);
  assert.deepEqual(run(SLO.replace('duration: 28d', 'duration: 4W')), [
    '10:17-10:19 invalid-format `spec.timeWindow[0].duration` must be a duration: a positive number and a unit m, h, d, w, M, Q or Y (e.g. `5m`, `1h`, `28d`); got `4W`',
  ]);
  assert.deepEqual(run(SLO.replace('duration: 28d', 'duration: 0d')), [
    '10:17-10:19 invalid-format `spec.timeWindow[0].duration` must be a duration: a positive number and a unit m, h, d, w, M, Q or Y (e.g. `5m`, `1h`, `28d`); got `0d`',
  ]);
});

test('duration: every unit passes', () => {
  for (const duration of ['5m', '1h', '28d', '4w', '1M', '1Q', '1Y', '30d']) {
    // A 5-minute window leaves 3 s of budget at 0.99: slo-budget-too-small says so; the schema accepts the unit.
    assert.deepEqual(run(SLO.replace('duration: 28d', `duration: ${duration}`)).filter((f) => !f.includes(' slo-budget-too-small ')), [], duration);
  }
});

// ---------------------------------------------------------------- target / targetPercent

test('target: in [0, 1], at the value (1 itself is openslo-no-error-budget)', () => {
  assert.deepEqual(run(SLO.replace('target: 0.99', 'target: 1.5')), [
    '13:15-13:18 invalid-value `spec.objectives[0].target` must be <= 1; got `1.5`',
  ]);
  assert.deepEqual(run(SLO.replace('target: 0.99', 'target: -0.1')), [
    '13:15-13:19 invalid-value `spec.objectives[0].target` must be >= 0; got `-0.1`',
  ]);
});

test('targetPercent: in [0, 100], at the value', () => {
  assert.deepEqual(run(SLO.replace('target: 0.99', 'targetPercent: 150')), [
    '13:22-13:25 invalid-value `spec.objectives[0].targetPercent` must be <= 100; got `150`',
  ]);
});

test('target or targetPercent alone passes', () => {
  assert.deepEqual(run(SLO.replace('target: 0.99', 'target: 0')), []);
  assert.deepEqual(run(SLO.replace('target: 0.99', 'targetPercent: 99.9')), []);
});

test('target and targetPercent both given: one finding, at the second key', () => {
  assert.deepEqual(run(SLO.replace('target: 0.99', 'target: 0.99\n      targetPercent: 99')), [
    '14:7-14:20 invalid-value `spec.objectives[0].targetPercent` is not allowed when `target` is given; remove one or the other',
  ]);
});

test('neither target nor targetPercent: one finding naming both', () => {
  assert.deepEqual(run(SLO.replace('target: 0.99', 'displayName: good enough')), [
    '13:7-13:18 missing-property `spec.objectives[0]` needs one of `target` or `targetPercent`',
  ]);
});

// ---------------------------------------------------------------- exactly one time window

test('timeWindow: exactly one item, at the key', () => {
  assert.deepEqual(run(SLO.replace('      isRolling: true\n', '      isRolling: true\n    - duration: 7d\n      isRolling: true\n')), [
    '9:3-9:13 invalid-value `spec.timeWindow` must have at most 1 item; it has 2',
  ]);
  assert.deepEqual(run(SLO.replace('  timeWindow:\n    - duration: 28d\n      isRolling: true\n', '  timeWindow: []\n')), [
    '9:3-9:13 invalid-value `spec.timeWindow` must have at least 1 item; it has 0',
  ]);
  assert.deepEqual(run(SLO.replace('  timeWindow:\n    - duration: 28d\n      isRolling: true\n', '')), [
    '5:1-5:5 missing-property missing required property `timeWindow` in `spec`',
  ]);
});

// ---------------------------------------------------------------- calendar vs isRolling

const CALENDAR = '      calendar:\n        startTime: "2024-01-01 00:00:00"\n        timeZone: UTC\n';

test('calendar: required when isRolling is false or omitted, at the window\'s first key', () => {
  assert.deepEqual(run(SLO.replace('isRolling: true', 'isRolling: false')), [
    '10:7-10:15 missing-property missing required property `calendar` in `spec.timeWindow[0]`',
  ]);
  assert.deepEqual(run(SLO.replace('      isRolling: true\n', '')), [
    '10:7-10:15 missing-property missing required property `calendar` in `spec.timeWindow[0]`',
  ]);
});

test('calendar: a calendar-aligned window passes, with isRolling false or omitted', () => {
  assert.deepEqual(run(SLO.replace('      isRolling: true\n', `      isRolling: false\n${CALENDAR}`)), []);
  assert.deepEqual(run(SLO.replace('      isRolling: true\n', CALENDAR)), []);
});

test('calendar: startTime written YYYY-MM-DD hh:mm:ss, at the value', () => {
  assert.deepEqual(run(SLO.replace('      isRolling: true\n', CALENDAR.replace('2024-01-01 00:00:00', '2024-01-01T00:00:00Z'))), [
    '12:20-12:42 invalid-format `spec.timeWindow[0].calendar.startTime` must be a start time written `YYYY-MM-DD hh:mm:ss` (e.g. `2025-01-01 00:00:00`); got `2024-01-01T00:00:00Z`',
  ]);
});

test('calendar: not allowed on a rolling window, at the key', () => {
  assert.deepEqual(run(SLO.replace('      isRolling: true\n', `      isRolling: true\n${CALENDAR}`)), [
    '12:7-12:15 invalid-value `spec.timeWindow[0].calendar` is not allowed when `isRolling` is `true`; remove one or the other',
  ]);
});

// ---------------------------------------------------------------- inline thresholdMetric: op and value

test('inline thresholdMetric: each objective needs op and value, at the objective\'s first key', () => {
  assert.deepEqual(run(THRESHOLD_SLO.replace('    - op: lte\n      value: 0.25\n      target', '    - target')), [
    '21:7-21:13 missing-property missing required property `op` in `spec.objectives[0]`',
    '21:7-21:13 missing-property missing required property `value` in `spec.objectives[0]`',
  ]);
  assert.deepEqual(run(THRESHOLD_SLO.replace('      value: 0.25\n', '')), [
    '21:7-21:9 missing-property missing required property `value` in `spec.objectives[0]`',
  ]);
});

test('inline thresholdMetric: only one objective, at the key', () => {
  assert.deepEqual(run(`${THRESHOLD_SLO}    - op: lte\n      value: 0.5\n      target: 0.999\n`), [
    '20:3-20:13 invalid-value `spec.objectives` must have at most 1 item; it has 2',
  ]);
});

test('op must be lt, lte, gt or gte, with did-you-mean', () => {
  assert.deepEqual(run(THRESHOLD_SLO.replace('op: lte', 'op: le')), [
    '21:11-21:13 invalid-enum `spec.objectives[0].op` must be one of `lt`, `lte`, `gt`, `gte`; got `le` — did you mean `lt`?',
  ]);
});

// ---------------------------------------------------------------- Timeslices

test('Timeslices: each objective needs timeSliceTarget and timeSliceWindow', () => {
  const timeslices = SLO.replace('Occurrences', 'Timeslices');
  assert.deepEqual(run(timeslices), [
    '13:7-13:13 missing-property missing required property `timeSliceTarget` in `spec.objectives[0]`',
    '13:7-13:13 missing-property missing required property `timeSliceWindow` in `spec.objectives[0]`',
  ]);
  assert.deepEqual(run(timeslices.replace('target: 0.99', 'target: 0.99\n      timeSliceTarget: 0.95')), [
    '13:7-13:13 missing-property missing required property `timeSliceWindow` in `spec.objectives[0]`',
  ]);
  assert.deepEqual(run(timeslices.replace('target: 0.99', 'target: 0.99\n      timeSliceTarget: 0.95\n      timeSliceWindow: 1m')), []);
});

test('RatioTimeslices: each objective needs timeSliceWindow', () => {
  const ratioTimeslices = SLO.replace('Occurrences', 'RatioTimeslices');
  assert.deepEqual(run(ratioTimeslices), [
    '13:7-13:13 missing-property missing required property `timeSliceWindow` in `spec.objectives[0]`',
  ]);
  assert.deepEqual(run(ratioTimeslices.replace('target: 0.99', 'target: 0.99\n      timeSliceWindow: 5m')), []);
});

test('timeSliceTarget in (0, 1], at the value', () => {
  const timeslices = SLO.replace('Occurrences', 'Timeslices').replace('target: 0.99', 'target: 0.99\n      timeSliceTarget: 0\n      timeSliceWindow: 1m');
  assert.deepEqual(run(timeslices), ['14:24-14:25 invalid-value `spec.objectives[0].timeSliceTarget` must be > 0; got `0`']);
  assert.deepEqual(run(timeslices.replace('timeSliceTarget: 0', 'timeSliceTarget: 1')), []);
});

test('budgetingMethod: one of three, with did-you-mean', () => {
  assert.deepEqual(run(SLO.replace('Occurrences', 'Ocurrences')), [
    '8:20-8:30 invalid-enum `spec.budgetingMethod` must be one of `Occurrences`, `Timeslices`, `RatioTimeslices`; got `Ocurrences` — did you mean `Occurrences`?',
  ]);
});

// ---------------------------------------------------------------- indicator / indicatorRef

const INLINE_RATIO_INDICATOR = `  indicator:
    metadata:
      name: checkout-errors-inline
    spec:
      ratioMetric:
        counter: true
        good:
${indent(QUERY, 4)}        total:
${indent(QUERY, 4)}`;

test('indicator: an inline SLI alone passes', () => {
  assert.deepEqual(run(SLO.replace('  indicatorRef: checkout-errors\n', INLINE_RATIO_INDICATOR)), []);
});

test('composite SLO: indicators on the objectives only passes', () => {
  assert.deepEqual(run(SLO.replace('  indicatorRef: checkout-errors\n', '').replace('target: 0.99', 'target: 0.99\n      indicatorRef: checkout-errors\n      compositeWeight: 1')), []);
});

test('composite SLO: compositeWeight greater than 0, at the value', () => {
  assert.deepEqual(run(SLO.replace('  indicatorRef: checkout-errors\n', '').replace('target: 0.99', 'target: 0.99\n      indicatorRef: checkout-errors\n      compositeWeight: 0')), [
    '14:24-14:25 invalid-value `spec.objectives[0].compositeWeight` must be > 0; got `0`',
  ]);
});

test('indicator and indicatorRef both given: one finding, at the second key', () => {
  assert.deepEqual(run(SLO.replace('  indicatorRef: checkout-errors\n', `  indicatorRef: checkout-errors\n${INLINE_RATIO_INDICATOR}`)), [
    '7:3-7:15 invalid-value `spec.indicatorRef` is not allowed when `indicator` is given; remove one or the other',
  ]);
});

test('neither indicator nor indicatorRef: one finding naming both', () => {
  assert.deepEqual(run(SLO.replace('  indicatorRef: checkout-errors\n', '')), [
    '5:1-5:5 missing-property `spec` needs one of `indicator` or `indicatorRef` (or, for a composite SLO, one on each objective)',
  ]);
});

test('composite SLO with an indicator on spec as well: one finding that says why', () => {
  assert.deepEqual(run(SLO.replace('target: 0.99', 'target: 0.99\n      indicatorRef: checkout-errors')), [
    '7:3-7:15 invalid-value `spec.indicatorRef` is not allowed when the objectives have their own indicator (a composite SLO); keep the indicator on `spec` or on the objectives, not both',
  ]);
});

test('an objective with both indicator and indicatorRef: one finding', () => {
  const objectiveIndicator = indent(INLINE_RATIO_INDICATOR, 4);
  const text = SLO.replace('  indicatorRef: checkout-errors\n', '').replace('    - target: 0.99\n', `    - target: 0.99\n      indicatorRef: checkout-errors\n${objectiveIndicator}`);
  assert.deepEqual(run(text), [
    '13:7-13:19 invalid-value `spec.objectives[0].indicatorRef` is not allowed when `indicator` is given; remove one or the other',
  ]);
});

// ---------------------------------------------------------------- SLI: thresholdMetric xor ratioMetric

const RATIO_GOOD_TOTAL = `  ratioMetric:\n    counter: true\n    good:\n${QUERY}    total:\n${QUERY}`;

test('SLI: ratioMetric with good/total, bad/total or raw/rawType passes', () => {
  assert.deepEqual(run(sli(RATIO_GOOD_TOTAL)), []);
  assert.deepEqual(run(sli(RATIO_GOOD_TOTAL.replace('good:', 'bad:'))), []);
  assert.deepEqual(run(sli(`  ratioMetric:\n    rawType: failure\n    raw:\n${QUERY}`)), []);
});

test('SLI: thresholdMetric alone passes, with a type or a metricSourceRef', () => {
  assert.deepEqual(run(sli(`  thresholdMetric:\n${QUERY.replace(/^ {2}/gm, '')}`)), []);
  assert.deepEqual(run(sli('  thresholdMetric:\n    metricSource:\n      metricSourceRef: prometheus-main\n      spec:\n        query: up\n')), []);
});

test('ratioMetric: good without total, at the key', () => {
  assert.deepEqual(run(sli(`  ratioMetric:\n    counter: true\n    good:\n${QUERY}`)), [
    '6:3-6:14 missing-property `spec.ratioMetric` needs one of `total` or `raw`',
  ]);
});

test('ratioMetric: raw without rawType, at the key', () => {
  assert.deepEqual(run(sli(`  ratioMetric:\n    raw:\n${QUERY}`)), [
    '6:3-6:14 missing-property missing required property `rawType` in `spec.ratioMetric`',
  ]);
});

test('ratioMetric: rawType is success or failure, with did-you-mean', () => {
  assert.deepEqual(run(sli(`  ratioMetric:\n    rawType: succes\n    raw:\n${QUERY}`)), [
    '7:14-7:20 invalid-enum `spec.ratioMetric.rawType` must be one of `success`, `failure`; got `succes` — did you mean `success`?',
  ]);
});

test('ratioMetric: total without good or bad names both', () => {
  assert.deepEqual(run(sli(`  ratioMetric:\n    counter: true\n    total:\n${QUERY}`)), [
    '6:3-6:14 missing-property `spec.ratioMetric` needs one of `good` or `bad`',
  ]);
});

test('ratioMetric: empty names both forms', () => {
  assert.deepEqual(run(sli('  ratioMetric:\n    counter: true\n')), [
    '6:3-6:14 missing-property `spec.ratioMetric` needs one of `total` or `raw`',
  ]);
});

test('ratioMetric: good and bad together, at the second', () => {
  assert.deepEqual(run(sli(`  ratioMetric:\n    counter: true\n    good:\n${QUERY}    bad:\n${QUERY}    total:\n${QUERY}`)), [
    '13:5-13:8 invalid-value `spec.ratioMetric.bad` is not allowed when `good` is given; remove one or the other',
  ]);
});

test('ratioMetric: raw with total is one finding', () => {
  assert.deepEqual(run(sli(`  ratioMetric:\n    rawType: success\n    raw:\n${QUERY}    total:\n${QUERY}`)), [
    '13:5-13:10 invalid-value `spec.ratioMetric.total` is not allowed when `raw` is given; use `raw` with `rawType`, or `good`/`bad` with `total`',
  ]);
});

test('ratioMetric: raw with good, at good', () => {
  assert.deepEqual(run(sli(`  ratioMetric:\n    rawType: success\n    raw:\n${QUERY}    good:\n${QUERY}`)), [
    '13:5-13:9 invalid-value `spec.ratioMetric.good` is not allowed when `raw` is given; use `raw` with `rawType`, or `good`/`bad` with `total`',
  ]);
});

test('ratioMetric: rawType with good/total, at the key', () => {
  assert.deepEqual(run(sli(`  ratioMetric:\n    rawType: success\n    good:\n${QUERY}    total:\n${QUERY}`)), [
    '7:5-7:12 invalid-value `spec.ratioMetric.rawType` is not allowed when `total` is given; remove one or the other',
  ]);
});

test('SLI: neither thresholdMetric nor ratioMetric names both', () => {
  assert.deepEqual(run(sli('  description: nothing measured\n')), [
    '5:1-5:5 missing-property `spec` needs one of `thresholdMetric` or `ratioMetric`',
  ]);
});

test('SLI: thresholdMetric and ratioMetric together, at the second', () => {
  assert.deepEqual(run(sli(`  thresholdMetric:\n${QUERY.replace(/^ {2}/gm, '')}${RATIO_GOOD_TOTAL}`)), [
    '11:3-11:14 invalid-value `spec.ratioMetric` is not allowed when `thresholdMetric` is given; remove one or the other',
  ]);
});

test('metricSource: spec must not be empty, at the key', () => {
  assert.deepEqual(run(sli('  thresholdMetric:\n    metricSource:\n      type: Prometheus\n      spec: {}\n')), [
    '9:7-9:11 invalid-value `spec.thresholdMetric.metricSource.spec` must have at least 1 property',
  ]);
});

test('metricSource: without metricSourceRef it needs type, and says so', () => {
  assert.deepEqual(run(sli('  thresholdMetric:\n    metricSource:\n      spec:\n        query: up\n')), [
    '7:5-7:17 missing-property `spec.thresholdMetric.metricSource` needs one of `metricSourceRef` or `type`',
  ]);
});

// ---------------------------------------------------------------- alert policies: inline or ref

const SLO_WITH_POLICIES = `${SLO}  alertPolicies:\n`;

test('alertPolicies: alertPolicyRef or an inline policy passes', () => {
  assert.deepEqual(run(`${SLO_WITH_POLICIES}    - alertPolicyRef: page-on-burn\n`), []);
  assert.deepEqual(run(`${SLO_WITH_POLICIES}    - ${INLINE_POLICY.trimStart()}`), []);
});

test('alertPolicies: an inline policy of the wrong kind, at the value', () => {
  assert.deepEqual(run(`${SLO_WITH_POLICIES}    - ${INLINE_POLICY.trimStart().replace('kind: AlertPolicy', 'kind: AlertCondition')}`), [
    '15:13-15:27 invalid-enum `spec.alertPolicies[0].kind` must be `AlertPolicy`; got `AlertCondition`',
  ]);
});

test('alertPolicies: a misspelt alertPolicyRef, with did-you-mean', () => {
  assert.deepEqual(run(`${SLO_WITH_POLICIES}    - alertPolicyRf: page-on-burn\n`), [
    '15:7-15:20 unknown-property unknown property `alertPolicyRf` in `spec.alertPolicies[0]` — did you mean `alertPolicyRef`?',
  ]);
});

test('alertPolicies: ref and inline policy together is one finding', () => {
  assert.deepEqual(run(`${SLO_WITH_POLICIES}    - alertPolicyRef: page-on-burn\n${INLINE_POLICY}`), [
    '16:7-16:11 invalid-value `spec.alertPolicies[0].kind`, `spec.alertPolicies[0].metadata`, `spec.alertPolicies[0].spec` are not allowed when `alertPolicyRef` is given; remove one or the other',
  ]);
});

test('alertPolicies: an inline policy without spec says spec is missing', () => {
  assert.deepEqual(run(`${SLO_WITH_POLICIES}    - kind: AlertPolicy\n      metadata:\n        name: inline-policy\n`), [
    '15:7-15:11 missing-property missing required property `spec` in `spec.alertPolicies[0]`',
  ]);
});

test('alertPolicies: an empty item names both forms', () => {
  assert.deepEqual(run(`${SLO_WITH_POLICIES}    - {}\n`), [
    '14:3-14:16 missing-property `spec.alertPolicies[0]` needs one of `alertPolicyRef` or an inline form (`kind`, `metadata`, `spec`)',
  ]);
});

test('AlertPolicy: conditionRef/targetRef or inline condition/target passes', () => {
  assert.deepEqual(run(alertPolicy('  conditions:\n    - conditionRef: fast-burn\n  notificationTargets:\n    - targetRef: on-call\n')), []);
  assert.deepEqual(run(alertPolicy(`  conditions:\n    - ${INLINE_CONDITION.trimStart()}  notificationTargets:\n    - ${INLINE_TARGET.trimStart()}`)), []);
});

test('AlertPolicy: exactly one condition and at least one target, at the key', () => {
  assert.deepEqual(run(alertPolicy('  conditions:\n    - conditionRef: fast-burn\n    - conditionRef: fast-burn\n  notificationTargets:\n    - targetRef: on-call\n')), [
    '6:3-6:13 invalid-value `spec.conditions` must have at most 1 item; it has 2',
  ]);
  assert.deepEqual(run(alertPolicy('  conditions:\n    - conditionRef: fast-burn\n  notificationTargets: []\n')), [
    '8:3-8:22 invalid-value `spec.notificationTargets` must have at least 1 item; it has 0',
  ]);
});

test('AlertPolicy: a condition with both conditionRef and an inline condition is one finding', () => {
  assert.deepEqual(run(alertPolicy(`  conditions:\n    - conditionRef: fast-burn\n${INLINE_CONDITION}  notificationTargets:\n    - targetRef: on-call\n`)), [
    '8:7-8:11 invalid-value `spec.conditions[0].kind`, `spec.conditions[0].metadata`, `spec.conditions[0].spec` are not allowed when `conditionRef` is given; remove one or the other',
  ]);
});

test('AlertPolicy: an inline condition with only kind says what the inline form lacks', () => {
  assert.deepEqual(run(alertPolicy('  conditions:\n    - kind: AlertCondition\n  notificationTargets:\n    - targetRef: on-call\n')), [
    '7:7-7:11 missing-property missing required property `metadata` in `spec.conditions[0]`',
    '7:7-7:11 missing-property missing required property `spec` in `spec.conditions[0]`',
  ]);
});

test('AlertPolicy: a target with both targetRef and an inline target is one finding', () => {
  assert.deepEqual(run(alertPolicy(`  conditions:\n    - conditionRef: fast-burn\n  notificationTargets:\n    - targetRef: on-call\n${INLINE_TARGET}`)), [
    '10:7-10:11 invalid-value `spec.notificationTargets[0].kind`, `spec.notificationTargets[0].metadata`, `spec.notificationTargets[0].spec` are not allowed when `targetRef` is given; remove one or the other',
  ]);
});

test('AlertPolicy: an inline target without kind says kind is missing', () => {
  assert.deepEqual(run(alertPolicy(`  conditions:\n    - conditionRef: fast-burn\n  notificationTargets:\n    - ${INLINE_TARGET.trimStart().replace('kind: AlertNotificationTarget\n      ', '')}`)), [
    '9:7-9:15 missing-property missing required property `kind` in `spec.notificationTargets[0]`',
  ]);
});

test('alertAfter may be 0m (the spec\'s default); alertPolicies may be left empty, as the spec\'s own examples do', () => {
  const condition = (alertAfter: string) => `apiVersion: openslo/v1\nkind: AlertCondition\nmetadata:\n  name: zero-wait\nspec:\n  severity: page\n  condition:\n    kind: burnrate\n    op: gt\n    threshold: 14.4\n    lookbackWindow: 1h\n    alertAfter: ${alertAfter}\n`;
  assert.deepEqual(run(condition('0m')), []);
  assert.deepEqual(run(condition('5m')), []);
  assert.match(run(condition('0 m'))[0], /invalid-format `spec.condition.alertAfter` must be a duration: a whole number \(0 or more\) and a unit/);
  assert.deepEqual(run(`${SLO}  alertPolicies:\n`, 'slo.yaml').filter((f) => !f.includes('unresolved-reference') && !f.includes('missing-service')), []);
});

test('AlertCondition: severity not empty, kind burnrate, threshold a number, lookbackWindow a duration', () => {
  const condition = `apiVersion: openslo/v1
kind: AlertCondition
metadata:
  name: slow-burn
spec:
  severity: ticket
  condition:
    kind: burnrate
    op: gte
    threshold: 1
    lookbackWindow: 6h
`;
  assert.deepEqual(run(condition), []);
  const broken = condition.replace('ticket', '""').replace('kind: burnrate', 'kind: burn-rate').replace('threshold: 1', 'threshold: "1"').replace('6h', '6 hours');
  assert.deepEqual(run(broken), [
    '6:13-6:15 invalid-value `spec.severity` must not be empty',
    '8:11-8:20 invalid-enum `spec.condition.kind` must be one of `burnrate`; got `burn-rate` — did you mean `burnrate`?',
    '10:16-10:19 invalid-type `spec.condition.threshold` must be a number; got the string `"1"`',
    '11:21-11:28 invalid-format `spec.condition.lookbackWindow` must be a duration: a positive number and a unit m, h, d, w, M, Q or Y (e.g. `5m`, `1h`, `28d`); got `6 hours`',
  ]);
});

// ---------------------------------------------------------------- kind

const KINDS = '`SLO`, `SLI`, `DataSource`, `Service`, `AlertPolicy`, `AlertCondition`, `AlertNotificationTarget`';

test('an unknown kind in an openslo/v1 file: the value, every kind, and did-you-mean', () => {
  assert.deepEqual(run(SLO.replace('kind: SLO', 'kind: SLOs')), [
    `2:7-2:11 invalid-enum \`kind\` must be one of ${KINDS} for OpenSLO openslo/v1; got \`SLOs\` — did you mean \`SLO\`?`,
  ]);
  assert.deepEqual(run(SLO.replace('kind: SLO', 'kind: Sli')), [
    `2:7-2:10 invalid-enum \`kind\` must be one of ${KINDS} for OpenSLO openslo/v1; got \`Sli\` — did you mean \`SLI\`?`,
  ]);
  assert.deepEqual(run(SLO.replace('kind: SLO', 'kind: Slack')), [
    `2:7-2:12 invalid-enum \`kind\` must be one of ${KINDS} for OpenSLO openslo/v1; got \`Slack\``,
  ]);
});

test('a missing kind in an openslo/v1 file: at the first key, not the whole document', () => {
  assert.deepEqual(run(SLO.replace('kind: SLO\n', '')), [
    `1:1-1:11 missing-property missing required property \`kind\`: one of ${KINDS}`,
  ]);
});

test('an apiVersion of OpenSLO that does not exist is reported, not ignored', () => {
  assert.deepEqual(run(SLO.replace('openslo/v1', 'openslo/v2')), [
    '1:13-1:23 unsupported-version `apiVersion: openslo/v2` is not checked: prr checks OpenSLO `openslo/v1` and `openslo/v1alpha`; this document gets no other findings',
  ]);
});

// ---------------------------------------------------------------- file shapes

test('a top-level list: positions and names of each item', () => {
  const list = `- ${SLO.replace(/\n(?=.)/g, '\n  ').replace('duration: 28d', 'duration: 28days')}- apiVersion: openslo/v1\n  kind: Service\n  metadata:\n    name: Payments\n`;
  assert.deepEqual(run(list), [
    '10:19-10:25 invalid-format `[0].spec.timeWindow[0].duration` must be a duration: a positive number and a unit m, h, d, w, M, Q or Y (e.g. `5m`, `1h`, `28d`); got `28days`',
    '17:11-17:19 invalid-format `[1].metadata.name` must be a lowercase name of letters, digits and inner dashes (RFC 1123) (e.g. `checkout-availability`); got `Payments`',
  ]);
});

test('a multi-document file: positions in later documents', () => {
  const text = `---\napiVersion: openslo/v1\nkind: Service\nmetadata:\n  name: payments\n---\n${SLO.replace('duration: 28d', 'duration: 28days')}---\n${SLO.replace('checkout-availability', 'checkout-availability-2').replace('target: 0.99', 'target: 1.5')}`;
  assert.deepEqual(run(text), [
    '16:17-16:23 invalid-format `spec.timeWindow[0].duration` must be a duration: a positive number and a unit m, h, d, w, M, Q or Y (e.g. `5m`, `1h`, `28d`); got `28days`',
    '33:15-33:18 invalid-value `spec.objectives[0].target` must be <= 1; got `1.5`',
  ]);
});

test('a Kubernetes Deployment and a Sloth AlertWindows document in the same file get nothing', () => {
  const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: Checkout
spec:
  replicas: three
  bogus: true
---
apiVersion: sloth.slok.dev/v1
kind: AlertWindows
spec:
  sloPeriod: 30d
  page:
    quick: { errorBudgetPercent: 2, shortWindow: 5m, longWindow: 1h }
---
${SLO.replace('target: 0.99', 'target: 1.5')}`;
  assert.deepEqual(run(text), ['28:15-28:18 invalid-value `spec.objectives[0].target` must be <= 1; got `1.5`']);
  assert.deepEqual(run(text.replace('target: 1.5', 'target: 0.99')), []);
});

test('a JSON OpenSLO file: checked like YAML, with JSON positions', () => {
  const json = `{
  "apiVersion": "openslo/v1",
  "kind": "SLO",
  "metadata": { "name": "checkout-availability" },
  "spec": {
    "service": "checkout",
    "indicatorRef": "checkout-errors",
    "budgetingMethod": "Occurrences",
    "timeWindow": [{ "duration": "28d", "isRolling": true }],
    "objectives": [{ "target": 0.99 }]
  }
}
`;
  assert.deepEqual(run(json, 'slo.json'), []);
  assert.deepEqual(run(json.replace('"checkout-availability"', '"Checkout"').replace('"28d"', '"28 d"'), 'slo.json'), [
    '4:25-4:35 invalid-format `metadata.name` must be a lowercase name of letters, digits and inner dashes (RFC 1123) (e.g. `checkout-availability`); got `Checkout`',
    '9:34-9:40 invalid-format `spec.timeWindow[0].duration` must be a duration: a positive number and a unit m, h, d, w, M, Q or Y (e.g. `5m`, `1h`, `28d`); got `28 d`',
  ]);
});

// ---------------------------------------------------------------- v1alpha

/** A valid v1alpha SLO with ratio objectives (objective on line 13). */
const ALPHA = `apiVersion: openslo/v1alpha
kind: SLO
metadata:
  name: search-availability
spec:
  service: search
  budgetingMethod: Occurrences
  timeWindows:
    - unit: Day
      count: 28
      isRolling: true
  objectives:
    - target: 0.99
      ratioMetrics:
        incremental: true
        good: { source: prometheus, queryType: promql, query: good }
        total: { source: prometheus, queryType: promql, query: total }
`;

/** A valid v1alpha SLO with a threshold indicator (objective on line 14). */
const ALPHA_THRESHOLD = `apiVersion: openslo/v1alpha
kind: SLO
metadata:
  name: search-latency
spec:
  service: search
  indicator:
    thresholdMetric: { source: prometheus, queryType: promql, query: p99 }
  budgetingMethod: Occurrences
  timeWindows:
    - unit: Day
      count: 28
  objectives:
    - op: lte
      value: 250
      target: 0.99
`;

test('v1alpha: the valid documents pass, including a window with neither isRolling nor calendar', () => {
  assert.deepEqual(run(ALPHA), []);
  assert.deepEqual(run(ALPHA_THRESHOLD), []);
  assert.deepEqual(run(ALPHA.replace('      isRolling: true\n', '')), []);
});

test('v1alpha: a threshold objective needs op and value', () => {
  assert.deepEqual(run(ALPHA_THRESHOLD.replace('      value: 250\n', '')), [
    '14:7-14:9 missing-property missing required property `value` in `spec.objectives[0]`',
  ]);
});

test('v1alpha: calendar required with an explicit isRolling: false', () => {
  assert.deepEqual(run(ALPHA.replace('isRolling: true', 'isRolling: false')), [
    '9:7-9:11 missing-property missing required property `calendar` in `spec.timeWindows[0]`',
  ]);
});

test('v1alpha: Timeslices needs timeSliceTarget', () => {
  const timeslices = ALPHA.replace('Occurrences', 'Timeslices');
  assert.deepEqual(run(timeslices), ['13:7-13:13 missing-property missing required property `timeSliceTarget` in `spec.objectives[0]`']);
  assert.deepEqual(run(timeslices.replace('    - target: 0.99\n', '    - target: 0.99\n      timeSliceTarget: 0.9\n')), []);
});

test('v1alpha: unit, count, budgetingMethod and source, at the value', () => {
  assert.deepEqual(run(ALPHA.replace('unit: Day', 'unit: Days')), [
    '9:13-9:17 invalid-enum `spec.timeWindows[0].unit` must be one of `Second`, `Day`, `Week`, `Month`, `Quarter`; got `Days` — did you mean `Day`?',
  ]);
  assert.deepEqual(run(ALPHA.replace('count: 28', 'count: 0')), ['10:14-10:15 invalid-value `spec.timeWindows[0].count` must be >= 1; got `0`']);
  assert.deepEqual(run(ALPHA.replace('Occurrences', 'RatioTimeslices')), [
    '7:20-7:35 invalid-enum `spec.budgetingMethod` must be one of `Occurrences`, `Timeslices`; got `RatioTimeslices` — did you mean `Timeslices`?',
  ]);
  assert.deepEqual(run(ALPHA.replace('source: prometheus, queryType: promql, query: good', 'source: prometheus-2, queryType: promql, query: good')), [
    '16:25-16:37 invalid-format `spec.objectives[0].ratioMetrics.good.source` must be a word of letters only (e.g. `Prometheus`); got `prometheus-2`',
  ]);
});

test('v1alpha: metadata has no labels, listing what it has', () => {
  assert.deepEqual(run(ALPHA.replace('  name: search-availability\n', '  name: search-availability\n  labels:\n    team: search\n')), [
    '5:3-5:9 unknown-property unknown property `labels` in `metadata`; allowed: `name`, `displayName`',
  ]);
});

test('v1alpha: calendar not allowed on a rolling window, at the key', () => {
  assert.deepEqual(run(ALPHA.replace('      isRolling: true\n', `      isRolling: true\n${CALENDAR}`)), [
    '12:7-12:15 invalid-value `spec.timeWindows[0].calendar` is not allowed when `isRolling` is `true`; remove one or the other',
  ]);
});

test('v1alpha: op with ratioMetrics, at the key', () => {
  assert.deepEqual(run(ALPHA.replace('    - target: 0.99\n', '    - target: 0.99\n      op: lte\n')), [
    '14:7-14:9 invalid-value `spec.objectives[0].op` is not allowed when `ratioMetrics` is given; remove one or the other',
  ]);
});

test('v1alpha: spec.indicator and ratioMetrics together, at ratioMetrics', () => {
  const text = ALPHA.replace('  budgetingMethod', '  indicator:\n    thresholdMetric: { source: prometheus, queryType: promql, query: p99 }\n  budgetingMethod');
  assert.deepEqual(run(text), [
    '16:7-16:19 invalid-value `spec.objectives[0].ratioMetrics` is not allowed when `spec.indicator` is given; use a threshold `indicator` or `ratioMetrics` on the objectives, not both',
  ]);
});

test('v1alpha: targetPercent (a v1 key) is one finding', () => {
  assert.deepEqual(run(ALPHA.replace('- target: 0.99', '- targetPercent: 99')), [
    '13:7-13:20 unknown-property unknown property `targetPercent` in `spec.objectives[0]`; openslo/v1alpha has only `target`, a fraction (e.g. `0.99`)',
  ]);
});

test('v1alpha: an unknown kind lists the two kinds', () => {
  assert.deepEqual(run(ALPHA.replace('kind: SLO', 'kind: Services')), [
    '2:7-2:15 invalid-enum `kind` must be one of `SLO`, `Service` for OpenSLO openslo/v1alpha; got `Services` — did you mean `Service`?',
  ]);
});

test('v1alpha: a v1-only kind says which version has it', () => {
  assert.deepEqual(run(ALPHA.replace('kind: SLO', 'kind: SLI')), [
    '2:7-2:10 invalid-enum `kind` must be one of `SLO`, `Service` for OpenSLO openslo/v1alpha; got `SLI`, which is a kind of `openslo/v1`',
  ]);
});
