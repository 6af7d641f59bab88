// PositionMap (the engine's offsets ↔ LSP positions) reads a position as LSP and the
// library (vscode-languageserver-textdocument) do: a character past the end of its line is
// the line's end, before its line break — not an offset into the next line — and a line past
// the last is the end of the text. Editors send such positions (a cursor in virtual space).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { PositionMap } from '../../server/src/service/yaml/positions';
import { createEngine } from '../../server/src/service';

test('offsetAt agrees with the library for every line and characters past its end, for \\n, \\r\\n and lone \\r', () => {
  for (const text of ['a: 1\nbb: 2\n\nccc: 3', 'a: 1\r\nbb: 2\r\n\r\nccc: 3\r\n', 'a: 1\rbb: 2\r\rccc', '', '\n', 'x']) {
    const theirs = TextDocument.create('file:///t.yaml', 'yaml', 1, text);
    const ours = new PositionMap(text);
    for (let line = -1; line <= theirs.lineCount + 1; line++) {
      for (const character of [-1, 0, 1, 3, 4, 5, 6, 40]) {
        const position = { line, character };
        assert.equal(ours.offsetAt(position), theirs.offsetAt(position), `${JSON.stringify(text)} ${JSON.stringify(position)}`);
      }
    }
  }
});

test('hover and completion past the end of a line answer for that line', () => {
  const text = 'apiVersion: prr/v1\nkind: ServiceReadiness\nmetadata:\n  name: payments\nspec:\n  owner: team-payments\n  tier: 5\n  lifecycle: \n  ';
  const engine = createEngine();
  const document = { uri: 'file:///ws/pastend/readiness.yaml', text };
  const atEnd = engine.complete(document, { line: 6, character: 9 });
  const pastEnd = engine.complete(document, { line: 6, character: 12 });
  assert.deepEqual(pastEnd.map((i) => i.label), atEnd.map((i) => i.label));
  assert.ok(pastEnd.some((i) => i.label === "1"), "the tier values");
  const hover = engine.hover(document, { line: 6, character: 12 });
  assert.ok(!hover || hover.range?.start.line === 6, `hover range ${JSON.stringify(hover?.range)}`);
});
