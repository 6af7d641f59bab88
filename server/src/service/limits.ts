// Limits that keep the engine quick on any input, so the editor stays responsive and the
// CLI finishes: a size limit per file, a cap on findings per file, and a cheap scan that
// refuses documents nested too deeply (or Markdown with thousands of brackets or emphasis
// marks in one block) before a parser spends seconds or its stack on them. Each limit that applies is
// reported with a finding, never silently.

import type { Finding, Severity } from './types';
import type { PositionMap } from './yaml/positions';
import { rule as fileTooLarge } from './rules/limits/file-too-large';
import { rule as tooManyFindings } from './rules/limits/too-many-findings';
import { rule as documentTooComplex } from './rules/limits/document-too-complex';

const KB = 1024;
const MB = 1024 * KB;

export interface Limits {
  /** YAML and JSON files larger than this many bytes (UTF-8) are not checked. */
  maxFileBytes: number;
  /** Markdown runbooks larger than this many bytes are not checked (a runbook parses in ~0.15 ms per KB, more on hostile input; real runbooks have a few KB). */
  maxRunbookBytes: number;
  /** At most this many findings per file are reported; one more finding says how many were left out. */
  maxFindings: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = { maxFileBytes: 5 * MB, maxRunbookBytes: 128 * KB, maxFindings: 1000 };

/** Deeper documents are not checked: real ones stay below 20 levels; parsers slow down (or overflow) far above. */
export const MAX_NESTING = 100;
/** More `[`/`]` in one Markdown block (lines without a blank one) cost the Markdown parser quadratic time (10,000 `[x](` in a row ~1 s, 50,000 ~20 s). */
export const MAX_BRACKETS_PER_BLOCK = 4000;
/**
 * More `*`, `_` or `~` that can open or close emphasis or strikethrough in one Markdown block
 * cost the parser quadratic time too (16,000 alternating `*_` ~1 s, 32,000 ~5 s; real runbooks
 * have a dozen at most).
 */
export const MAX_EMPHASIS_MARKS_PER_BLOCK = 4000;

/** The size of `text` in UTF-8 bytes (lone surrogates count as the 3 bytes of U+FFFD). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The size of `text` when it is larger than `limit` bytes, else undefined; O(1) for most texts. */
export function oversize(text: string, limit: number): number | undefined {
  if (text.length * 3 <= limit) return undefined; // every UTF-16 unit is at most 3 bytes
  const bytes = utf8Length(text);
  return bytes > limit ? bytes : undefined;
}

/** Whether `text` is larger than `limit` bytes, without counting them when its length alone says so. */
export function isOversize(text: string, limit: number): boolean {
  if (text.length > limit) return true; // every UTF-16 unit is at least 1 byte
  return oversize(text, limit) !== undefined;
}

export function formatBytes(bytes: number): string {
  if (bytes >= MB) return `${trimZero((bytes / MB).toFixed(1))} MB`;
  if (bytes >= KB) return `${trimZero((bytes / KB).toFixed(1))} KB`;
  return `${bytes} bytes`;
}

function trimZero(s: string): string {
  return s.replace(/\.0$/, '');
}

const START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** `key`: the `.prr.yaml` setting that raises the limit. */
export function fileTooLargeFinding(bytes: number, limit: number, key: 'maxFileSizeMB' | 'maxRunbookSizeKB'): Finding {
  return {
    ruleId: fileTooLarge.id,
    severity: fileTooLarge.defaultSeverity,
    message: `not checked: the file is ${formatBytes(bytes)}, larger than the limit of ${formatBytes(limit)} (\`limits.${key}\` in .prr.yaml)`,
    range: START,
  };
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/**
 * At most `max` findings — the most severe first, then in document order — kept in their
 * original order, and one more saying how many were left out (with `severity`, the rule's
 * configured one; `off` adds none).
 */
export function capFindings(findings: Finding[], max: number, severity: Severity | 'off' = tooManyFindings.defaultSeverity): Finding[] {
  if (findings.length <= max) return findings;
  const order = findings.map((f, i) => ({ f, i }));
  order.sort((a, b) => RANK[a.f.severity] - RANK[b.f.severity] || a.f.range.start.line - b.f.range.start.line || a.f.range.start.character - b.f.range.start.character || a.i - b.i);
  const kept = order.slice(0, max).sort((a, b) => a.i - b.i).map((x) => x.f);
  if (severity === 'off') return kept;
  const left = findings.length - max;
  const message = `${left.toLocaleString('en-US')} more finding${left === 1 ? '' : 's'} not shown: at most ${max.toLocaleString('en-US')} per file (\`limits.maxFindings\` in .prr.yaml)`;
  return [{ ruleId: tooManyFindings.id, severity, message, range: START }, ...kept];
}

export interface Complexity {
  /** Where the limit was passed. */
  offset: number;
  reason: 'nesting' | 'brackets' | 'emphasis';
}

export function tooComplexFinding(positions: PositionMap, problem: Complexity): Finding {
  const message = problem.reason === 'nesting'
    ? `not checked: the document nests more than ${MAX_NESTING} levels deep here`
    : problem.reason === 'brackets'
      ? `not checked: this Markdown block holds more than ${MAX_BRACKETS_PER_BLOCK.toLocaleString('en-US')} brackets (\`[\`, \`]\`), more than prr parses quickly; split it with blank lines`
      : `not checked: this Markdown block holds more than ${MAX_EMPHASIS_MARKS_PER_BLOCK.toLocaleString('en-US')} emphasis marks (\`*\`, \`_\`, \`~\`), more than prr parses quickly; split it with blank lines`;
  return { ruleId: documentTooComplex.id, severity: documentTooComplex.defaultSeverity, message, range: positions.lineRangeAt(problem.offset) };
}

const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;

/** An ASCII letter or digit: `_` between two of them opens and closes nothing. */
function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB;
}

function isBreakOrEnd(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return i >= text.length || c === LF || c === CR || isBlank(c);
}

/**
 * Where a YAML (or JSON) text first nests deeper than `limit`, or undefined. An estimate
 * that never counts less than the parser would for block indentation, `- ` items and flow
 * brackets at a value's start (brackets inside plain scalars, quoted strings and comments
 * do not count). One pass, no allocation per character.
 */
export function yamlTooDeep(text: string, limit = MAX_NESTING, from = 0, to = text.length): Complexity | undefined {
  const indents: number[] = [];
  let flow = 0;
  let i = from;
  while (i < to) {
    let column = 0;
    while (i < to && isBlank(text.charCodeAt(i))) {
      i++;
      column++;
    }
    if (i >= to) break;
    let c = text.charCodeAt(i);
    if (c === LF || c === CR) {
      i++;
      continue;
    }
    if (flow === 0 && c !== 35 /* # */) {
      while (indents.length > 0 && indents[indents.length - 1] >= column) indents.pop();
      indents.push(column);
    }
    let depth = indents.length;
    if (depth + flow > limit) return { offset: i, reason: 'nesting' };
    let valueStart = true;
    let previousBlank = true;
    while (i < to) {
      c = text.charCodeAt(i);
      if (c === LF || c === CR) break;
      if (isBlank(c)) {
        previousBlank = true;
        i++;
        continue;
      }
      const blankBefore = previousBlank;
      previousBlank = false;
      if (c === 35 /* # */ && blankBefore) {
        while (i < to && text.charCodeAt(i) !== LF && text.charCodeAt(i) !== CR) i++;
        break;
      }
      if (valueStart && (c === 34 /* " */ || c === 39) /* ' */) {
        i = skipQuoted(text, i, to);
        valueStart = false;
        continue;
      }
      if (valueStart && (c === 91 /* [ */ || c === 123) /* { */) {
        flow++;
        if (depth + flow > limit) return { offset: i, reason: 'nesting' };
        i++;
        continue;
      }
      if (flow > 0 && (c === 93 /* ] */ || c === 125) /* } */) {
        flow--;
        i++;
        valueStart = false;
        continue;
      }
      if ((c === 45 /* - */ || c === 63 /* ? */) && valueStart && flow === 0 && isBreakOrEnd(text, i + 1)) {
        depth++;
        if (depth + flow > limit) return { offset: i, reason: 'nesting' };
        i++;
        continue;
      }
      if ((c === 58 /* : */ && (flow > 0 || isBreakOrEnd(text, i + 1))) || (c === 44 /* , */ && flow > 0)) {
        valueStart = true;
        i++;
        continue;
      }
      valueStart = false;
      i++;
    }
  }
  return undefined;
}

/** Past a quoted scalar (or to the end of its line: an estimate need not follow multi-line strings). */
function skipQuoted(text: string, start: number, to: number): number {
  const quote = text.charCodeAt(start);
  let i = start + 1;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === LF || c === CR) return i;
    if (quote === 34 && c === 92 /* \ */) i += 2;
    else if (c === quote) {
      if (quote === 39 && text.charCodeAt(i + 1) === 39) i += 2;
      else return i + 1;
    } else i++;
  }
  return to;
}

