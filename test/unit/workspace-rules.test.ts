// The rules that look across files through the workspace index: references that point
// nowhere, SLOs naming an undefined service, duplicate names and Sloth IDs, and objectives
// whose op/value do not fit the SLI they refer to. Other files are put in the index with
// `check(text, path, {}, others)`; related locations are read from the engine directly.
// Findings that are not yet right are `todo` tests written with the finding that should be reported.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine, type Finding } from '../../server/src/service';
import { check } from './helpers';

const service = (name: string) => `apiVersion: openslo/v1\nkind: Service\nmetadata:\n  name: ${name}\n`;

const ratioSli = (name: string) => `apiVersion: openslo/v1
kind: SLI
metadata:
  name: ${name}
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
`;

const thresholdSli = (name: string) => `apiVersion: openslo/v1
kind: SLI
metadata:
  name: ${name}
spec:
  thresholdMetric:
    metricSource:
      type: Prometheus
      spec:
        query: histogram_quantile(0.99, sum(rate(http_duration_seconds_bucket[5m])) by (le))
`;

const dataSource = (name: string) => `apiVersion: openslo/v1\nkind: DataSource\nmetadata:\n  name: ${name}\nspec:\n  type: Prometheus\n  connectionDetails:\n    url: http://prometheus:9090\n`;

/** An OpenSLO SLO (name on line 4, service 6, indicatorRef 7, objectives from line 13), then `extra` lines. */
function slo(name: string, { indicatorRef = 'checkout-errors', objectives = '    - target: 0.99\n', extra = '' } = {}): string {
  return `apiVersion: openslo/v1
kind: SLO
metadata:
  name: ${name}
spec:
  service: checkout
  indicatorRef: ${indicatorRef}
  budgetingMethod: Occurrences
  timeWindow:
    - duration: 28d
      isRolling: true
  objectives:
${objectives}${extra}`;
}

/** A Sloth prometheus/v1 file with one SLO (its name on line 4). */
const slothFile = (svc: string, name: string) => `version: prometheus/v1
service: ${svc}
slos:
  - name: ${name}
    objective: 99.9
    sli:
      raw:
        error_ratio_query: sum(rate(http_request_errors_ratio[{{.window}}]))
    alerting:
      name: HighErrorRate
`;

/** A readiness manifest whose SLO reference (`ref` on line 9) is `ref`. */
const manifest = (name: string, ref: string) => `apiVersion: prr/v1
kind: ServiceReadiness
metadata:
  name: ${name}
spec:
  owner: team-a
  tier: 1
  slos:
    - ref: ${ref}
`;

/** What the SLOs below refer to: the checkout Service and the checkout-errors SLI. */
const CATALOG = { 'catalog/service.yaml': service('checkout'), 'catalog/sli.yaml': ratioSli('checkout-errors') };

/** The engine's findings for `path`, with `others` in the index, for severities and related locations. */
function findings(text: string, path: string, others: Record<string, string>): Finding[] {
  const engine = createEngine();
  for (const [otherPath, otherText] of Object.entries(others)) engine.setFile({ uri: `file:///work/${otherPath}`, text: otherText });
  return engine.check({ uri: `file:///work/${path}`, text });
}

const related = (f: Finding) => (f.related ?? []).map((r) => `${r.uri} ${r.range.start.line + 1}:${r.range.start.character + 1} ${r.message}`);

// ---------------------------------------------------------------- unresolved-reference

test('unresolved-reference: everything resolves, no findings', () => {
  assert.deepEqual(check(slo('checkout-availability'), 'slo.yaml', {}, CATALOG), []);
});

test('unresolved-reference: indicatorRef, at the value', () => {
  assert.deepEqual(check(slo('checkout-availability', { indicatorRef: 'checkout-latency' }), 'slo.yaml', {}, CATALOG), [
    '7:17-7:33 unresolved-reference `indicatorRef` refers to SLI `checkout-latency`, which is not defined anywhere in the workspace',
  ]);
});

test('unresolved-reference: a near name gets did-you-mean', () => {
  assert.deepEqual(check(slo('checkout-availability', { indicatorRef: 'checkout-eror' }), 'slo.yaml', {}, CATALOG), [
    '7:17-7:30 unresolved-reference `indicatorRef` refers to SLI `checkout-eror`, which is not defined anywhere in the workspace — did you mean `checkout-errors`?',
  ]);
});

