// Realistic OpenSLO v1 files for the benchmark: SLO + SLI + AlertPolicy triples in one
// multi-document file, deterministic; about 1 % of SLOs carry one schema error.

import { choose, fill, type Workload } from './random';

const SERVICES = ['checkout', 'payments', 'catalog', 'search', 'orders', 'billing', 'auth', 'inventory'];

/** The Service objects and the pager every SLO and policy refers to, so all references resolve. */
const SHARED = [
  ...SERVICES.map((s) => ['apiVersion: openslo/v1', 'kind: Service', 'metadata:', `  name: ${s}`, 'spec:', `  description: The ${s} service`].join('\n')),
  ['apiVersion: openslo/v1', 'kind: AlertNotificationTarget', 'metadata:', '  name: on-call-pager', 'spec:', '  target: pagerduty', '  description: The on-call rotation'].join('\n'),
].join('\n---\n');

function triple(i: number, rand: () => number): string {
  return i === 0 ? `${SHARED}\n---\n${sloSet(i, rand)}` : sloSet(i, rand);
}

function sloSet(i: number, rand: () => number): string {
  const service = choose(rand, SERVICES);
  const name = `${service}-availability-${i}`;
  const broken = i % 100 === 7;
  return [
    'apiVersion: openslo/v1',
    'kind: SLI',
    'metadata:',
    `  name: ${name}-requests`,
    `  displayName: ${service} requests ${i}`,
    'spec:',
    '  ratioMetric:',
    '    counter: true',
    '    good:',
    '      metricSource:',
    '        type: Prometheus',
    '        spec:',
    `          query: sum(rate(http_requests_total{service="${service}",code!~"5.."}[5m]))`,
    '    total:',
    '      metricSource:',
    '        type: Prometheus',
    '        spec:',
    `          query: sum(rate(http_requests_total{service="${service}"}[5m]))`,
    '---',
    'apiVersion: openslo/v1',
    'kind: SLO',
    'metadata:',
    `  name: ${name}`,
    `  displayName: ${service} availability ${i}`,
    'spec:',
    `  description: ${(99 + rand()).toFixed(2)} % of ${service} requests succeed`,
    `  service: ${service}`,
    `  indicatorRef: ${name}-requests`,
    `  ${broken ? 'budgetingMetod' : 'budgetingMethod'}: Occurrences`,
    '  timeWindow:',
    `    - duration: ${choose(rand, ['7d', '28d', '30d'])}`,
    '      isRolling: true',
    '  objectives:',
    `    - displayName: ${service} good`,
    `      target: ${choose(rand, ['0.99', '0.995', '0.999'])}`,
    '  alertPolicies:',
    `    - alertPolicyRef: ${name}-burn`,
    '---',
    'apiVersion: openslo/v1',
    'kind: AlertPolicy',
    'metadata:',
    `  name: ${name}-burn`,
    'spec:',
    '  description: Page when the error budget burns fast',
    '  alertWhenBreaching: true',
    '  conditions:',
    '    - kind: AlertCondition',
    '      metadata:',
    `        name: ${name}-fast-burn`,
    '      spec:',
    '        severity: page',
    '        condition:',
    '          kind: burnrate',
    '          op: gte',
    `          threshold: ${choose(rand, [2, 6, 14.4])}`,
    '          lookbackWindow: 1h',
    '          alertAfter: 5m',
    '  notificationTargets:',
    '    - targetRef: on-call-pager',
  ].join('\n');
}

export function openslo(targetLines: number): Workload {
  return fill(targetLines, triple);
}
