// A runbook's sections: each heading's content runs to the next heading of the same or a
// higher level. Built in one pass (a runbook of thousands of headings must not cost a scan
// of the rest per heading); compared here with the plain definition on random heading trees.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildRunbookModel } from '../../server/src/service/runbook/model';
import { parseMarkdown } from '../../server/src/service/markdown/parse';
import { PositionMap } from '../../server/src/service/yaml/positions';
import { mulberry32 } from '../bench/random';

test('sections end at the next heading of the same or a higher level', () => {
  const rand = mulberry32(2718);
  for (let round = 0; round < 200; round++) {
    const lines: string[] = [];
    for (let i = 0; i < 1 + Math.floor(rand() * 25); i++) lines.push(`${'#'.repeat(1 + Math.floor(rand() * 4))} H${i}`, '', `text ${i}`, '');
    const text = lines.join('\n');
    const root = parseMarkdown(text);
    const model = buildRunbookModel(text, root, new PositionMap(text));
    const headings = root.children.flatMap((c, i) => (c.type === 'heading' && c !== model.title ? [{ node: c, i }] : []));
    assert.equal(model.sections.length, headings.length);
    headings.forEach(({ node, i }, k) => {
      const next = root.children.findIndex((c, j) => j > i && c.type === 'heading' && c.depth <= node.depth);
      assert.deepEqual(model.sections[k].content, root.children.slice(i + 1, next < 0 ? undefined : next), `round ${round}, section ${k}`);
      assert.equal(model.sections[k].end, next < 0 ? text.length : root.children[next].position?.start.offset, `round ${round}, section ${k} end`);
    });
  }
});