test('unresolved-reference: a name of another kind does not resolve a reference', () => {
  assert.deepEqual(check(slo('checkout-availability', { indicatorRef: 'checkout' }), 'slo.yaml', {}, CATALOG), [
    '7:17-7:25 unresolved-reference `indicatorRef` refers to SLI `checkout`, which is not defined anywhere in the workspace',
  ]);
});

const policy = `apiVersion: openslo/v1
kind: AlertPolicy
metadata:
  name: page-on-burn
spec:
  conditions:
    - conditionRef: fast-burn
  notificationTargets:
    - targetRef: on-call
`;

const condition = 'apiVersion: openslo/v1\nkind: AlertCondition\nmetadata:\n  name: fast-burn\nspec:\n  severity: page\n  condition:\n    kind: burnrate\n    op: gte\n    threshold: 2\n    lookbackWindow: 1h\n';
const target = 'apiVersion: openslo/v1\nkind: AlertNotificationTarget\nmetadata:\n  name: on-call\nspec:\n  target: pagerduty\n';

test('unresolved-reference: alertPolicyRef, at the value', () => {
  const text = slo('checkout-availability', { extra: '  alertPolicies:\n    - alertPolicyRef: page-on-burn\n' });
  assert.deepEqual(check(text, 'slo.yaml', {}, CATALOG), [
    '15:23-15:35 unresolved-reference `alertPolicyRef` refers to AlertPolicy `page-on-burn`, which is not defined anywhere in the workspace',
  ]);
  assert.deepEqual(check(text, 'slo.yaml', {}, { ...CATALOG, 'policy.yaml': policy, 'condition.yaml': condition, 'target.yaml': target }), []);
});

test('unresolved-reference: conditionRef and targetRef, at the values', () => {
  assert.deepEqual(check(policy, 'policy.yaml', {}, CATALOG), [
    '7:21-7:30 unresolved-reference `conditionRef` refers to AlertCondition `fast-burn`, which is not defined anywhere in the workspace',
    '9:18-9:25 unresolved-reference `targetRef` refers to AlertNotificationTarget `on-call`, which is not defined anywhere in the workspace',
  ]);
  assert.deepEqual(check(policy, 'policy.yaml', {}, { 'condition.yaml': condition, 'target.yaml': target }), []);
});

test('unresolved-reference: conditionRef and targetRef inside an inline policy of an SLO', () => {
  const text = slo('checkout-availability', { extra: '  alertPolicies:\n    - kind: AlertPolicy\n      metadata:\n        name: inline-policy\n      spec:\n        conditions:\n          - conditionRef: fast-burn\n        notificationTargets:\n          - targetRef: on-cal\n' });
  assert.deepEqual(check(text, 'slo.yaml', {}, { ...CATALOG, 'target.yaml': target }), [
    '20:27-20:36 unresolved-reference `conditionRef` refers to AlertCondition `fast-burn`, which is not defined anywhere in the workspace',
    '22:24-22:30 unresolved-reference `targetRef` refers to AlertNotificationTarget `on-cal`, which is not defined anywhere in the workspace — did you mean `on-call`?',
  ]);
});

test('unresolved-reference: metricSourceRef, at the value, with did-you-mean', () => {
  const sli = 'apiVersion: openslo/v1\nkind: SLI\nmetadata:\n  name: latency\nspec:\n  thresholdMetric:\n    metricSource:\n      metricSourceRef: prometheus-main\n      spec:\n        query: up\n';
  assert.deepEqual(check(sli, 'sli.yaml', {}, {}), [
    '8:24-8:39 unresolved-reference `metricSourceRef` refers to DataSource `prometheus-main`, which is not defined anywhere in the workspace',
  ]);
  assert.deepEqual(check(sli, 'sli.yaml', {}, { 'ds.yaml': dataSource('prometheus-mian') }), [
    '8:24-8:39 unresolved-reference `metricSourceRef` refers to DataSource `prometheus-main`, which is not defined anywhere in the workspace — did you mean `prometheus-mian`?',
  ]);
  assert.deepEqual(check(sli, 'sli.yaml', {}, { 'ds.yaml': dataSource('prometheus-main') }), []);
});