/**
 * Where a Markdown text first nests deeper than `limit` (block quotes, list items, and
 * indentation as list nesting would need it, front matter by the YAML estimate), or where
 * one block (a list item or table row on its own) first holds more than `maxBrackets` brackets or `maxMarks` emphasis marks (`_`
 * inside a word is none); or undefined. Top-level fenced code is skipped. One pass.
 */
export function markdownTooComplex(text: string, limit = MAX_NESTING, maxBrackets = MAX_BRACKETS_PER_BLOCK, maxMarks = MAX_EMPHASIS_MARKS_PER_BLOCK): Complexity | undefined {
  // Checking a runbook asks before parsing, and the parser asks again: the answer for the last text is kept.
  const key = `${limit}:${maxBrackets}:${maxMarks}`;
  if (lastComplexity?.text === text && lastComplexity.key === key) return lastComplexity.result;
  const result = markdownComplexity(text, limit, maxBrackets, maxMarks);
  lastComplexity = { text, key, result };
  return result;
}

let lastComplexity: { text: string; key: string; result: Complexity | undefined } | undefined;

function markdownComplexity(text: string, limit: number, maxBrackets: number, maxMarks: number): Complexity | undefined {
  let i = 0;
  const front = /^---[ \t]*\r?\n/.exec(text);
  if (front) {
    const close = /^(---|\.\.\.)[ \t]*$/m;
    const rest = text.slice(front[0].length);
    const match = close.exec(rest);
    if (match) {
      const end = front[0].length + match.index;
      const deep = yamlTooDeep(text, limit, front[0].length, end);
      if (deep) return deep;
      i = end;
    }
  }
  let fence: { char: number; length: number } | undefined;
  let brackets = 0;
  let marks = 0;
  // The cells of the last line, for telling a table's delimiter row; whether the block is a table.
  let previousCells = -1;
  let table = false;
  while (i < text.length) {
    const start = i;
    let end = i;
    while (end < text.length && text.charCodeAt(end) !== LF && text.charCodeAt(end) !== CR) end++;
    i = end + (text.charCodeAt(end) === CR && text.charCodeAt(end + 1) === LF ? 2 : 1);
    let j = start;
    let spaces = 0;
    let depth = 0;
    let item = false;
    for (;;) {
      while (j < end && isBlank(text.charCodeAt(j))) {
        spaces += text.charCodeAt(j) === TAB ? 4 : 1;
        j++;
      }
      const c = text.charCodeAt(j);
      if (j >= end) break;
      if (c === 62 /* > */) {
        depth++;
        j++;
        continue;
      }
      if ((c === 45 || c === 42 || c === 43) /* - * + */ && (j + 1 >= end || isBlank(text.charCodeAt(j + 1)))) {
        depth++;
        item = true;
        j++;
        continue;
      }
      if (c >= 48 && c <= 57) {
        let k = j;
        while (k < end && k - j < 10 && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++;
        const d = text.charCodeAt(k);
        if ((d === 46 || d === 41) /* . ) */ && (k + 1 >= end || isBlank(text.charCodeAt(k + 1)))) {
          depth++;
          item = true;
          j = k + 1;
          continue;
        }
      }
      break;
    }
    if (fence) {
      if (depth === 0 && spaces < 4 && closesFence(text, j, end, fence)) fence = undefined;
      continue;
    }
    if (j >= end) {
      brackets = marks = 0; // a blank line ends the block
      previousCells = -1;
      table = false;
      continue;
    }
    // Each list item and each table row is inline content of its own, which lezer parses apart: the counts start
    // again there (a 2,000-step task list parses in linear time). A paragraph's lines are one inline content.
    // A line without a pipe ends the table for this count (lezer may read it as a paragraph), and only an unescaped
    // header and delimiter row of equal cells start one: where lezer sees no table, no count starts again.
    const cells = tableCells(text, j, end);
    if (cells < 0) table = false;
    else if (!table && previousCells > 0 && cells === previousCells && isDelimiterRow(text, j, end)) table = true;
    previousCells = cells;
    if (item || table) brackets = marks = 0;
    if (depth + Math.floor(spaces / 2) > limit) return { offset: start, reason: 'nesting' };
    if (depth === 0 && spaces < 4) {
      const c = text.charCodeAt(j);
      if (c === 96 || c === 126) /* ` ~ */ {
        let k = j;
        while (k < end && text.charCodeAt(k) === c) k++;
        if (k - j >= 3) {
          fence = { char: c, length: k - j };
          continue;
        }
      }
    }
    for (let k = j; k < end; k++) {
      const c = text.charCodeAt(k);
      if ((c === 91 || c === 93) && ++brackets > maxBrackets) return { offset: start, reason: 'brackets' };
      if ((c === 42 || c === 126 || (c === 95 && !(isWordChar(text.charCodeAt(k - 1)) && isWordChar(text.charCodeAt(k + 1))))) && ++marks > maxMarks) {
        return { offset: start, reason: 'emphasis' };
      }
    }
  }
  return undefined;
}

/** Whether the line is a GFM table's delimiter row — `| --- | :-: |`, pipes at the ends optional — read in one pass (a regex of it backtracks quadratically on a long run of blanks). */
export function isDelimiterRow(text: string, from = 0, end = text.length): boolean {
  let k = text.charCodeAt(from) === 124 /* | */ ? from + 1 : from;
  for (let cells = 0; ; cells++) {
    while (k < end && isBlank(text.charCodeAt(k))) k++;
    if (k >= end) return cells > 0;
    if (text.charCodeAt(k) === 58 /* : */) k++;
    const dashes = k;
    while (k < end && text.charCodeAt(k) === 45 /* - */) k++;
    if (k === dashes) return false;
    if (k < end && text.charCodeAt(k) === 58) k++;
    while (k < end && isBlank(text.charCodeAt(k))) k++;
    if (k >= end) return true;
    if (text.charCodeAt(k) !== 124) return false;
    k++;
  }
}

/** The cells of a line read as a table row (pipes at its ends dropped), or -1 when it has no pipe or an escaped one (`\|`). */
function tableCells(text: string, from: number, end: number): number {
  let pipes = 0;
  for (let k = from; k < end; k++) {
    if (text.charCodeAt(k) !== 124 /* | */) continue;
    if (text.charCodeAt(k - 1) === 92 /* \ */) return -1;
    pipes++;
  }
  if (pipes === 0) return -1;
  let last = end - 1;
  while (last > from && isBlank(text.charCodeAt(last))) last--;
  const inner = pipes - (text.charCodeAt(from) === 124 ? 1 : 0) - (last > from && text.charCodeAt(last) === 124 ? 1 : 0);
  return inner + 1;
}

function closesFence(text: string, j: number, end: number, fence: { char: number; length: number }): boolean {
  let k = j;
  while (k < end && text.charCodeAt(k) === fence.char) k++;
  if (k - j < fence.length) return false;
  while (k < end && isBlank(text.charCodeAt(k))) k++;
  return k >= end;
}
