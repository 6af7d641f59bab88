// What the language server runs at start so that the first real check is not the slow one.
// Before it says it is ready: every shipped schema compiled and each kind of check run once.
// After, while it is idle: a few hundred lines of OpenSLO checked and edited again and again,
// until the JIT has compiled the parser and the edit path — the first open of a big file was
// 1.5x slower than the next, and the first edit after it twice as slow as the ones after.

import type { Engine } from './engine';

/** One small document of each kind and OpenSLO object (bad on purpose, so the error mapping warms up too). */
const DOCUMENTS: readonly [string, string][] = [
  ['a.readiness.yaml', 'apiVersion: prr/v1\nkind: ServiceReadiness\nmetadata: { name: a }\nspec: { owner: t, tier: 9 }\n'],
  ...['SLO', 'SLI', 'DataSource', 'Service', 'AlertPolicy', 'AlertCondition', 'AlertNotificationTarget'].map((kind): [string, string] => [`${kind}.yaml`, `apiVersion: openslo/v1\nkind: ${kind}\nmetadata: { name: a }\nspec: {}\n`]),
  ['v1alpha.yaml', 'apiVersion: openslo/v1alpha\nkind: SLO\nmetadata: { name: a }\nspec: {}\n'],
  ['sloth.yaml', 'version: prometheus/v1\nservice: a\nslos: [{ name: a }]\n'],
  ['k8s.yaml', 'apiVersion: sloth.slok.dev/v1\nkind: PrometheusServiceLevel\nmetadata: { name: a }\nspec: { service: a, slos: [] }\n'],
  ['runbooks/a.md', '---\ntitle: a\n---\n# A\n\n## Meaning\n\nx\n'],
  ['.prr.yaml', 'rules: {}\n'],
];

export function warmUp(engine: Pick<Engine, 'check' | 'removeFile'>): void {
  for (const [path, text] of DOCUMENTS) {
    const uri = `prr-warm-up:///${path}`;
    engine.check({ uri, text });
    engine.removeFile(uri);
  }
}

/** What the triples refer to, as a real file has them (objects of every kind give the checks every shape of object). */
const SHARED = `apiVersion: openslo/v1
kind: Service
metadata:
  name: warm-up
spec:
  description: The warm-up service
---
apiVersion: openslo/v1
kind: DataSource
metadata:
  name: warm-up-prometheus
spec:
  type: Prometheus
  connectionDetails:
    url: http://prometheus:9090
---
apiVersion: openslo/v1
kind: AlertNotificationTarget
metadata:
  name: warm-up-pager
spec:
  target: pagerduty
---
`;

/** A realistic SLI + SLO + AlertPolicy triple (the names carry `i`, so no two are alike). */
function triple(i: number): string {
  const name = `warm-up-${i}`;
  return `apiVersion: openslo/v1
kind: SLI
metadata:
  name: ${name}-requests
spec:
  ratioMetric:
    counter: true
    good:
      metricSource:
        type: Prometheus
        spec:
          query: sum(rate(http_requests_total{code!~"5.."}[5m])) # ${i}
    total:
      metricSource:
        type: Prometheus
        spec:
          query: sum(rate(http_requests_total[5m]))
---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: ${name}
  displayName: Warm-up ${i}
spec:
  description: ${i} % of requests succeed
  service: warm-up
  indicatorRef: ${name}-requests
  budgetingMethod: ${i % 7 === 0 ? 'Ocurrences' : 'Occurrences'}
  timeWindow:
    - duration: ${['7d', '28d', '30d'][i % 3]}
      isRolling: true
  objectives:
    - displayName: good
      target: 0.99${i % 10}
  alertPolicies:
    - alertPolicyRef: ${name}-burn
---
apiVersion: openslo/v1
kind: AlertPolicy
metadata:
  name: ${name}-burn
spec:
  alertWhenBreaching: true
  conditions:
    - kind: AlertCondition
      metadata:
        name: ${name}-fast-burn
      spec:
        severity: page
        condition:
          kind: burnrate
          op: gte
          threshold: ${[2, 6, 14.4][i % 3]}
          lookbackWindow: 1h
          alertAfter: 5m
  notificationTargets:
    - targetRef: warm-up-pager
`;
}

/** Files of the idle warm-up, triples (~50 lines each) in each but the last at most, one-line edits of each file, and of those per step. */
const FILES = 9;
const TRIPLES = 10;
const EDITS = 12;
const EDITS_PER_STEP = 4;
/** The last file is big (~3,000 lines): loops over thousands of objects, and a heap grown to what a big file needs. */
const LAST_TRIPLES = 60;

/**
 * The idle warm-up, one step per yield: each step opens a file, edits it a few times and forgets it before it yields,
 * so a real check that runs between two steps never sees a warm-up object in the index (a file's later steps open
 * it again as the edits left it: its documents come from the cache). The first files are small, so that a request
 * that arrives meanwhile waits little: a step takes ~10–40 ms here, ~300 ms in all (docs/performance.md).
 */
export function* idleWarmUp(engine: Pick<Engine, 'check' | 'removeFile'>): Generator<void, void, void> {
  for (let file = 0, first = 0; file < FILES; file++) {
    const uri = `prr-warm-up:///idle-${file}.yaml`;
    const triples = file === FILES - 1 ? LAST_TRIPLES : Math.min(TRIPLES, 2 * (file + 1));
    const lines = (SHARED + Array.from({ length: triples }, (_, i) => triple(first + i)).join('---\n')).split('\n');
    const at = lines.indexOf(`  description: ${first + (triples >> 1)} % of requests succeed`);
    first += triples;
    for (let edit = 0; edit < EDITS; edit++) {
      if (edit % EDITS_PER_STEP === 0) engine.check({ uri, text: lines.join('\n') });
      // Typing in a line, and now and then a new line (which moves every later document).
      if (edit % 3 === 2) lines.splice(at + 1, 0, `  # note ${edit}`);
      else lines[at] = `  description: edit ${edit}`;
      engine.check({ uri, text: lines.join('\n') });
      if (edit % EDITS_PER_STEP === EDITS_PER_STEP - 1 || edit === EDITS - 1) {
        engine.removeFile(uri);
        yield;
      }
    }
  }
}