test('unresolved-reference: metricSourceRef under ratioMetric parts and an inline indicator', () => {
  const text = slo('checkout-availability', { indicatorRef: 'x' }).replace('  indicatorRef: x\n', `  indicator:
    metadata:
      name: inline-errors
    spec:
      ratioMetric:
        counter: true
        good:
          metricSource:
            metricSourceRef: prometheus-main
            spec:
              query: good
        total:
          metricSource:
            metricSourceRef: thanos
            spec:
              query: total
`);
  assert.deepEqual(check(text, 'slo.yaml', {}, { ...CATALOG, 'ds.yaml': dataSource('prometheus-main') }), [
    '20:30-20:36 unresolved-reference `metricSourceRef` refers to DataSource `thanos`, which is not defined anywhere in the workspace',
  ]);
});

test('unresolved-reference: a manifest\'s slos[].ref, at the value', () => {
  assert.deepEqual(check(manifest('checkout', 'checkout-availability'), 'checkout.readiness.yaml', {}, {}), [
    '9:12-9:33 unresolved-reference `slos[].ref` refers to SLO `checkout-availability`, which is not defined anywhere in the workspace',
  ]);
});

test('unresolved-reference: a manifest\'s slos[].ref resolves to an OpenSLO SLO', () => {
  assert.deepEqual(check(manifest('checkout', 'checkout-availability'), 'checkout.readiness.yaml', {}, { ...CATALOG, 'slo.yaml': slo('checkout-availability') }), []);
});

test('unresolved-reference: a manifest\'s slos[].ref resolves to a Sloth SLO by its name', () => {
  assert.deepEqual(check(manifest('checkout', 'requests-availability'), 'checkout.readiness.yaml', {}, { 'sloth.yaml': slothFile('checkout', 'requests-availability') }), []);
});

test('unresolved-reference: a manifest\'s slos[].ref with did-you-mean, among OpenSLO and Sloth names', () => {
  const others = { ...CATALOG, 'slo.yaml': slo('checkout-availability'), 'sloth.yaml': slothFile('checkout', 'requests-latency') };
  assert.deepEqual(check(manifest('checkout', 'checkout-availabilty'), 'checkout.readiness.yaml', {}, others), [
    '9:12-9:32 unresolved-reference `slos[].ref` refers to SLO `checkout-availabilty`, which is not defined anywhere in the workspace — did you mean `checkout-availability`?',
  ]);
  assert.deepEqual(check(manifest('checkout', 'request-latency'), 'checkout.readiness.yaml', {}, others), [
    '9:12-9:27 unresolved-reference `slos[].ref` refers to SLO `request-latency`, which is not defined anywhere in the workspace — did you mean `requests-latency`?',
  ]);
});

test('unresolved-reference: OpenSLO references do not resolve to Sloth SLOs', () => {
  const text = slo('checkout-availability', { indicatorRef: 'requests-availability' });
  assert.deepEqual(check(text, 'slo.yaml', {}, { ...CATALOG, 'sloth.yaml': slothFile('checkout', 'requests-availability') }), [
    '7:17-7:38 unresolved-reference `indicatorRef` refers to SLI `requests-availability`, which is not defined anywhere in the workspace',
  ]);
});

test('unresolved-reference: a manifest\'s slos[].file is honoured', () => {
  const text = manifest('checkout', 'checkout-availability') + '      file: slos/elsewhere.yaml\n';
  assert.deepEqual(check(text, 'checkout.readiness.yaml', {}, { ...CATALOG, 'slo.yaml': slo('checkout-availability') }), [
    '9:12-9:33 unresolved-reference `slos[].ref` refers to SLO `checkout-availability` in `slos/elsewhere.yaml`, which does not define it; it is defined in slo.yaml',
  ]);
});

test('unresolved-reference: a reference fixed in another file clears when that file is indexed', () => {
  const engine = createEngine();
  const uri = 'file:///work/slo.yaml';
  engine.setFile({ uri: 'file:///work/service.yaml', text: service('checkout') });
  assert.deepEqual(engine.check({ uri, text: slo('checkout-availability') }).map((f) => f.ruleId), ['unresolved-reference']);
  const affected = engine.setFile({ uri: 'file:///work/sli.yaml', text: ratioSli('checkout-errors') });
  assert.deepEqual(affected, [uri]);
  assert.deepEqual(engine.check({ uri, text: slo('checkout-availability') }), []);
});

