// The constraints of schemas/sloth-prometheus-v1.schema.json and sloth-k8s-v1.schema.json, in
// both formats: a document that breaks one gives one finding at the exact range with the
// expected message, and one that keeps it gives none. Unknown keys are `sloth-unknown-key`
// warnings, since Sloth ignores them silently. Findings that are not yet right are `todo`
// tests written with the finding that should be reported.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from '../../server/src/service';
import { check } from './helpers';

const ERRORS = 'sum(rate(http_requests_total{code=~"5.."}[{{.window}}]))';
const TOTAL = 'sum(rate(http_requests_total[{{.window}}]))';
const RATIO = 'sum(rate(http_request_errors_ratio[{{.window}}]))';

/** Sloth's own format (version: prometheus/v1). Lines: slo name 4, objective 5, sli 6, alerting 10, page_alert 12. */
const PROMETHEUS = `version: prometheus/v1
service: checkout
slos:
  - name: requests-availability
    objective: 99.9
    sli:
      events:
        error_query: ${ERRORS}
        total_query: ${TOTAL}
    alerting:
      name: CheckoutHighErrorRate
      page_alert:
        labels:
          severity: page
      ticket_alert:
        labels:
          severity: ticket
`;

/** The Kubernetes form. Lines: service 6, slo name 8, objective 9, sli 10, alerting 14, pageAlert 16. */
const K8S = `apiVersion: sloth.slok.dev/v1
kind: PrometheusServiceLevel
metadata:
  name: checkout
spec:
  service: checkout
  slos:
    - name: requests-availability
      objective: 99.9
      sli:
        events:
          errorQuery: ${ERRORS}
          totalQuery: ${TOTAL}
      alerting:
        name: CheckoutHighErrorRate
        pageAlert:
          labels:
            severity: page
        ticketAlert:
          labels:
            severity: ticket
`;

const P_EVENTS = `      events:\n        error_query: ${ERRORS}\n        total_query: ${TOTAL}\n`;
const K_EVENTS = `        events:\n          errorQuery: ${ERRORS}\n          totalQuery: ${TOTAL}\n`;

const NAME_RULE = 'must be a Sloth name: letters, digits, `-`, `_` and `.`, starting and ending with a letter or digit, at least two characters (e.g. `requests-availability`)';

test('the valid documents in both formats have no findings', () => {
  assert.deepEqual(check(PROMETHEUS, 'sloth.yaml'), []);
  assert.deepEqual(check(K8S, 'sloth.yaml'), []);
});

// ---------------------------------------------------------------- objective in (0, 100]

test('objective: greater than 0, at the value', () => {
  assert.deepEqual(check(PROMETHEUS.replace('objective: 99.9', 'objective: 0'), 'sloth.yaml'), [
    '5:16-5:17 invalid-value `slos[0].objective` must be > 0; got `0`',
  ]);
  assert.deepEqual(check(K8S.replace('objective: 99.9', 'objective: 0'), 'sloth.yaml'), [
    '9:18-9:19 invalid-value `spec.slos[0].objective` must be > 0; got `0`',
  ]);
});

test('objective: at most 100, at the value', () => {
  assert.deepEqual(check(PROMETHEUS.replace('objective: 99.9', 'objective: 100.5'), 'sloth.yaml'), [
    '5:16-5:21 invalid-value `slos[0].objective` must be <= 100; got `100.5`',
  ]);
  assert.deepEqual(check(K8S.replace('objective: 99.9', 'objective: 101'), 'sloth.yaml'), [
    '9:18-9:21 invalid-value `spec.slos[0].objective` must be <= 100; got `101`',
  ]);
});

test('objective: a quoted number is a type error only', () => {
  assert.deepEqual(check(PROMETHEUS.replace('objective: 99.9', 'objective: "99.9"'), 'sloth.yaml'), [
    '5:16-5:22 invalid-type `slos[0].objective` must be a number; got the string `"99.9"`',
  ]);
});

