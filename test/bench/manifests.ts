// Realistic readiness manifests for the benchmark, deterministic (fixed seed); about 1 %
// of documents carry one schema error so error mapping is part of what is timed.

import { choose, fill, type Workload } from './random';

const WORDS = ['checkout', 'payments', 'catalog', 'search', 'orders', 'billing', 'auth', 'inventory', 'shipping', 'reviews'];
const pad = (n: number) => String(n).padStart(2, '0');

function manifest(i: number, rand: () => number): string {
  const pick = <T>(list: readonly T[]) => choose(rand, list);
  const name = `${pick(WORDS)}-${pick(['api', 'worker', 'gateway', 'svc'])}-${i}`;
  const team = `team-${pick(WORDS)}`;
  const date = () => `2026-${pad(1 + Math.floor(rand() * 12))}-${pad(1 + Math.floor(rand() * 28))}`;
  // Every 100th document (from the 8th) carries one schema error, alternating between a bad
  // value and a misspelled key, so the engine's error mapping is part of what is timed.
  const broken = i % 100 === 7 ? (Math.floor(i / 100) % 2 === 0 ? 'tier' : 'key') : undefined;
  const alerts = Array.from({ length: 1 + Math.floor(rand() * 3) }, (_, a) => [
    `    - name: ${name.replace(/-/g, '')}Alert${a}`,
    `      severity: ${pick(['page', 'ticket'])}`,
    `      runbook: runbooks/${name}-alert-${a}.md`,
  ]).flat();
  const deps = Array.from({ length: 1 + Math.floor(rand() * 3) }, (_, d) => [
    `    - name: ${pick(WORDS)}-${pick(['db', 'queue', 'cache'])}-${d}`,
    `      kind: ${pick(['database', 'queue', 'service', 'external'])}`,
    `      critical: ${rand() < 0.5}`,
    `      fallback: Serve stale data from the cache for up to ${1 + Math.floor(rand() * 30)} minutes.`,
  ]).flat();
  return [
    'apiVersion: prr/v1',
    'kind: ServiceReadiness',
    'metadata:',
    `  name: ${name}            # unique service name`,
    `  title: ${name.toUpperCase()}`,
    `  description: Handles ${pick(WORDS)} requests for the ${pick(WORDS)} domain.`,
    `  labels: { domain: ${pick(WORDS)}, language: ${pick(['go', 'java', 'typescript', 'python'])} }`,
    'spec:',
    `  owner: ${team}`,
    '  system: webshop',
    broken === 'key' ? '  lifecyle: production' : `  lifecycle: ${pick(['experimental', 'production', 'deprecated'])}`,
    `  tier: ${broken === 'tier' ? 5 : 1 + Math.floor(rand() * 4)}`,
    '  ownership:',
    '    onCall:',
    `      rotation: ${name}-primary`,
    `    slackChannel: "#${team}"`,
    `    email: ${team}@example-shop.com`,
    '  release:',
    `    strategy: ${pick(['canary', 'blue-green', 'rolling', 'recreate'])}`,
    '    rollback:',
    '      procedure: runbooks/Rollback.md',
    `      automated: ${rand() < 0.5}`,
    `      lastTested: ${date()}`,
    '  observability:',
    '    dashboards:',
    `      - https://grafana.example-shop.com/d/${name}/overview`,
    '    logs:',
    `      tool: ${pick(['loki', 'elastic'])}`,
    `      retention: ${1 + Math.floor(rand() * 90)}d`,
    `    tracing: { tool: opentelemetry, sampling: ${(Math.floor(rand() * 100) / 100).toFixed(2)} }`,
    '  alerts:',
    ...alerts,
    '  security:',
    `    review: { date: ${date()}, link: "https://wiki.example-shop.com/security/reviews/${name}" }`,
    '  data:',
    `    classification: ${pick(['public', 'internal', 'confidential'])}`,
    `    pii: ${rand() < 0.3}`,
    '  dependencies:',
    ...deps,
  ].join('\n');
}

export function manifests(targetLines: number): Workload {
  return fill(targetLines, manifest);
}