// ---------------------------------------------------------------- missing-service

test('missing-service: no Service anywhere is a warning at the service value', () => {
  const text = slo('checkout-availability');
  const others = { 'catalog/sli.yaml': ratioSli('checkout-errors') };
  assert.deepEqual(check(text, 'slo.yaml', {}, others), [
    '6:12-6:20 missing-service service `checkout` is not defined: the workspace has no OpenSLO Service object; add a Service named `checkout` to describe it',
  ]);
  assert.deepEqual(findings(text, 'slo.yaml', others).map((f) => f.severity), ['warning']);
});

test('missing-service: Services exist but not this one is an unresolved-reference error', () => {
  const others = { 'catalog/service.yaml': service('payments'), 'catalog/sli.yaml': ratioSli('checkout-errors') };
  assert.deepEqual(check(slo('checkout-availability'), 'slo.yaml', {}, others), [
    '6:12-6:20 unresolved-reference `service` refers to Service `checkout`, which is not defined anywhere in the workspace',
  ]);
  assert.deepEqual(findings(slo('checkout-availability'), 'slo.yaml', others).map((f) => f.severity), ['error']);
});

test('missing-service: a near Service name gets did-you-mean', () => {
  assert.deepEqual(check(slo('checkout-availability'), 'slo.yaml', {}, { 'catalog/service.yaml': service('checkuot'), 'catalog/sli.yaml': ratioSli('checkout-errors') }), [
    '6:12-6:20 unresolved-reference `service` refers to Service `checkout`, which is not defined anywhere in the workspace — did you mean `checkuot`?',
  ]);
});

test('missing-service: a Service in the same file counts', () => {
  assert.deepEqual(check(`${service('checkout')}---\n${slo('checkout-availability')}`, 'slo.yaml', {}, { 'catalog/sli.yaml': ratioSli('checkout-errors') }), []);
});

test('missing-service: the message names only what an OpenSLO Service holds', () => {
  assert.deepEqual(check(slo('checkout-availability'), 'slo.yaml', {}, { 'catalog/sli.yaml': ratioSli('checkout-errors') }), [
    '6:12-6:20 missing-service service `checkout` is not defined: the workspace has no OpenSLO Service object; add a Service named `checkout` to describe it',
  ]);
});

// ---------------------------------------------------------------- duplicate-name

test('duplicate-name: across two files, each copy names the other', () => {
  const others = { ...CATALOG, 'slos/payments.yaml': `\n\n${slo('checkout-availability')}` };
  assert.deepEqual(check(slo('checkout-availability'), 'slos/checkout.yaml', {}, others), [
    '4:9-4:30 duplicate-name SLO `checkout-availability` is defined more than once: also at payments.yaml:6',
  ]);
  assert.deepEqual(check(`\n\n${slo('checkout-availability')}`, 'slos/payments.yaml', {}, { ...CATALOG, 'slos/checkout.yaml': slo('checkout-availability') }), [
    '6:9-6:30 duplicate-name SLO `checkout-availability` is defined more than once: also at checkout.yaml:4',
  ]);
});

test('duplicate-name: related locations point at the other copies', () => {
  const [finding] = findings(ratioSli('http-errors'), 'slos/checkout.yaml', { 'slos/payments.yaml': ratioSli('http-errors'), 'slos/search.yaml': `${service('search')}---\n${ratioSli('http-errors')}` });
  assert.equal(finding.message, 'SLI `http-errors` is defined more than once: also at payments.yaml:4, search.yaml:9');
  assert.deepEqual(related(finding), [
    'file:///work/slos/payments.yaml 4:9 another SLI `http-errors`',
    'file:///work/slos/search.yaml 9:9 another SLI `http-errors`',
  ]);
});

test('duplicate-name: within one file, each copy names the other line', () => {
  const text = `${ratioSli('http-errors')}---\n${ratioSli('http-errors')}`;
  assert.deepEqual(check(text, 'slis.yaml', {}, {}), [
    '4:9-4:20 duplicate-name SLI `http-errors` is defined more than once: also at line 22',
    '22:9-22:20 duplicate-name SLI `http-errors` is defined more than once: also at line 4',
  ]);
});

