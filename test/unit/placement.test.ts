// A `---` document's findings do not depend on where in its file it sits: every document is
// checked on its own and its results are moved to its lines (check-yaml.ts `place`). So a file
// with one more, empty, document in front has the same findings, every line two further down
// (message line numbers included). Any range in a document's results that the move forgets —
// as an SLO objective's `op`/`value` once were — makes this fail.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine, type Finding } from '../../server/src/service';
import { openslo } from '../bench/openslo';
import { manifests } from '../bench/manifests';

const PAD = '# one more document in front\n---\n';
const PAD_LINES = 2;

const root = join(__dirname, '..', '..');
function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) && !name.startsWith('.prr') ? [path] : [];
  });
}

const down = (r: Finding['range'], by: number) => ({ start: { ...r.start, line: r.start.line + by }, end: { ...r.end, line: r.end.line + by } });
/** A finding moved `by` lines down; its fixes too, but for those that edit the file's first line (disable for the whole file). */
function moved(f: Finding, by: number): unknown {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message.replace(/\bline (\d+)/g, (_, n: string) => `line ${Number(n) + by}`),
    range: down(f.range, by),
    related: f.related?.map((r) => ({ ...r, range: down(r.range, by) })),
    fixes: f.fixes?.filter((x) => !/for this file/.test(x.title)).map((x) => ({ ...x, edits: x.edits?.map((e) => ({ ...e, range: down(e.range, by) })) })),
  };
}

// A ratio SLI with an SLO whose objective has a `value`, and a threshold SLI with an SLO whose objective lacks `op`: every objective range is reported.
const OBJECTIVES = `apiVersion: openslo/v1
kind: SLI
metadata:
  name: errors
spec:
  ratioMetric:
    counter: true
    good: { metricSource: { type: Prometheus, spec: { query: a } } }
    total: { metricSource: { type: Prometheus, spec: { query: b } } }
---
apiVersion: openslo/v1
kind: SLI
metadata:
  name: latency
spec:
  thresholdMetric: { metricSource: { type: Prometheus, spec: { query: c } } }
---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: availability
spec:
  service: checkout
  indicatorRef: errors
  timeWindow: [{ duration: 28d, isRolling: true }]
  budgetingMethod: Occurrences
  objectives:
    - target: 0.99
      value: 5
---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: speed
spec:
  service: checkout
  indicatorRef: latency
  timeWindow: [{ duration: 28d, isRolling: true }]
  budgetingMethod: Occurrences
  objectives:
    - target: 0.99
      value: 0.3
`;

// Objects named twice (findings with related places and line numbers in their messages), a duplicate key, a reference to nothing, a wrong type.
const DUPLICATES = `apiVersion: openslo/v1
kind: Service
metadata:
  name: checkout
  name: checkout
spec:
  description: 5
---
apiVersion: openslo/v1
kind: Service
metadata:
  name: checkout
spec:
  description: [not, a, string]
---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: lonely
spec:
  service: nowhere
  indicatorRef: nothing
  timeWindow: [{ duration: 28d, isRolling: true }]
  budgetingMethod: Occurrences
  objectives: [{ target: 0.99 }]
`;

const cases: [string, string][] = [
  ...[...yamlFiles(join(root, 'examples')), ...yamlFiles(join(root, 'test', 'fixtures'))].map((p): [string, string] => [p.slice(root.length + 1), readFileSync(p, 'utf8')]),
  ['objectives.yaml', OBJECTIVES],
  ['duplicates.yaml', DUPLICATES],
  ['generated-slos.yaml', openslo(400).text],
  ['generated.readiness.yaml', manifests(400).text],
];

test('a document in front moves every finding two lines down and changes nothing else', (t) => {
  const rules = new Set<string>();
  for (const [name, text] of cases) {
    const uri = `file:///placement/${name.replace(/[/\\]/g, '_')}`;
    const alone = createEngine({}).check({ uri, text });
    const behind = createEngine({}).check({ uri, text: PAD + text });
    assert.deepEqual(behind.map((f) => moved(f, 0)), alone.map((f) => moved(f, PAD_LINES)), name);
    for (const f of alone) rules.add(f.ruleId);
  }
  // The cases are worth something only if they find things of many kinds, the objective rule and findings with related places among them.
  t.diagnostic(`${rules.size} rules found: ${[...rules].sort().join(', ')}`);
  for (const rule of ['openslo-objective-op-value', 'duplicate-name', 'duplicate-key', 'unresolved-reference', 'invalid-type']) assert.ok(rules.has(rule), `no ${rule} among the cases`);
  assert.equal(createEngine({}).check({ uri: 'file:///placement/objectives.yaml', text: OBJECTIVES }).filter((f) => f.ruleId === 'openslo-objective-op-value').length, 2);
});
