// Re-splitting only the stretch an edit touched must give exactly the documents a full split
// gives, and must call "unchanged" only documents whose text did not change.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitDocuments } from '../../server/src/service/yaml/chunks';
import { rechunk } from '../../server/src/service/yaml/rechunk';
import { mulberry32 } from '../bench/random';

const PIECES = ['---', '--- ', '---x', '--', 'a: 1', 'b: [', ']', '', '  - x', '...', '%YAML 1.2', '# ---', ' ---', '---\t# c', 'k: v\r', '\r'];

function randomText(rand: () => number, lines: number): string {
  const out: string[] = [];
  for (let i = 0; i < lines; i++) out.push(PIECES[Math.floor(rand() * PIECES.length)]);
  return out.join(rand() < 0.2 ? '\r\n' : '\n');
}

function randomEdit(text: string, rand: () => number): string {
  const at = Math.floor(rand() * (text.length + 1));
  const length = Math.floor(rand() * Math.min(12, text.length - at + 1));
  const inserts = ['', '\n', '---', '\n---\n', 'x', '\r', '-', ' ', 'key: value\n', '%'];
  return text.slice(0, at) + inserts[Math.floor(rand() * inserts.length)] + text.slice(at + length);
}

test('rechunk gives the chunks of a full split after random edits, reusing only identical ones', () => {
  const rand = mulberry32(4242);
  let reused = 0;
  for (let round = 0; round < 300; round++) {
    let text = randomText(rand, 5 + Math.floor(rand() * 40));
    let placed = splitDocuments(text).map(({ offset, line }) => ({ offset, line }));
    for (let step = 0; step < 20; step++) {
      const next = randomEdit(text, rand);
      const result = rechunk(text, placed, next);
      const expected = splitDocuments(next);
      assert.deepEqual(result.map(({ offset, line }) => ({ offset, line })), expected.map(({ offset, line }) => ({ offset, line })), `round ${round} step ${step}: ${JSON.stringify(text)} → ${JSON.stringify(next)}`);
      result.forEach((chunk, i) => {
        const end = (chunks: readonly { offset: number }[], j: number, length: number) => (j + 1 < chunks.length ? chunks[j + 1].offset : length);
        if (chunk.from >= 0) {
          reused++;
          assert.equal(text.slice(placed[chunk.from].offset, end(placed, chunk.from, text.length)), expected[i].text, `reused chunk ${i} differs`);
        } else {
          assert.equal(chunk.text, expected[i].text);
        }
      });
      text = next;
      placed = result.map(({ offset, line }) => ({ offset, line }));
    }
  }
  assert.ok(reused > 1000, `only ${reused} chunks reused`); // the test must exercise reuse, not only full splits
});

test('an edit inside one document of many re-splits only that document', () => {
  const text = Array.from({ length: 100 }, (_, i) => `a: ${i}\nb: ${i}\n`).join('---\n');
  const placed = splitDocuments(text).map(({ offset, line }) => ({ offset, line }));
  const next = text.replace('b: 50\n', 'b: fifty\nc: 1\n');
  const result = rechunk(text, placed, next);
  assert.equal(result.filter((c) => c.from === -1).length, 1);
  assert.deepEqual(result.map(({ offset, line }) => ({ offset, line })), splitDocuments(next).map(({ offset, line }) => ({ offset, line })));
});