test('duplicate-name: within one top-level list', () => {
  const text = '- apiVersion: openslo/v1\n  kind: Service\n  metadata:\n    name: checkout\n- apiVersion: openslo/v1\n  kind: Service\n  metadata:\n    name: checkout\n';
  assert.deepEqual(check(text, 'services.yaml', {}, {}), [
    '4:11-4:19 duplicate-name Service `checkout` is defined more than once: also at line 8',
    '8:11-8:19 duplicate-name Service `checkout` is defined more than once: also at line 4',
  ]);
});

test('duplicate-name: more than three copies are counted, not all listed', () => {
  const others = Object.fromEntries(['b', 'c', 'd', 'e'].map((n) => [`${n}.yaml`, service('checkout')]));
  assert.deepEqual(check(service('checkout'), 'a.yaml', {}, others), [
    '4:9-4:17 duplicate-name Service `checkout` is defined more than once: also at b.yaml:4, c.yaml:4, d.yaml:4 and 1 more',
  ]);
});

test('duplicate-name: the same name on objects of different kinds is fine', () => {
  assert.deepEqual(check(service('checkout-errors'), 'service.yaml', {}, CATALOG), []);
  assert.deepEqual(check(ratioSli('checkout'), 'sli.yaml', {}, CATALOG), []);
});

test('duplicate-name: two manifests with one name', () => {
  assert.deepEqual(check(manifest('checkout', 'checkout-availability'), 'a.readiness.yaml', {}, { 'b.readiness.yaml': manifest('checkout', 'checkout-availability'), 'slo.yaml': slo('checkout-availability'), ...CATALOG }), [
    '4:9-4:17 duplicate-name ServiceReadiness `checkout` is defined more than once: also at b.readiness.yaml:4',
  ]);
});

test('duplicate-name: the other place is told apart from a file of the same name', () => {
  assert.deepEqual(check(service('checkout'), 'a/slo.yaml', {}, { 'b/slo.yaml': service('checkout') }), [
    '4:9-4:17 duplicate-name Service `checkout` is defined more than once: also at ../b/slo.yaml:4',
  ]);
});

// ---------------------------------------------------------------- sloth-duplicate-id

test('sloth-duplicate-id: the same service and SLO name in two files, at the SLO name', () => {
  assert.deepEqual(check(slothFile('checkout', 'requests-availability'), 'checkout.yaml', {}, { 'more/checkout-copy.yaml': slothFile('checkout', 'requests-availability') }), [
    '4:11-4:32 sloth-duplicate-id Sloth SLO ID `checkout-requests-availability` is used more than once: also at more/checkout-copy.yaml:4; Sloth would generate clashing recording rules',
  ]);
});

test('sloth-duplicate-id: related locations point at the other copy', () => {
  const [finding] = findings(slothFile('checkout', 'requests-availability'), 'checkout.yaml', { 'copy.yaml': slothFile('checkout', 'requests-availability') });
  assert.equal(finding.ruleId, 'sloth-duplicate-id');
  assert.deepEqual(related(finding), ['file:///work/copy.yaml 4:11 another SLO with ID `checkout-requests-availability`']);
});

test('sloth-duplicate-id: the prometheus/v1 and k8s forms share IDs', () => {
  const k8s = `apiVersion: sloth.slok.dev/v1
kind: PrometheusServiceLevel
metadata:
  name: checkout
spec:
  service: checkout
  slos:
    - name: requests-availability
      objective: 99.9
      sli:
        raw:
          errorRatioQuery: sum(rate(http_request_errors_ratio[{{.window}}]))
      alerting:
        name: HighErrorRate
`;
  assert.deepEqual(check(k8s, 'k8s.yaml', {}, { 'checkout.yaml': slothFile('checkout', 'requests-availability') }), [
    '8:13-8:34 sloth-duplicate-id Sloth SLO ID `checkout-requests-availability` is used more than once: also at checkout.yaml:4; Sloth would generate clashing recording rules',
  ]);
});