test('objective: values in (0, 100] pass the schema, 100 included (which leaves no error budget: a budget warning)', () => {
  for (const objective of ['0.1', '50', '99.99', '100']) {
    const budget = objective === '100' ? ['slo-budget-too-small'] : [];
    for (const text of [PROMETHEUS, K8S]) {
      assert.deepEqual(check(text.replace('objective: 99.9', `objective: ${objective}`), 'sloth.yaml').map((f) => f.split(' ')[1]), budget, objective);
    }
  }
});

// ---------------------------------------------------------------- names

test('SLO name: the Sloth name pattern, at the value', () => {
  assert.deepEqual(check(PROMETHEUS.replace('name: requests-availability', 'name: requests availability'), 'sloth.yaml'), [
    `4:11-4:32 invalid-format \`slos[0].name\` ${NAME_RULE}; got \`requests availability\``,
  ]);
  assert.deepEqual(check(PROMETHEUS.replace('name: requests-availability', 'name: r'), 'sloth.yaml'), [
    `4:11-4:12 invalid-format \`slos[0].name\` ${NAME_RULE}; got \`r\``,
  ]);
  assert.deepEqual(check(K8S.replace('name: requests-availability', 'name: requests/availability'), 'sloth.yaml'), [
    `8:13-8:34 invalid-format \`spec.slos[0].name\` ${NAME_RULE}; got \`requests/availability\``,
  ]);
});

test('service name: the Sloth name pattern, at the value', () => {
  assert.deepEqual(check(PROMETHEUS.replace('service: checkout', 'service: -checkout'), 'sloth.yaml'), [
    `2:10-2:19 invalid-format \`service\` ${NAME_RULE}; got \`-checkout\``,
  ]);
  assert.deepEqual(check(K8S.replace('service: checkout', 'service: checkout_'), 'sloth.yaml'), [
    `6:12-6:21 invalid-format \`spec.service\` ${NAME_RULE}; got \`checkout_\``,
  ]);
});

test('names: letters, digits, -, _ and . in between pass, uppercase included', () => {
  for (const name of ['ab', 'Requests_Availability', 'requests.availability-v2']) {
    assert.deepEqual(check(PROMETHEUS.replace('name: requests-availability', `name: ${name}`), 'sloth.yaml'), [], name);
    assert.deepEqual(check(K8S.replace('name: requests-availability', `name: ${name}`), 'sloth.yaml'), [], name);
  }
});

test('k8s metadata.name: a lowercase DNS name, at the value', () => {
  assert.deepEqual(check(K8S.replace('  name: checkout\n', '  name: Checkout\n'), 'sloth.yaml'), [
    '4:9-4:17 invalid-format `metadata.name` must be a lowercase DNS name (RFC 1123 subdomain) (e.g. `checkout.example-shop`); got `Checkout`',
  ]);
});

test('k8s SLO name: at most 128 characters', () => {
  const long = 'r'.repeat(129);
  assert.deepEqual(check(K8S.replace('name: requests-availability', `name: ${long}`), 'sloth.yaml'), [
    '8:13-8:142 invalid-value `spec.slos[0].name` must be at most 128 characters long; it has 129',
  ]);
});

// ---------------------------------------------------------------- alerting.name

test('alerting.name: required when an alert is enabled, at the alerting key', () => {
  assert.deepEqual(check(PROMETHEUS.replace('      name: CheckoutHighErrorRate\n', ''), 'sloth.yaml'), [
    '10:5-10:13 missing-property missing required property `name` in `slos[0].alerting`',
  ]);
  assert.deepEqual(check(K8S.replace('        name: CheckoutHighErrorRate\n', ''), 'sloth.yaml'), [
    '14:7-14:15 missing-property missing required property `name` in `spec.slos[0].alerting`',
  ]);
});

