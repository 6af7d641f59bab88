// Benchmark: is the engine's check close to the cost of the work it cannot avoid?
// The floor is yaml's parseAllDocuments + toJS + the very same compiled ajv validator on
// each document; everything the engine adds (positions, kind detection, error mapping,
// findings) must stay within TARGET x the floor, at sizes from a small file to a huge one.
// Runs are interleaved so machine noise hits engine and floor alike; medians resist outliers.

import { parseAllDocuments } from 'yaml';
import { createEngine } from '../../server/src/service/index';
import { Validators } from '../../server/src/service/schema/validators';
import { SHIPPED_SCHEMAS } from '../../server/src/service/schema/shipped';

const TARGET = 1.5;
const SIZES = [
  { lines: 100, warmup: 10, runs: 50 },
  { lines: 1_000, warmup: 5, runs: 30 },
  { lines: 10_000, warmup: 5, runs: 15 },
];
const URI = 'file:///bench/svc.readiness.yaml';

// A fixed seed keeps the text identical from run to run, so timings compare across runs.
function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['checkout', 'payments', 'catalog', 'search', 'orders', 'billing', 'auth', 'inventory', 'shipping', 'reviews'];
const pad = (n: number) => String(n).padStart(2, '0');

function manifest(i: number, rand: () => number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
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

function generate(targetLines: number): { text: string; documents: number; lines: number } {
  const rand = mulberry32(0x5eed);
  const docs: string[] = [];
  let lines = 0;
  while (lines < targetLines) {
    const doc = manifest(docs.length, rand);
    docs.push(doc);
    lines += doc.split('\n').length + 1;
  }
  return { text: docs.map((d) => `---\n${d}\n`).join(''), documents: docs.length, lines };
}

const engine = createEngine();
const validate = new Validators(SHIPPED_SCHEMAS).get('https://prr.dev/schemas/readiness-v1.schema.json');

function floor(text: string): number {
  let invalid = 0;
  for (const doc of parseAllDocuments(text)) if (!validate(doc.toJS())) invalid++;
  return invalid;
}

function time(fn: () => unknown): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

console.log(`prr bench — Node ${process.version}`);
console.log('floor = yaml parseAllDocuments + doc.toJS() + the engine\'s compiled readiness-v1 ajv validator, per document');
const rows: string[][] = [['lines', 'docs', 'findings', 'engine ms', 'floor ms', 'ratio', 'target', 'result']];
let failed = false;
for (const size of SIZES) {
  const { text, documents, lines } = generate(size.lines);
  const findings = engine.check({ uri: URI, text }).length;
  const engineMs: number[] = [];
  const floorMs: number[] = [];
  for (let run = 0; run < size.warmup + size.runs; run++) {
    // Alternating which goes first keeps GC debt from one side landing on the other.
    const order = run % 2 ? [0, 1] : [1, 0];
    for (const which of order) {
      const ms = which === 0 ? time(() => engine.check({ uri: URI, text })) : time(() => floor(text));
      if (run >= size.warmup) (which === 0 ? engineMs : floorMs).push(ms);
    }
  }
  const e = median(engineMs);
  const f = median(floorMs);
  const ratio = e / f;
  failed ||= ratio > TARGET;
  rows.push([String(lines), String(documents), String(findings), e.toFixed(2), f.toFixed(2), ratio.toFixed(2), `≤ ${TARGET}`, ratio > TARGET ? 'FAIL' : 'PASS']);
}
const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
for (const row of rows) console.log(row.map((cell, c) => cell.padStart(widths[c])).join('  '));
process.exitCode = failed ? 1 : 0;
