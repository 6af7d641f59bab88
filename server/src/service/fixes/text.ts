// Text helpers for fixes: line boundaries by offset, the text's line-break style, and
// YAML scalars written so that they read back as the value meant.

import type { Fix, TextEdit } from '../types';
import { shiftRange } from '../types';
import type { PositionMap } from '../yaml/positions';

/** Offset of the start of the line holding `offset`. */
export function lineStart(text: string, offset: number): number {
  let i = Math.min(offset, text.length);
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

/** Offset just after the line break that ends the line holding `offset` (or the text's end). */
export function nextLineStart(text: string, offset: number): number {
  let i = Math.max(0, offset);
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  if (text[i] === '\r' && text[i + 1] === '\n') return i + 2;
  return i < text.length ? i + 1 : i;
}

/** The leading spaces and tabs of the line that starts at `start`. */
export function indentationAt(text: string, start: number): string {
  return /^[ \t]*/.exec(text.slice(start, start + 256))?.[0] ?? '';
}

/** The text's line break: CRLF when it uses one, else LF. */
export function lineBreak(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** Moves back over trailing spaces and line breaks (not into a comment). */
export function trimEnd(text: string, end: number, floor = 0): number {
  let i = end;
  while (i > floor && /\s/.test(text[i - 1])) i--;
  return i;
}

export function edit(positions: PositionMap, start: number, end: number, newText: string): TextEdit {
  return { range: positions.rangeOf(start, end), newText };
}

/** The words YAML (1.1 or 1.2) reads as something other than a string when unquoted. */
const NOT_A_STRING = /^(?:true|false|yes|no|on|off|y|n|null|~)$/i;
const PLAIN_SAFE = /^[A-Za-z_][A-Za-z0-9_./-]*$/;

/** A value as a YAML scalar (or flow collection) that reads back as that value. */
export function yamlValue(value: unknown, quote?: '"' | "'"): string {
  if (typeof value === 'string') {
    if (quote === "'") return `'${value.replace(/'/g, "''")}'`;
    if (quote === '"' || !PLAIN_SAFE.test(value) || NOT_A_STRING.test(value)) return JSON.stringify(value);
    return value;
  }
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Fixes moved down by `lines` (a document of a multi-document file, front matter). */
export function shiftFixes(fixes: readonly Fix[], lines: number): Fix[] {
  if (lines === 0) return [...fixes];
  return fixes.map((fix) => (fix.edits ? { ...fix, edits: fix.edits.map((e) => ({ ...e, range: shiftRange(e.range, lines) })) } : fix));
}
