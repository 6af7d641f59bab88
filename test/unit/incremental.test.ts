// Incremental re-checking must be invisible: after any edit, the findings of an engine that
// reuses its per-document cache equal those of a fresh engine checking from scratch. Edits
// are random but seeded: lines changed, deleted, duplicated; `---` added and removed; syntax
// broken and repaired; edits at document borders.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine, type Finding } from '../../server/src/service';
import { openslo } from '../bench/openslo';
import { manifests } from '../bench/manifests';
import { mulberry32 } from '../bench/random';

// Each edit costs a fresh engine (schema compilation included), so the count is kept modest for `npm test`.
const EDITS = 80;

function mutate(lines: string[], rand: () => number): string[] {
  const next = [...lines];
  const at = Math.floor(rand() * next.length);
  const markers = next.map((l, i) => (l === '---' ? i : -1)).filter((i) => i >= 0);
  switch (Math.floor(rand() * 9)) {
    case 0: next[at] = `${next[at]}x`; break; // change a value or key
    case 1: next.splice(at, 1); break; // delete a line
    case 2: next.splice(at, 0, next[at]); break; // duplicate a line (duplicate keys)
    case 3: next.splice(at, 0, '---'); break; // split a document
    case 4: if (markers.length > 0) next.splice(markers[Math.floor(rand() * markers.length)], 1); break; // merge two documents
    case 5: next[at] = `${next[at]} [`; break; // break the syntax
    case 6: next[at] = next[at].replace(/ \[$/, ''); break; // repair it (when broken)
    case 7: { const m = markers[Math.floor(rand() * markers.length)] ?? 0; next.splice(m + 1, 0, 'bogus: 1'); break; } // at a border
    default: next[at] = next[at].replace(/0\.99\d*/, '1').replace(/tier: \d/, 'tier: 7'); // a value the schema rejects
  }
  return next;
}

const at = (r: Finding['range']) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
// Fixes too: their edits are placed by the lines of the whole text, which an edit's check derives from the text before it.
const key = (f: Finding) => `${at(f.range)} ${f.severity} ${f.ruleId} ${f.message}${(f.related ?? []).map((r) => ` [${r.uri} ${at(r.range)} ${r.message}]`).join('')} ${JSON.stringify(f.fixes ?? [])}`;

for (const [name, workload, uri] of [['OpenSLO', openslo(800), 'file:///w/slos.yaml'], ['manifests', manifests(800), 'file:///w/all.readiness.yaml']] as const) {
  test(`incremental findings equal a from-scratch check after ${EDITS} random edits (${name})`, () => {
    const rand = mulberry32(name.length * 7919);
    const incremental = createEngine();
    let lines = workload.text.split('\n');
    incremental.check({ uri, text: lines.join('\n') });
    let differing = 0;
    for (let i = 0; i < EDITS; i++) {
      lines = mutate(lines, rand);
      const text = lines.join('\n');
      const fast = incremental.check({ uri, text }).map(key);
      const scratch = createEngine().check({ uri, text }).map(key);
      if (JSON.stringify(fast) !== JSON.stringify(scratch)) {
        differing++;
        assert.deepEqual(fast, scratch, `edit ${i} differs`);
      }
    }
    assert.equal(differing, 0);
  });
}

// The workspace index is updated by difference too: objects of documents an edit left alone stay indexed
// as they were. Another file holding copies of some of the objects makes every edit reach across files.
test(`incremental findings of two files equal a from-scratch check after ${EDITS / 2} random edits of one`, () => {
  const rand = mulberry32(31337);
  const uri = 'file:///w/slos.yaml';
  const otherUri = 'file:///w/copies.yaml';
  const other = openslo(200).text;
  const incremental = createEngine();
  incremental.setFile({ uri: otherUri, text: other });
  let lines = openslo(600).text.split('\n');
  incremental.setFile({ uri, text: lines.join('\n') });
  for (let i = 0; i < EDITS / 2; i++) {
    lines = mutate(lines, rand);
    const text = lines.join('\n');
    incremental.setFile({ uri, text });
    const scratch = createEngine();
    scratch.setFile({ uri: otherUri, text: other });
    scratch.setFile({ uri, text });
    for (const [u, t] of [[uri, text], [otherUri, other]]) {
      assert.deepEqual(incremental.check({ uri: u, text: t }).map(key), scratch.check({ uri: u, text: t }).map(key), `edit ${i}: ${u} differs`);
    }
  }
});

// Cross-file findings of objects an edit elsewhere did not touch are kept from the last check (workspace/check.ts)
// unless the index entries they depend on changed: each step edits one file, then every file is compared with a
// fresh engine. The steps are the ways an untouched object's findings can change from afar.
test('kept cross-file findings follow changes made in other files', () => {
  const slo = (service: string, sli: string, extra = '') => `apiVersion: openslo/v1\nkind: SLO\nmetadata:\n  name: checkout\nspec:\n  service: ${service}\n  indicatorRef: ${sli}\n  budgetingMethod: Occurrences\n  timeWindow:\n    - duration: 28d\n      isRolling: true\n  objectives:\n    - target: 0.99${extra}\n`;
  const sli = (name: string, metric: 'ratio' | 'threshold') => metric === 'ratio'
    ? `apiVersion: openslo/v1\nkind: SLI\nmetadata:\n  name: ${name}\nspec:\n  ratioMetric:\n    counter: true\n    good: { metricSource: { type: P, spec: {} } }\n    total: { metricSource: { type: P, spec: {} } }\n`
    : `apiVersion: openslo/v1\nkind: SLI\nmetadata:\n  name: ${name}\nspec:\n  thresholdMetric: { metricSource: { type: P, spec: {} } }\n`;
  const service = (name: string) => `apiVersion: openslo/v1\nkind: Service\nmetadata:\n  name: ${name}\nspec: {}\n`;
  const sloth = (service: string, name: string) => `version: prometheus/v1\nservice: ${service}\nslos:\n  - name: ${name}\n    objective: 99\n    sli: { events: { error_query: a, total_query: b } }\n    alerting: { name: A }\n`;
  const A = 'file:///w/a.yaml';
  const B = 'file:///w/b.yaml';
  const C = 'file:///w/c.yaml';
  const steps: [string, string | undefined][] = [
    [A, `${slo('shop', 'lat')}---\n${slo('shop', 'lat', '\n      value: 1')}`],
    [B, sli('lat', 'ratio')], // A's second objective: `value` has no meaning with a ratio metric
    [B, sli('lat', 'threshold')], // now both objectives need op and value
    [C, service('other')], // a Service exists: `shop` is unresolved instead of missing
    [C, service('shop')], // resolved
    [C, undefined], // no Service anywhere again
    [B, `${sli('lat', 'threshold')}---\napiVersion: openslo/v1\nkind: SLO\nmetadata:\n  name: checkout\nspec: {}\n`], // a duplicate of A's SLO
    [B, sli('lat', 'ratio')], // gone again
    // Budget numbers: a condition in one file is judged against the window of an SLO in another (workspace-links.ts).
    [C, `apiVersion: openslo/v1\nkind: AlertPolicy\nmetadata:\n  name: burn\nspec:\n  conditions:\n    - conditionRef: fast\n---\napiVersion: openslo/v1\nkind: AlertCondition\nmetadata:\n  name: fast\nspec:\n  severity: page\n  condition:\n    kind: burnrate\n    op: gte\n    threshold: 2\n    lookbackWindow: 10d\n`],
    [A, `${slo('shop', 'lat')}  alertPolicies:\n    - alertPolicyRef: burn\n`],
    [A, `${slo('shop', 'lat').replace('28d', '7d')}  alertPolicies:\n    - alertPolicyRef: burn\n`], // C's lookback now exceeds the window
    [A, `${slo('shop', 'lat').replace('28d', '7d')}  alertPolicies:\n    - alertPolicyRef: other\n`], // C's condition has no SLO now
    // In one file: the SLO's window changes, its policy and condition documents do not.
    [A, `${slo('shop', 'lat')}  alertPolicies:\n    - alertPolicyRef: own\n---\napiVersion: openslo/v1\nkind: AlertPolicy\nmetadata:\n  name: own\nspec:\n  conditions:\n    - kind: AlertCondition\n      metadata:\n        name: inline\n      spec:\n        severity: page\n        condition: { kind: burnrate, op: gte, threshold: 2, lookbackWindow: 10d }\n`],
    [A, `${slo('shop', 'lat').replace('28d', '7d')}  alertPolicies:\n    - alertPolicyRef: own\n---\napiVersion: openslo/v1\nkind: AlertPolicy\nmetadata:\n  name: own\nspec:\n  conditions:\n    - kind: AlertCondition\n      metadata:\n        name: inline\n      spec:\n        severity: page\n        condition: { kind: burnrate, op: gte, threshold: 2, lookbackWindow: 10d }\n`],
    [A, sloth('pay', 'avail')],
    [B, sloth('pay', 'avail')], // duplicate Sloth ID
    [B, sloth('pay', 'other')],
  ];
  const files = new Map<string, string>();
  const incremental = createEngine();
  steps.forEach(([uri, text], i) => {
    if (text === undefined) {
      files.delete(uri);
      incremental.removeFile(uri);
    } else {
      files.set(uri, text);
      incremental.setFile({ uri, text });
    }
    const scratch = createEngine();
    for (const [u, t] of files) scratch.setFile({ uri: u, text: t });
    for (const [u, t] of files) {
      assert.deepEqual(incremental.check({ uri: u, text: t }).map(key), scratch.check({ uri: u, text: t }).map(key), `step ${i}: ${u} differs`);
      assert.deepEqual(incremental.budgetHints({ uri: u, text: t }), scratch.budgetHints({ uri: u, text: t }), `step ${i}: ${u}'s budget hints differ`);
    }
  });
});
