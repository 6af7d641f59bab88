// The server's open documents are the library's (vscode-languageserver-textdocument) with
// line offsets found natively: after any series of edits — incremental and full, \r\n, lone
// \r, CRLF pairs split and joined by an edit — every position and offset must be the
// library's own.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { textDocuments } from '../../server/src/lsp/text-document';
import { mulberry32 } from '../bench/random';

const PIECES = ['a: 1', '', '  - x', '\r', '---', 'k: v', 'é', '😀'];
const INSERTS = ['', '\n', '\r', '\r\n', 'x', 'line\nline\n', '\n\r', 'é'];

function randomText(rand: () => number): string {
  return Array.from({ length: Math.floor(rand() * 20) }, () => PIECES[Math.floor(rand() * PIECES.length)]).join(rand() < 0.3 ? '\r\n' : '\n');
}

function randomChange(document: TextDocument, rand: () => number): TextDocumentContentChangeEvent {
  if (rand() < 0.05) return { text: randomText(rand) };
  const text = document.getText();
  const start = Math.floor(rand() * (text.length + 1));
  const end = Math.min(text.length, start + Math.floor(rand() * 6));
  return { range: { start: document.positionAt(start), end: document.positionAt(end) }, text: INSERTS[Math.floor(rand() * INSERTS.length)] };
}

function assertSame(ours: TextDocument, theirs: TextDocument, where: string): void {
  assert.equal(ours.getText(), theirs.getText(), where);
  assert.equal(ours.lineCount, theirs.lineCount, where);
  for (let offset = 0; offset <= theirs.getText().length + 1; offset++) {
    const position = theirs.positionAt(offset);
    assert.deepEqual(ours.positionAt(offset), position, `${where}: positionAt(${offset}) of ${JSON.stringify(theirs.getText())}`);
    assert.equal(ours.offsetAt(position), theirs.offsetAt(position), `${where}: offsetAt(${JSON.stringify(position)})`);
  }
  for (let line = 0; line <= theirs.lineCount; line++) {
    const position = { line, character: 3 };
    assert.equal(ours.offsetAt(position), theirs.offsetAt(position), `${where}: offsetAt(${JSON.stringify(position)})`);
  }
}

test('documents with natively found line offsets answer as the library does, through random edits', () => {
  const rand = mulberry32(4242);
  for (let round = 0; round < 300; round++) {
    const text = randomText(rand);
    let ours = textDocuments.create('file:///a.yaml', 'yaml', 1, text);
    let theirs = TextDocument.create('file:///a.yaml', 'yaml', 1, text);
    assertSame(ours, theirs, `round ${round}, created`);
    for (let step = 0; step < 12; step++) {
      const change = randomChange(theirs, rand);
      ours = textDocuments.update(ours, [change], step + 2);
      theirs = TextDocument.update(theirs, [change], step + 2);
      assertSame(ours, theirs, `round ${round}, step ${step}`);
    }
    // Still the document whose line offsets are found natively (an update that made a new one would lose that).
    assert.ok(Object.prototype.hasOwnProperty.call(ours, 'getLineOffsets'), `round ${round}`);
  }
});

test('the library is still the one whose inside the native line offsets replace', () => {
  const document = textDocuments.create('file:///a.yaml', 'yaml', 1, 'a\nb\r\nc\rd');
  assert.deepEqual(document.positionAt(7), { line: 3, character: 0 });
  // The override reads and fills the library's own cache of line offsets: if a new version renamed it, this fails.
  assert.deepEqual((document as unknown as { _lineOffsets?: number[] })._lineOffsets, [0, 2, 5, 7]);
});