test('sloth-duplicate-id: within one file\'s SLO list', () => {
  const text = `${slothFile('checkout', 'requests-availability')}  - name: requests-availability\n    objective: 99\n    sli:\n      raw:\n        error_ratio_query: sum(rate(errors_ratio[{{.window}}]))\n    alerting:\n      name: Other\n`;
  assert.deepEqual(check(text, 'checkout.yaml', {}, {}), [
    '4:11-4:32 sloth-duplicate-id Sloth SLO ID `checkout-requests-availability` is used more than once: also at line 11; Sloth would generate clashing recording rules',
    '11:11-11:32 sloth-duplicate-id Sloth SLO ID `checkout-requests-availability` is used more than once: also at line 4; Sloth would generate clashing recording rules',
  ]);
});

test('sloth-duplicate-id: the same SLO name under different services is fine', () => {
  assert.deepEqual(check(slothFile('checkout', 'requests-availability'), 'checkout.yaml', {}, { 'payments.yaml': slothFile('payments', 'requests-availability') }), []);
});

test('sloth-duplicate-id: different service/name pairs that join to one ID clash', () => {
  assert.deepEqual(check(slothFile('checkout-requests', 'availability'), 'a.yaml', {}, { 'b.yaml': slothFile('checkout', 'requests-availability') }), [
    '4:11-4:23 sloth-duplicate-id Sloth SLO ID `checkout-requests-availability` is used more than once: also at b.yaml:4; Sloth would generate clashing recording rules',
  ]);
});

test('sloth-duplicate-id: a Sloth SLO and an OpenSLO SLO of one name are not duplicates', () => {
  assert.deepEqual(check(slothFile('checkout', 'checkout-availability'), 'sloth.yaml', {}, { ...CATALOG, 'slo.yaml': slo('checkout-availability') }), []);
});

// ---------------------------------------------------------------- openslo-objective-op-value

const LATENCY = { ...CATALOG, 'catalog/latency.yaml': thresholdSli('checkout-latency') };
const OP_VALUE_NEEDED = 'this objective needs `op` and `value`: SLI `checkout-latency` uses a thresholdMetric, so each objective says which values are good';

test('openslo-objective-op-value: a referenced thresholdMetric SLI needs op and value on each objective', () => {
  const text = slo('checkout-latency', { indicatorRef: 'checkout-latency', objectives: '    - op: lte\n      value: 0.25\n      target: 0.99\n    - target: 0.9\n' });
  const [finding] = findings(text, 'slo.yaml', LATENCY);
  assert.equal(finding.ruleId, 'openslo-objective-op-value');
  assert.equal(finding.message, OP_VALUE_NEEDED);
  assert.deepEqual(related(finding), ['file:///work/catalog/latency.yaml 4:9 SLI `checkout-latency`']);
  assert.equal(findings(text, 'slo.yaml', LATENCY).length, 1);
});

test('a composite SLO: each objective\'s own indicatorRef is resolved and judged, also after a document is put in front', () => {
  const composite = 'apiVersion: openslo/v1\nkind: SLO\nmetadata:\n  name: composite\nspec:\n  service: checkout\n  timeWindow:\n    - duration: 28d\n      isRolling: true\n  budgetingMethod: Occurrences\n  objectives:\n    - target: 0.99\n      indicatorRef: checkout-latency\n      compositeWeight: 1\n    - target: 0.99\n      indicatorRef: no-such-sli\n      compositeWeight: 1\n';
  for (const [text, shift] of [[composite, 0], [`${service('other')}---\n${composite}`, 5]] as const) {
    assert.deepEqual(findings(text, 'slo.yaml', LATENCY).map((f) => `${f.range.start.line - shift} ${f.ruleId}`), ['11 openslo-objective-op-value', '15 unresolved-reference'], String(shift));
  }
});

test('openslo-objective-op-value: names only what is missing', () => {
  const text = slo('checkout-latency', { indicatorRef: 'checkout-latency', objectives: '    - op: lte\n      target: 0.99\n' });
  assert.deepEqual(findings(text, 'slo.yaml', LATENCY).map((f) => f.message), [
    'this objective needs `value`: SLI `checkout-latency` uses a thresholdMetric, so each objective says which values are good',
  ]);
});

