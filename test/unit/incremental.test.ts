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

const key = (f: Finding) => `${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character} ${f.severity} ${f.ruleId} ${f.message}`;

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
