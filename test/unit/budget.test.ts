// The error-budget arithmetic against hand-computed cases, window lengths (rolling and the
// current calendar window), Sloth's alert windows, and the `budget:` settings of `.prr.yaml`.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allowedErrorRatio, budgetSeconds, exhaustionSeconds, sliceBudget, slothFactor, spentBeforeAlert } from '../../server/src/service/budget/arithmetic';
import { formatDuration, formatPercent, prometheusSeconds, shorthandSeconds } from '../../server/src/service/budget/duration';
import { resolveWindow } from '../../server/src/service/budget/window';
import { slothAlertWindows } from '../../server/src/service/budget/sloth-windows';
import { createEngine, resolveConfig } from '../../server/src/service';

const DAY = 86_400;
const close = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} ≠ ${expected}`);

test('allowed error ratio is 1 − target, as written', () => {
  assert.equal(allowedErrorRatio(0.999), 0.001);
  assert.equal(allowedErrorRatio(0.95), 0.05);
  assert.equal(allowedErrorRatio(0.99999), 0.00001);
  assert.equal(allowedErrorRatio(0), 1);
});

test('budget as time: window × (1 − target)', () => {
  close(budgetSeconds(0.999, 28 * DAY), 2419.2); // 40 m 19.2 s
  assert.equal(formatDuration(budgetSeconds(0.999, 28 * DAY)), '40 m 19 s');
  close(budgetSeconds(0.999, 30 * DAY), 2592); // 43 m 12 s
  assert.equal(formatDuration(budgetSeconds(0.999, 30 * DAY)), '43 m 12 s');
  close(budgetSeconds(0.995, 30 * DAY), 12_960); // 3 h 36 m
  assert.equal(formatDuration(budgetSeconds(0.9999, 7 * DAY)), '1 m 0 s'.replace(' 0 s', '')); // 60.48 s → 1 m
});

test('time slices: whole bad slices allowed, rounded down', () => {
  // 28 d of 1 m slices = 40 320; × 0.001 = 40.32 → 40 bad slices = 40 min.
  assert.deepEqual(sliceBudget(0.999, 28 * DAY, 60), { slices: 40_320, badAllowed: 40, seconds: 2400 });
  // 1 d of 5 m slices = 288; × 0.01 = 2.88 → 2 = 10 min.
  assert.deepEqual(sliceBudget(0.99, DAY, 300), { slices: 288, badAllowed: 2, seconds: 600 });
  // An exact product stays whole: 100 slices × 0.05 = 5.
  assert.deepEqual(sliceBudget(0.95, 100 * 60, 60), { slices: 100, badAllowed: 5, seconds: 300 });
});

test('burn rate: exhaustion time and share spent before the alert fires', () => {
  assert.equal(exhaustionSeconds(14.4, 30 * DAY), 180_000);
  assert.equal(formatDuration(180_000), '2 d 2 h');
  assert.equal(exhaustionSeconds(1, 28 * DAY), 28 * DAY);
  assert.equal(exhaustionSeconds(0, 28 * DAY), Infinity);
  close(spentBeforeAlert(14.4, 3600, 0, 30 * DAY), 0.02);
  close(spentBeforeAlert(6, 6 * 3600, 0, 30 * DAY), 0.05);
  close(spentBeforeAlert(3, DAY, 0, 30 * DAY), 0.1);
  close(spentBeforeAlert(1, 3 * DAY, 0, 30 * DAY), 0.1);
  // alertAfter adds to the lookback: 14.4 × 65 min / 28 d = 2.3214… %
  close(spentBeforeAlert(14.4, 3600, 300, 28 * DAY), (14.4 * 3900) / (28 * DAY));
  assert.equal(formatPercent(spentBeforeAlert(14.4, 3600, 300, 28 * DAY)), '2.32 %');
  // 2 × 5 d over a 7 d window: the alert fires after 143 % of the budget.
  assert.equal(formatPercent(spentBeforeAlert(2, 5 * DAY, 0, 7 * DAY)), '143 %');
});

test("Sloth's factors: 14.4, 6, 3, 1 for 30 days; scaled by the period for 28 days", () => {
  assert.deepEqual(slothAlertWindows('page', 30 * DAY).map((w) => w.factor), [14.4, 6]);
  assert.deepEqual(slothAlertWindows('ticket', 30 * DAY).map((w) => w.factor), [3, 1]);
  close(slothFactor(2, 28 * DAY, 3600), 13.44);
  close(slothFactor(5, 28 * DAY, 6 * 3600), 5.6);
  close(slothFactor(10, 28 * DAY, DAY), 2.8);
  close(slothFactor(10, 28 * DAY, 3 * DAY), 28 / 30);
});

test('durations: OpenSLO shorthand (M is months), Prometheus durations, and how they read', () => {
  assert.equal(shorthandSeconds('28d'), 28 * DAY);
  assert.equal(shorthandSeconds('5m'), 300);
  assert.equal(shorthandSeconds('1M'), 30 * DAY);
  assert.equal(shorthandSeconds('0d'), undefined);
  assert.equal(shorthandSeconds('1.5h'), undefined);
  assert.equal(prometheusSeconds('1h30m'), 5400);
  assert.equal(prometheusSeconds('30d'), 30 * DAY);
  assert.equal(prometheusSeconds('thirty'), undefined);
  assert.equal(formatDuration(28 * DAY), '28 d');
  assert.equal(formatDuration(59), '59 s');
  assert.equal(formatDuration(0.5), '0.5 s');
  assert.equal(formatDuration(DAY + 1800), '1 d'); // two largest units, the rest dropped
});

test('windows: rolling lengths are fixed; a calendar window is the current one', () => {
  const now = new Date('2026-11-27T12:00:00Z');
  assert.equal(resolveWindow({ count: 28, unit: 'd', rolling: true, written: '28d' }, now)?.seconds, 28 * DAY);
  assert.equal(resolveWindow({ count: 1, unit: 'M', rolling: true, written: '1M' }, now)?.seconds, 30 * DAY);
  const month = { count: 1, unit: 'M', rolling: false, startTime: '2026-01-01 00:00:00', written: '1M' };
  assert.equal(resolveWindow(month, now)?.seconds, 30 * DAY); // November
  assert.equal(resolveWindow(month, new Date('2026-02-10T00:00:00Z'))?.seconds, 28 * DAY); // February 2026
  assert.equal(resolveWindow(month, new Date('2028-02-10T00:00:00Z'))?.seconds, 29 * DAY); // leap year
  // Windows aligned on the 15th: 1 March is in 15 Feb – 15 Mar (28 d), 20 March in 15 Mar – 15 Apr (31 d).
  const mid = { ...month, startTime: '2026-01-15 00:00:00' };
  assert.equal(resolveWindow(mid, new Date('2026-03-01T00:00:00Z'))?.seconds, 28 * DAY);
  assert.equal(resolveWindow(mid, new Date('2026-03-20T00:00:00Z'))?.seconds, 31 * DAY);
  // A quarter from 1 January: 1 May is in April–June, 91 days.
  assert.equal(resolveWindow({ count: 1, unit: 'Q', rolling: false, startTime: '2026-01-01 00:00:00', written: '1Q' }, new Date('2026-05-01T00:00:00Z'))?.seconds, 91 * DAY);
  // A calendar week from a Monday: fixed length.
  assert.equal(resolveWindow({ count: 1, unit: 'w', rolling: false, startTime: '2026-01-05 00:00:00', written: '1w' }, now)?.seconds, 7 * DAY);
});

const SLOTH = 'version: prometheus/v1\nservice: svc\nslos:\n  - name: availability\n    objective: 99.9\n    sli:\n      events:\n        error_query: a\n        total_query: b\n    alerting:\n      name: A\n';

test('`.prr.yaml` budget: Sloth period and the minimum budget', () => {
  const engine = createEngine({ now: () => new Date('2026-11-27T12:00:00Z') });
  const doc = { uri: 'file:///w/sloth.yaml', text: SLOTH };
  const hints = (config?: ReturnType<typeof resolveConfig>) => engine.budgetHints(doc, config).map((h) => h.label);
  assert.equal(hints()[0], '43 m 12 s of error budget per 30 d (0.1 % may fail)');
  const config = resolveConfig([{ folder: '/w', data: { budget: { slothWindow: '28d', minimumBudget: '1h' } } }]);
  assert.equal(hints(config)[0], '40 m 19 s of error budget per 28 d (0.1 % may fail)');
  assert.match(hints(config)[1], /^page: 13\.44× over 1 h\/5 m/);
  const findings = engine.check(doc, config).filter((f) => f.ruleId === 'slo-budget-too-small');
  assert.equal(findings.length, 1);
  assert.match(findings[0].message, /error budget of 40 m 19 s per 28 d, under the 1 h minimum/);
  assert.equal(engine.check(doc).filter((f) => f.ruleId === 'slo-budget-too-small').length, 0);
});

test('slo-budget-too-small: whole slices, and `1m` read as the minute it is', () => {
  const engine = createEngine({ now: () => new Date('2026-11-27T12:00:00Z') });
  const slo = (duration: string, target: string) => `apiVersion: openslo/v1\nkind: SLO\nmetadata:\n  name: s\nspec:\n  service: svc\n  indicatorRef: sli\n  budgetingMethod: Timeslices\n  timeWindow:\n    - duration: ${duration}\n      isRolling: true\n  objectives:\n    - target: ${target}\n      timeSliceTarget: 0.9\n      timeSliceWindow: 1m\n`;
  const messages = (text: string) => engine.check({ uri: 'file:///w/slo.yaml', text }).filter((f) => f.ruleId === 'slo-budget-too-small').map((f) => f.message);
  // 1 d of 1 m slices = 1 440; × 0.0005 = 0.72 → no bad slice at all; one needs target ≤ 1 − 1/1 440 = 0.999305….
  assert.deepEqual(messages(slo('1d', '0.9995')), ['target 0.9995 leaves an error budget of 0 bad slices (0 s) per 1 d, under the 1 m minimum (`budget.minimumBudget`): a single short incident breaks the SLO; a target of at most 0.999305 gives 1 m or more']);
  assert.deepEqual(messages(slo('1d', '0.999')), []); // 1.44 → 1 bad slice = 1 m
  assert.match(messages(slo('1m', '0.99'))[0], /per 1 m \(`1m` is 1 minute; months are `M`, e\.g\. `1M`\).*no target can: the window itself is not longer than 1 m$/);
});

test('RatioTimeslices is budgeted as time, not whole slices: the target is the average of the slices\' ratios', () => {
  const engine = createEngine({ now: () => new Date('2026-11-27T12:00:00Z') });
  const text = 'apiVersion: openslo/v1\nkind: SLO\nmetadata:\n  name: s\nspec:\n  service: svc\n  indicatorRef: sli\n  budgetingMethod: RatioTimeslices\n  timeWindow:\n    - duration: 28d\n      isRolling: true\n  objectives:\n    - target: 0.999\n      timeSliceWindow: 1h\n';
  // 28 d × 0.001 = 40 m 19 s; counted as whole 1 h slices it was 0 (a false "a single short incident breaks the SLO").
  assert.deepEqual(engine.check({ uri: 'file:///w/slo.yaml', text }).filter((f) => f.ruleId === 'slo-budget-too-small'), []);
  const hints = engine.budgetHints({ uri: 'file:///w/slo.yaml', text });
  assert.ok(hints.some((h) => /40 m 19 s of error budget per 28 d/.test(JSON.stringify(h))), JSON.stringify(hints));
});

test('slo-budget-too-small speaks in the unit the file uses: Sloth\'s objective and OpenSLO\'s targetPercent are percentages', () => {
  const engine = createEngine({ now: () => new Date('2026-11-27T12:00:00Z') });
  const message = (uri: string, text: string) => engine.check({ uri, text }).find((f) => f.ruleId === 'slo-budget-too-small')?.message;
  const sloth = 'version: "prometheus/v1"\nservice: "svc"\nslos:\n  - name: "full"\n    objective: 100\n    sli: {raw: {error_ratio_query: \'sum(rate(x[{{.window}}]))\'}}\n    alerting: {name: B}\n';
  assert.equal(message('file:///w/sloth.yaml', sloth), '`objective` 100 leaves an error budget of 0 s per 30 d, under the 1 m minimum (`budget.minimumBudget`): a single short incident breaks the SLO; an `objective` of at most 99.9976 gives 1 m or more');
  const percent = 'apiVersion: openslo/v1\nkind: SLO\nmetadata:\n  name: s\nspec:\n  service: svc\n  indicatorRef: sli\n  budgetingMethod: Occurrences\n  timeWindow:\n    - duration: 7d\n      isRolling: true\n  objectives:\n    - targetPercent: 99.9999\n';
  assert.match(message('file:///w/slo.yaml', percent) ?? '', /^`targetPercent` 99\.9999 leaves .*; a `targetPercent` of at most 99\.99\d* gives 1 m or more$/);
});

test('a condition in its own file is judged against the SLO that uses it through a policy in another file', () => {
  const engine = createEngine({ now: () => new Date('2026-11-27T12:00:00Z') });
  const condition = { uri: 'file:///w/conditions.yaml', text: 'apiVersion: openslo/v1\nkind: AlertCondition\nmetadata:\n  name: fast-burn\nspec:\n  severity: page\n  condition:\n    kind: burnrate\n    op: gte\n    threshold: 2\n    lookbackWindow: 5d\n' };
  const policy = { uri: 'file:///w/policies.yaml', text: 'apiVersion: openslo/v1\nkind: AlertPolicy\nmetadata:\n  name: paging\nspec:\n  conditions:\n    - conditionRef: fast-burn\n  notificationTargets:\n    - targetRef: oncall\n' };
  const slo = { uri: 'file:///w/slo.yaml', text: 'apiVersion: openslo/v1\nkind: SLO\nmetadata:\n  name: api\nspec:\n  service: svc\n  indicatorRef: sli\n  budgetingMethod: Occurrences\n  timeWindow:\n    - duration: 7d\n      isRolling: true\n  objectives:\n    - target: 0.99\n  alertPolicies:\n    - alertPolicyRef: paging\n' };
  assert.equal(engine.budgetHints(condition)[0].label, 'burn rate 2× over 5d: budget gone in window ÷ 2 (no SLO in the workspace uses this condition)');
  engine.setFile(policy);
  engine.setFile(slo);
  // 7 d ÷ 2 = 3 d 12 h; 2 × 5 d ÷ 7 d = 143 %.
  assert.equal(engine.budgetHints(condition)[0].label, 'burn rate 2× over 5d: budget gone in 3 d 12 h; fires after 143 % of it is spent');
  assert.deepEqual(engine.check(condition).filter((f) => f.ruleId.startsWith('slo-')).map((f) => f.ruleId), ['slo-alert-after-budget']);
  engine.removeFile(slo.uri);
  assert.match(engine.budgetHints(condition)[0].label, /no SLO in the workspace uses this condition/);
});

test('a condition in its own file is judged against the SLO whose inline policy names it', () => {
  const engine = createEngine({ now: () => new Date('2026-11-27T12:00:00Z') });
  const condition = { uri: 'file:///w/cond.yaml', text: 'apiVersion: openslo/v1\nkind: AlertCondition\nmetadata:\n  name: c-far\nspec:\n  severity: page\n  condition:\n    kind: burnrate\n    op: gt\n    threshold: 1\n    lookbackWindow: 8d\n' };
  const slo = { uri: 'file:///w/slo.yaml', text: 'apiVersion: openslo/v1\nkind: SLO\nmetadata:\n  name: s1\nspec:\n  service: web\n  indicatorRef: sli1\n  timeWindow:\n    - duration: 7d\n      isRolling: true\n  budgetingMethod: Occurrences\n  objectives:\n    - target: 0.99\n  alertPolicies:\n    - kind: AlertPolicy\n      metadata:\n        name: inline-pol\n      spec:\n        conditions:\n          - conditionRef: c-far\n        notificationTargets:\n          - targetRef: t\n' };
  engine.setFile(slo);
  // 8 d of lookback against a 7 d window; at burn rate 1 over 8 d, 114 % of the budget is gone before it fires.
  assert.deepEqual(engine.check(condition).filter((f) => f.ruleId.startsWith('slo-')).map((f) => f.ruleId), ['slo-alert-after-budget', 'slo-page-slow-burn', 'slo-lookback-exceeds-window']);
});

test('OpenSLO v1alpha: count × unit, a window without `calendar` read as rolling', () => {
  const engine = createEngine({ now: () => new Date('2026-02-10T12:00:00Z') });
  const slo = (window: string) => `apiVersion: openslo/v1alpha\nkind: SLO\nmetadata:\n  name: s\n  displayName: S\nspec:\n  service: svc\n  budgetingMethod: Occurrences\n  timeWindows:\n${window}\n  objectives:\n    - target: 0.99\n      ratioMetrics:\n        counter: true\n        good: { source: prometheus, queryType: promql, query: a }\n        total: { source: prometheus, queryType: promql, query: b }\n`;
  const hint = (window: string) => engine.budgetHints({ uri: 'file:///w/v1alpha.yaml', text: slo(window) })[0]?.label;
  assert.equal(hint('    - count: 28\n      unit: Day'), '6 h 43 m of error budget per 28 d (1 % may fail)'); // 28 d × 0.01 = 6.72 h
  // A calendar month from the 1st, judged in February 2026: 28 days.
  assert.equal(hint('    - count: 1\n      unit: Month\n      isRolling: false\n      calendar:\n        startTime: "2026-01-01 00:00:00"\n        timeZone: UTC'), '6 h 43 m of error budget per 28 d (1 % may fail)');
  assert.equal(hint('    - count: 1\n      unit: Quarter\n      isRolling: true'), '21 h 36 m of error budget per 90 d (1 % may fail)'); // 90 d × 0.01 = 21.6 h
});

test('the report: one line per SLO, counting its alerts in the files of the policies and conditions it names', () => {
  const engine = createEngine({ now: () => new Date('2026-11-27T12:00:00Z') });
  const files: Record<string, string> = {
    'readiness.yaml': 'apiVersion: prr/v1\nkind: ServiceReadiness\nmetadata:\n  name: svc\nspec:\n  owner: team-a\n  tier: 2\n  slos:\n    - ref: api\n',
    'slo.yaml': 'apiVersion: openslo/v1\nkind: SLO\nmetadata:\n  name: api\nspec:\n  service: svc\n  indicatorRef: sli\n  budgetingMethod: Occurrences\n  timeWindow:\n    - duration: 30d\n      isRolling: true\n  objectives:\n    - target: 0.999\n  alertPolicies:\n    - alertPolicyRef: paging\n',
    'policies.yaml': 'apiVersion: openslo/v1\nkind: AlertPolicy\nmetadata:\n  name: paging\nspec:\n  conditions:\n    - conditionRef: fast-burn\n  notificationTargets:\n    - targetRef: oncall\n',
    'conditions.yaml': 'apiVersion: openslo/v1\nkind: AlertCondition\nmetadata:\n  name: fast-burn\nspec:\n  severity: page\n  condition:\n    kind: burnrate\n    op: gte\n    threshold: 14.4\n    lookbackWindow: 1h\n',
  };
  for (const [path, text] of Object.entries(files)) engine.setFile({ uri: `file:///w/${path}`, text });
  const [service] = engine.report({ root: 'file:///w' }).services;
  // 30 d × 0.001 = 43 m 12 s; 14.4 × 1 h ÷ 30 d = 2 %.
  assert.deepEqual(service.budgets?.map((b) => [b.slo, b.line, b.location.path, b.location.range.start.line]), [
    ['api', '43 m 12 s of error budget per 30 d (0.1 % may fail); alerts fire after page 2 % of the budget is spent', 'slo.yaml', 12],
  ]);
  engine.removeFile('file:///w/conditions.yaml');
  assert.match(engine.report({ root: 'file:///w' }).services[0].budgets?.[0].line ?? '', /; no burn-rate alerts$/);
});

