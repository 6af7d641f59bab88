// Converts string offsets into LSP positions for one text. Built once per parse.

import type { Position, Range } from '../types';

/** Where each line of `text` starts (0 first): after each \n, \r\n or lone \r, as LSP counts lines. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  if (!text.includes('\r')) {
    // The common case, natively: indexOf finds line breaks far faster than a loop over every character.
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}

export class PositionMap {
  private readonly lineStarts: number[];
  /** Whether the text has no \r: its lines start after each \n alone. */
  private lfOnly = false;

  /** `lfLineStarts`: the line starts (0 first), when known already of this text without \r (see text-facts.ts). */
  constructor(readonly text: string, lfLineStarts?: number[]) {
    if (lfLineStarts) {
      this.lineStarts = lfLineStarts;
      this.lfOnly = true;
      return;
    }
    this.lineStarts = lineStarts(text);
    this.lfOnly = !text.includes('\r');
  }

  /** The line starts, when the text has no \r (read-only). */
  lfLineStarts(): readonly number[] | undefined {
    return this.lfOnly ? this.lineStarts : undefined;
  }

  positionAt(offset: number): Position {
    let clamped = Math.max(0, Math.min(offset, this.text.length));
    // Between the \r and the \n of a CRLF is no position of LSP's: it is the end of the line.
    if (clamped > 0 && this.text.charCodeAt(clamped) === 10 && this.text.charCodeAt(clamped - 1) === 13) clamped--;
    const line = lastAtOrBefore(this.lineStarts, clamped);
    return { line, character: clamped - this.lineStarts[line] };
  }

  /**
   * The offset of an LSP position, read as LSP says: a character past the end of its line is the line's end
   * (before its line break, not into the next line), a line past the last is the end of the text.
   */
  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const lineStart = this.lineStarts[position.line];
    let lineEnd = position.line + 1 < this.lineStarts.length ? this.lineStarts[position.line + 1] : this.text.length;
    if (lineEnd > lineStart && this.text.charCodeAt(lineEnd - 1) === 10) lineEnd--;
    if (lineEnd > lineStart && this.text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    return Math.min(lineStart + Math.max(position.character, 0), lineEnd);
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(Math.max(start, end)) };
  }

  /** The range of a node: yaml's ranges of block collections end after their line break. */
  nodeRange(start: number, end: number): Range {
    let trimmed = end;
    while (trimmed > start && /\s/.test(this.text[trimmed - 1])) trimmed--;
    return this.rangeOf(start, trimmed);
  }

  /** The range of the line holding `offset`, without its line break. */
  lineRangeAt(offset: number): Range {
    const start = this.positionAt(offset);
    const lineStart = this.lineStarts[start.line];
    const next = this.lineStarts[start.line + 1] ?? this.text.length;
    let end = next;
    while (end > lineStart && (this.text[end - 1] === '\n' || this.text[end - 1] === '\r')) end--;
    return this.rangeOf(lineStart, end);
  }
}

/** The index of the last of `sorted` (ascending) that is at most `value`; 0 when none is. By halving. */
export function lastAtOrBefore(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (sorted[mid] <= value) low = mid;
    else high = mid - 1;
  }
  return low;
}
