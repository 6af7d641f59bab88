// Splits a multi-document YAML text at its document markers, so each document can be
// parsed, checked and cached on its own. In YAML 1.2 a line that starts at column 0 with
// `---` followed by a space, a tab or the line end always starts a document (no scalar may
// contain one), so the split never cuts through a value.

export interface Chunk {
  text: string;
  /** Offset of the chunk in the whole text. */
  offset: number;
  /** 0-based line of the chunk's first character in the whole text. */
  line: number;
}

const MARKER = /^---(?=[ \t\r\n]|$)/gm;

export function splitDocuments(text: string): Chunk[] {
  // Directives (%YAML, %TAG) bind to the next document: splitting could separate them, so don't.
  if (/^%/m.test(text)) return [{ text, offset: 0, line: 0 }];
  const starts = [0];
  for (const match of text.matchAll(MARKER)) {
    // `^` also matches after U+2028/U+2029, which YAML does not treat as line breaks.
    const before = text[match.index - 1];
    if (match.index > 0 && (before === '\n' || before === '\r')) starts.push(match.index);
  }
  const chunks: Chunk[] = [];
  let line = 0;
  for (let i = 0; i < starts.length; i++) {
    const chunkText = text.slice(starts[i], starts[i + 1] ?? text.length);
    chunks.push({ text: chunkText, offset: starts[i], line });
    line += countLines(chunkText);
  }
  return chunks;
}

/** Line breaks in `text` (\r\n, \n or a lone \r), as the chunks count lines. */
export function countLines(text: string): number {
  let n = 0;
  if (!text.includes('\r')) {
    // The common case, natively: indexOf finds line breaks far faster than a loop over every character.
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) n++;
    return n;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}
