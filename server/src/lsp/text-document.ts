// The open documents' text: vscode-languageserver-textdocument's documents, but their line
// offsets are found natively (indexOf) instead of by the library's loop over every character,
// which a 50,000-line document paid at its first edit: 5–10 ms warm, ~18 ms cold, against ~1 ms.

import type { TextDocumentsConfiguration } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lineStarts } from '../service/yaml/positions';

/** The library's document as it is inside (version 1.0.16, pinned): its text and its line offsets, computed on demand. */
interface Internals {
  _content: string;
  _lineOffsets: number[] | undefined;
  getLineOffsets(): number[];
}

export const textDocuments: TextDocumentsConfiguration<TextDocument> = {
  create(uri, languageId, version, text) {
    const document = TextDocument.create(uri, languageId, version, text) as TextDocument & Internals;
    // The library drops its offsets on a full change or a CRLF split by an edit, and computes them again here.
    document.getLineOffsets = function (this: Internals) {
      return (this._lineOffsets ??= lineStarts(this._content));
    };
    return document;
  },
  update: (document, changes, version) => TextDocument.update(document, changes, version),
};