test('alerting.name: required when only one of the two alerts is disabled', () => {
  const text = PROMETHEUS.replace('      name: CheckoutHighErrorRate\n', '').replace('        labels:\n          severity: page\n', '        disable: true\n');
  assert.deepEqual(check(text, 'sloth.yaml'), ['10:5-10:13 missing-property missing required property `name` in `slos[0].alerting`']);
});

test('alerting.name: not empty, at the value', () => {
  assert.deepEqual(check(PROMETHEUS.replace('name: CheckoutHighErrorRate', 'name: ""'), 'sloth.yaml'), [
    '11:13-11:15 invalid-value `slos[0].alerting.name` must not be empty',
  ]);
});

test('alerting.name: not needed when both alerts are disabled', () => {
  const prometheus = PROMETHEUS.replace('      name: CheckoutHighErrorRate\n', '')
    .replace('labels:\n          severity: page', 'disable: true')
    .replace('labels:\n          severity: ticket', 'disable: true');
  assert.deepEqual(check(prometheus, 'sloth.yaml'), []);
  const k8s = K8S.replace('        name: CheckoutHighErrorRate\n', '')
    .replace('labels:\n            severity: page', 'disable: true')
    .replace('labels:\n            severity: ticket', 'disable: true');
  assert.deepEqual(check(k8s, 'sloth.yaml'), []);
});

test('alerting.name: a misspelt disabled alert does not count as disabled', () => {
  const text = PROMETHEUS.replace('      name: CheckoutHighErrorRate\n', '')
    .replace('page_alert:\n        labels:\n          severity: page', 'pageAlert:\n        disable: true')
    .replace('ticket_alert:\n        labels:\n          severity: ticket', 'ticket_alert:\n        disable: true');
  assert.deepEqual(check(text, 'sloth.yaml'), [
    '10:5-10:13 missing-property missing required property `name` in `slos[0].alerting`',
    '11:7-11:16 sloth-unknown-key unknown property `pageAlert` in `slos[0].alerting` — did you mean `page_alert`?',
  ]);
});

// ---------------------------------------------------------------- sli: exactly one of events, raw, plugin

test('sli: events, raw or plugin alone passes', () => {
  assert.deepEqual(check(PROMETHEUS.replace(P_EVENTS, `      raw:\n        error_ratio_query: ${RATIO}\n`), 'sloth.yaml'), []);
  assert.deepEqual(check(PROMETHEUS.replace(P_EVENTS, '      plugin:\n        id: sloth-common/availability\n        options:\n          job: api\n'), 'sloth.yaml'), []);
  assert.deepEqual(check(K8S.replace(K_EVENTS, `        raw:\n          errorRatioQuery: ${RATIO}\n`), 'sloth.yaml'), []);
  assert.deepEqual(check(K8S.replace(K_EVENTS, '        plugin:\n          id: sloth-common/availability\n'), 'sloth.yaml'), []);
});

test('sli: none of events, raw, plugin, at the sli key', () => {
  assert.deepEqual(check(PROMETHEUS.replace(`    sli:\n${P_EVENTS}`, '    sli: {}\n'), 'sloth.yaml'), [
    '6:5-6:8 missing-property `slos[0].sli` needs one of `events` or `raw` or `plugin`',
  ]);
  assert.deepEqual(check(K8S.replace(`      sli:\n${K_EVENTS}`, '      sli: {}\n'), 'sloth.yaml'), [
    '10:7-10:10 missing-property `spec.slos[0].sli` needs one of `events` or `raw` or `plugin`',
  ]);
});

test('sli: two of events, raw, plugin, at the second one', () => {
  assert.deepEqual(check(PROMETHEUS.replace(P_EVENTS, `${P_EVENTS}      raw:\n        error_ratio_query: ${RATIO}\n`), 'sloth.yaml'), [
    '10:7-10:10 invalid-value `slos[0].sli` may have only one of `events` or `raw` or `plugin`; it has `events` and `raw`',
  ]);
  assert.deepEqual(check(K8S.replace(K_EVENTS, `${K_EVENTS}        plugin:\n          id: sloth-common/availability\n`), 'sloth.yaml'), [
    '14:9-14:15 invalid-value `spec.slos[0].sli` may have only one of `events` or `raw` or `plugin`; it has `events` and `plugin`',
  ]);
});