test('openslo-objective-op-value: a referenced ratioMetric SLI with value', () => {
  const text = slo('checkout-availability', { objectives: '    - value: 1\n      target: 0.99\n' });
  const [finding] = findings(text, 'slo.yaml', CATALOG);
  assert.equal(finding.message, '`value` has no meaning here: SLI `checkout-errors` uses a ratioMetric, whose objectives set only `target` (or `targetPercent`)');
  assert.deepEqual(related(finding), ['file:///work/catalog/sli.yaml 4:9 SLI `checkout-errors`']);
});

test('openslo-objective-op-value: in a later `---` document, `value` is found on its own line', () => {
  // The objective's op/value ranges were left relative to their document when it was placed in the file.
  const text = `${dataSource('prometheus')}---\n${slo('checkout-availability', { objectives: '    - value: 1\n      target: 0.99\n' })}`;
  const all = findings(text, 'slo.yaml', CATALOG);
  assert.deepEqual(all.map((f) => f.ruleId), ['openslo-objective-op-value']);
  const [finding] = all;
  assert.equal(text.split('\n')[finding.range.start.line], '    - value: 1');
  assert.equal(finding.range.start.character, 6);
});

test('openslo-objective-op-value: fine cases', () => {
  assert.deepEqual(check(slo('checkout-latency', { indicatorRef: 'checkout-latency', objectives: '    - op: lte\n      value: 0.25\n      target: 0.99\n' }), 'slo.yaml', {}, LATENCY), []);
  assert.deepEqual(check(slo('checkout-availability', { objectives: '    - targetPercent: 99.9\n' }), 'slo.yaml', {}, CATALOG), []);
});

test('openslo-objective-op-value: an unresolved SLI is only an unresolved reference', () => {
  assert.deepEqual(check(slo('checkout-latency', { indicatorRef: 'checkout-latency' }), 'slo.yaml', {}, CATALOG), [
    '7:17-7:33 unresolved-reference `indicatorRef` refers to SLI `checkout-latency`, which is not defined anywhere in the workspace',
  ]);
});

test('openslo-objective-op-value: the range is the objective\'s first key, as for an inline SLI', () => {
  assert.deepEqual(check(slo('checkout-latency', { indicatorRef: 'checkout-latency' }), 'slo.yaml', {}, LATENCY), [
    `13:7-13:13 openslo-objective-op-value ${OP_VALUE_NEEDED}`,
  ]);
  assert.deepEqual(check(slo('checkout-latency', { indicatorRef: 'checkout-latency', objectives: '    - displayName: fast\n      target: 0.99\n' }), 'slo.yaml', {}, LATENCY), [
    `13:7-13:18 openslo-objective-op-value ${OP_VALUE_NEEDED}`,
  ]);
});

test('openslo-objective-op-value: a value that has no meaning is reported at `value`', () => {
  assert.deepEqual(check(slo('checkout-availability', { objectives: '    - target: 0.99\n      value: 1\n' }), 'slo.yaml', {}, CATALOG), [
    '14:7-14:12 openslo-objective-op-value `value` has no meaning here: SLI `checkout-errors` uses a ratioMetric, whose objectives set only `target` (or `targetPercent`)',
  ]);
});

// A decision, not a gap: OpenSLO's own examples (spec repo and go-sdk) write `op` next to
// ratio metrics, so flagging it would contradict upstream; `value` has no such use.
test('openslo-objective-op-value: op alone with a ratioMetric SLI is left alone, as OpenSLO\'s examples write it', () => {
  assert.deepEqual(check(slo('checkout-availability', { objectives: '    - target: 0.99\n      op: gte\n' }), 'slo.yaml', {}, CATALOG), []);
});

test('localCheck keeps nothing in its own engine, and an engine that adopts its result finds what a fresh check finds', () => {
  const uri = 'file:///ws/slo.yaml';
  const text = `${ratioSli('checkout-errors')}---\n${service('checkout')}`;
  const worker = createEngine({ batch: true });
  const first = worker.localCheck({ uri, text });
  const again = worker.localCheck({ uri, text });
  assert.notEqual(again, first, 'a second localCheck of the same text checks anew: the first result was not kept');
  assert.deepEqual(again, first);
  const adopting = createEngine({ batch: true });
  adopting.adopt({ uri, text }, structuredClone(first));
  assert.deepEqual(adopting.check({ uri, text }), createEngine({ batch: true }).check({ uri, text }));
});
