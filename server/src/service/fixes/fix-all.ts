// Fix-all: applies the fixes that are clearly right (preferred, editing this document
// only, not a suppression comment), round after round until nothing is left to apply.
// Within a round no two applied edits touch; a fix that would collide waits for the next
// round, when it is recomputed against the new text.

import type { Finding, Fix, TextEdit } from '../types';
import { PositionMap } from '../yaml/positions';

export const MAX_FIX_ROUNDS = 10;

export interface FixAllResult {
  /** The text with every applied fix. */
  text: string;
  /** Edits that turn the original text into `text`: the fixes themselves after one round, else one replacement (none when nothing changed). */
  edits: TextEdit[];
  /** How many fixes were applied, over all rounds. */
  fixed: number;
  rounds: number;
}

/** The fix fix-all would apply for a finding, if any. */
export function autoFix(finding: Finding): Fix | undefined {
  return finding.fixes?.find((f) => f.isPreferred === true && !f.createFile && !f.suppression && (f.edits?.length ?? 0) > 0);
}

export function fixAll(original: string, check: (text: string) => readonly Finding[], maxRounds = MAX_FIX_ROUNDS): FixAllResult {
  let text = original;
  let fixed = 0;
  let rounds = 0;
  const seen = new Set<string>([text]);
  let firstRound: TextEdit[] = [];
  while (rounds < maxRounds) {
    const positions = new PositionMap(text);
    const chosen: { start: number; end: number; newText: string }[] = [];
    for (const finding of check(text)) {
      const fix = autoFix(finding);
      if (!fix) continue;
      const spans = (fix.edits ?? []).map((e) => ({ start: positions.offsetAt(e.range.start), end: positions.offsetAt(e.range.end), newText: e.newText }));
      if (spans.some((s) => s.end < s.start || chosen.some((c) => touches(c, s))) || spans.some((s, i) => spans.some((o, j) => i !== j && touches(o, s)))) continue;
      chosen.push(...spans);
      fixed++;
    }
    if (chosen.length === 0) break;
    rounds++;
    chosen.sort((a, b) => b.start - a.start);
    let next = text;
    for (const span of chosen) next = next.slice(0, span.start) + span.newText + next.slice(span.end);
    if (seen.has(next)) break; // a fix that undoes another: stop rather than cycle
    seen.add(next);
    if (rounds === 1) firstRound = chosen.map((c) => ({ range: positions.rangeOf(c.start, c.end), newText: c.newText })).reverse();
    text = next;
  }
  const edits = text === original ? [] : rounds === 1 ? firstRound : [diffEdit(original, text)];
  return { text, edits, fixed, rounds };
}

/** Edits collide when they overlap or meet (two inserts at one place, an insert at a replacement's edge). */
function touches(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** The smallest single replacement from `before` to `after`, never splitting a CRLF or a surrogate pair. */
export function diffEdit(before: string, after: string): TextEdit {
  let prefix = 0;
  const max = Math.min(before.length, after.length);
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  while (prefix > 0 && splits(before, prefix)) prefix--;
  while (suffix > 0 && splits(before, before.length - suffix)) suffix--;
  const positions = new PositionMap(before);
  return { range: positions.rangeOf(prefix, before.length - suffix), newText: after.slice(prefix, after.length - suffix) };
}

function splits(text: string, offset: number): boolean {
  const previous = text.charCodeAt(offset - 1);
  const next = text.charCodeAt(offset);
  return (previous === 13 && next === 10) || (previous >= 0xd800 && previous <= 0xdbff && next >= 0xdc00 && next <= 0xdfff);
}
