// After an edit, finds which `---` documents of the text before are still documents, byte
// for byte, of the text after — the leading run and the trailing run — and splits only the
// stretch between them. An edit in the middle of a 50,000-line file then costs a comparison
// (native, no copy) instead of a split of the whole text and a lookup of every document.
// The result is exactly what `splitDocuments` gives for the new text (a unit test checks it).

import { countLines, splitDocuments, type Chunk } from './chunks';
import { commonPrefix, commonSuffix } from '../text-facts';

/** Where a chunk is; its text is the text's slice up to the next chunk. */
export type Placed = Omit<Chunk, 'text'>;

/** A chunk of the new text: an unchanged one (`from`: its index among the chunks before) or a new one (`from` -1, with its text). */
export interface Rechunked extends Placed {
  from: number;
  text?: string;
}

/**
 * `before`/`chunks`: the text before and where its chunks were (from `splitDocuments` or an earlier `rechunk`).
 * Returns the chunks of `text`. Unchanged chunks carry no text, so nothing holds on to the texts before.
 */
export function rechunk(before: string, chunks: readonly Placed[], text: string): Rechunked[] {
  if (chunks.length <= 1) return splitDocuments(text).map((chunk): Rechunked => ({ ...chunk, from: -1 }));
  const n = chunks.length;
  const end = (i: number) => (i + 1 < n ? chunks[i + 1].offset : before.length);
  // Where the texts start and stop differing; the chunks wholly before and after are unchanged.
  const prefix = commonPrefix(before, text);
  const suffix = commonSuffix(before, text, Math.min(before.length, text.length) - prefix);
  // Directives bind the whole text into one chunk (see splitDocuments): nothing to reuse. The text before had
  // none (it had several chunks), so a `%` at a line start can only be new where the edit was, or just after it.
  if (startsDirective(text, prefix, suffix)) return splitDocuments(text).map((chunk): Rechunked => ({ ...chunk, from: -1 }));

  // Leading run: unchanged at the same offsets, and still ended by a marker (or the end of the text).
  let head = 0;
  while (head < n && end(head) <= prefix) head++;
  while (head > 0 && !endsChunk(text, end(head - 1))) head--;
  const headEnd = head > 0 ? end(head - 1) : 0;

  // Trailing run: unchanged at offsets moved by the length difference, after the leading run, and still started by a marker.
  const delta = text.length - before.length;
  let tail = 0;
  while (tail < n - head && chunks[n - 1 - tail].offset >= before.length - suffix && chunks[n - 1 - tail].offset + delta >= headEnd) tail++;
  while (tail > 0 && !startsChunk(text, chunks[n - tail].offset + delta)) tail--;
  const tailStart = tail > 0 ? chunks[n - tail].offset + delta : text.length;

  const headLines = head === 0 ? 0 : head < n ? chunks[head].line : chunks[n - 1].line + countLines(before.slice(chunks[n - 1].offset));
  const middleText = text.slice(headEnd, tailStart);
  const middle = middleText.length > 0 || (head === 0 && tail === 0) ? splitDocuments(middleText) : [];
  const out: Rechunked[] = [];
  for (let i = 0; i < head; i++) out.push({ offset: chunks[i].offset, line: chunks[i].line, from: i });
  for (const chunk of middle) out.push({ text: chunk.text, offset: headEnd + chunk.offset, line: headLines + chunk.line, from: -1 });
  if (tail > 0) {
    const lineDelta = headLines + countLines(middleText) - chunks[n - tail].line;
    for (let i = n - tail; i < n; i++) out.push({ offset: chunks[i].offset + delta, line: chunks[i].line + lineDelta, from: i });
  }
  return out;
}

/** Whether a chunk may end at `at`: the text ends there or a document marker starts there. */
function endsChunk(text: string, at: number): boolean {
  return at === text.length || startsChunk(text, at);
}

/** Whether a chunk starts at `at`: the text's start, or `---` at a line start followed by a blank or the line end. */
function startsChunk(text: string, at: number): boolean {
  if (at === 0) return true;
  const before = text[at - 1];
  if (before !== '\n' && before !== '\r') return false;
  if (!text.startsWith('---', at)) return false;
  const next = text[at + 3];
  return next === undefined || next === ' ' || next === '\t' || next === '\r' || next === '\n';
}

/** Whether a line of `text` starts with `%` (as splitDocuments' /^%/m finds it) in the stretch after `prefix` and before the last `suffix` characters, or right after it. */
function startsDirective(text: string, prefix: number, suffix: number): boolean {
  const from = Math.max(0, prefix - 1);
  const stretch = text.slice(from, text.length - suffix + 1);
  return from === 0 ? /^%/m.test(stretch) : /[\n\r\u2028\u2029]%/.test(stretch);
}