test('the report: a Sloth alert whose two windows spend shares that read the same shows one share, not `10–10 %`', () => {
  const engine = createEngine({ now: () => new Date('2026-11-27T12:00:00Z') });
  const config = resolveConfig([{ folder: '/', data: { budget: { slothWindow: '28d' } } }]);
  const sloth = 'version: "prometheus/v1"\nservice: "svc"\nslos:\n  - name: "avail"\n    objective: 99.9\n    sli:\n      events:\n        error_query: sum(rate(x{code=~"5.."}[{{.window}}]))\n        total_query: sum(rate(x[{{.window}}]))\n    alerting:\n      name: A\n      page_alert: {labels: {severity: page}}\n      ticket_alert: {labels: {severity: ticket}}\n';
  engine.setFile({ uri: 'file:///w/sloth.yaml', text: sloth }, config);
  engine.setFile({ uri: 'file:///w/readiness.yaml', text: 'apiVersion: prr/v1\nkind: ServiceReadiness\nmetadata:\n  name: svc\nspec:\n  owner: t\n  tier: 2\n  slos:\n    - ref: avail\n' }, config);
  assert.match(engine.report({ root: 'file:///w', configFor: () => config }).services[0].budgets?.[0].line ?? '', /alerts fire after page 2–5 %, ticket 10 % of the budget is spent$/);
});