test('sli: an unknown key next to one SLI type is only the unknown-key warning', () => {
  assert.deepEqual(check(PROMETHEUS.replace(P_EVENTS, `${P_EVENTS}      owner: team-a\n`), 'sloth.yaml'), [
    '10:7-10:12 sloth-unknown-key unknown property `owner` in `slos[0].sli`; allowed: `events`, `raw`, `plugin`',
  ]);
});

test('sli: a misspelt SLI type leaves the SLO without one, which is an error (Sloth ignores the unknown key)', () => {
  assert.deepEqual(check(PROMETHEUS.replace('      events:', '      event:'), 'sloth.yaml'), [
    '6:5-6:8 missing-property `slos[0].sli` needs one of `events` or `raw` or `plugin`',
    '7:7-7:12 sloth-unknown-key unknown property `event` in `slos[0].sli` — did you mean `events`?',
  ]);
});

test('sli events: both queries required, at the events key', () => {
  assert.deepEqual(check(PROMETHEUS.replace(`        total_query: ${TOTAL}\n`, ''), 'sloth.yaml'), [
    '7:7-7:13 missing-property missing required property `total_query` in `slos[0].sli.events`',
  ]);
});

// ---------------------------------------------------------------- unknown keys: warnings with did-you-mean

test('unknown key: pageAlert in the prometheus/v1 format means page_alert', () => {
  assert.deepEqual(check(PROMETHEUS.replace('page_alert', 'pageAlert'), 'sloth.yaml'), [
    '12:7-12:16 sloth-unknown-key unknown property `pageAlert` in `slos[0].alerting` — did you mean `page_alert`?',
  ]);
});

test('unknown key: page_alert in the k8s format means pageAlert', () => {
  assert.deepEqual(check(K8S.replace('pageAlert', 'page_alert'), 'sloth.yaml'), [
    '16:9-16:19 sloth-unknown-key unknown property `page_alert` in `spec.slos[0].alerting` — did you mean `pageAlert`?',
  ]);
});

test('unknown key: snake_case queries in the k8s format, camelCase plugins in prometheus/v1', () => {
  assert.deepEqual(check(K8S.replace('errorQuery', 'error_query'), 'sloth.yaml'), [
    '11:9-11:15 missing-property missing required property `errorQuery` in `spec.slos[0].sli.events`',
    '12:11-12:22 sloth-unknown-key unknown property `error_query` in `spec.slos[0].sli.events` — did you mean `errorQuery`?',
  ]);
  assert.deepEqual(check(PROMETHEUS.replace('service: checkout\n', 'service: checkout\nsloPlugins:\n  chain: []\n'), 'sloth.yaml'), [
    '3:1-3:11 sloth-unknown-key unknown property `sloPlugins` in `document` — did you mean `slo_plugins`?',
  ]);
});

test('unknown key with no near name lists what is allowed', () => {
  assert.deepEqual(check(PROMETHEUS.replace('    objective: 99.9\n', '    objective: 99.9\n    owner: team-a\n'), 'sloth.yaml'), [
    '6:5-6:10 sloth-unknown-key unknown property `owner` in `slos[0]`; allowed: `name`, `objective`, `description`, `labels`, `plugins`, `sli`, `alerting`',
  ]);
});

test('unknown key: a warning, not an error, and the right key in each format passes', () => {
  const [finding] = createEngine().check({ uri: 'file:///work/sloth.yaml', text: K8S.replace('pageAlert', 'page_alert') });
  assert.equal(finding.ruleId, 'sloth-unknown-key');
  assert.equal(finding.severity, 'warning');
  assert.deepEqual(check(PROMETHEUS, 'sloth.yaml'), []);
  assert.deepEqual(check(K8S, 'sloth.yaml'), []);
});
