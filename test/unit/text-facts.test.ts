// What a text's facts carry over from the previous version of the document must be exactly
// what a fresh look at the new text finds: line starts and whether strings occur, after
// random edits (line breaks added and removed, \r and \r\n, edits at both ends, strings
// appearing and disappearing across the edited stretch).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextFacts } from '../../server/src/service/text-facts';
import { PositionMap } from '../../server/src/service/yaml/positions';
import { mulberry32 } from '../bench/random';

const PIECES = ['a: 1', 'prr-disable', '# prr-disable-next-line x', '', '  - x', 'prr-', 'disable', '\r', '---', 'k: v'];
const INSERTS = ['', '\n', '\n\n', 'x', 'prr-disable', 'prr-', 'disable', '\r\n', '\r', '-', 'line\nline\n'];
const NEEDLES = ['prr-disable', '\r\n', '\n', 'zz'];

function randomText(rand: () => number): string {
  const lines = Array.from({ length: Math.floor(rand() * 30) }, () => PIECES[Math.floor(rand() * PIECES.length)]);
  return lines.join('\n') + (rand() < 0.5 ? '\n' : '');
}

function randomEdit(text: string, rand: () => number): string {
  const at = Math.floor(rand() * (text.length + 1));
  const length = Math.floor(rand() * Math.min(15, text.length - at + 1));
  return text.slice(0, at) + INSERTS[Math.floor(rand() * INSERTS.length)] + text.slice(at + length);
}

function lineStartsOf(map: PositionMap, text: string): number[] {
  const last = map.positionAt(text.length).line;
  return Array.from({ length: last + 1 }, (_, line) => map.offsetAt({ line, character: 0 }));
}

test('text facts carried over from the previous text equal those of the new text', () => {
  const rand = mulberry32(917);
  let derivedMaps = 0;
  for (let round = 0; round < 400; round++) {
    let text = randomText(rand);
    let facts = TextFacts.of(text);
    for (let step = 0; step < 15; step++) {
      // Ask as the engine does, so that there is something to carry over.
      if (rand() < 0.8) void facts.positions;
      for (const needle of NEEDLES) if (rand() < 0.8) facts.includes(needle);
      const next = randomEdit(text, rand);
      facts = TextFacts.after(facts, next);
      text = next;
      const fresh = new PositionMap(text);
      if (facts.positions.lfLineStarts() && !text.includes('\r')) derivedMaps++;
      assert.deepEqual(lineStartsOf(facts.positions, text), lineStartsOf(fresh, text), `round ${round} step ${step}: ${JSON.stringify(text)}`);
      for (const needle of NEEDLES) assert.equal(facts.includes(needle), text.includes(needle), `round ${round} step ${step}: ${JSON.stringify(needle)} in ${JSON.stringify(text)}`);
    }
  }
  assert.ok(derivedMaps > 1000, `line maps were derived ${derivedMaps} times`);
});

test('the same text gives the same facts; an edit far from a string keeps what was found', () => {
  const facts = TextFacts.of('# prr-disable-file x\na: 1\nb: 2\n');
  assert.equal(facts.includes('prr-disable'), true);
  assert.equal(TextFacts.after(facts, facts.text), facts);
  const next = TextFacts.after(facts, '# prr-disable-file x\na: 1\nb: 3\n');
  assert.equal(next.includes('prr-disable'), true);
  assert.equal(TextFacts.after(next, 'a: 1\nb: 3\n').includes('prr-disable'), false);
});
