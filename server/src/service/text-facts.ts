// What is known of a document's text that the next version of the same document can reuse.
// After a one-line edit of a 50,000-line file, asking again whether the text holds a
// `prr-disable` comment, or where its lines start, scans 1.2 MB each time (about 1 ms each
// here). The next version differs only between a common prefix and a common suffix: line
// starts outside that stretch are the previous ones (moved by the length difference after
// it), and a string the previous text lacked can only have appeared across it.

import { lastAtOrBefore, PositionMap } from './yaml/positions';

export class TextFacts {
  private lineMap?: PositionMap;
  /** First index of each string asked about (-1: absent). */
  private readonly found = new Map<string, number>();

  private constructor(readonly text: string) {}

  static of(text: string): TextFacts {
    return new TextFacts(text);
  }

  /** The facts of `text`, a later version of `previous`'s text, with what `previous` knew carried over. */
  static after(previous: TextFacts, text: string): TextFacts {
    if (previous.text === text) return previous;
    const next = new TextFacts(text);
    const before = previous.text;
    const prefix = commonPrefix(before, text);
    const suffix = commonSuffix(before, text, Math.min(before.length, text.length) - prefix);
    const delta = text.length - before.length;
    for (const [needle, at] of previous.found) {
      if (at >= 0 && at + needle.length <= prefix) next.found.set(needle, at);
      else if (at < 0) {
        // Absent before: only an occurrence overlapping the changed stretch can be new.
        const from = Math.max(0, prefix - needle.length + 1);
        const hit = text.slice(from, Math.min(text.length, text.length - suffix + needle.length - 1)).indexOf(needle);
        if (hit < 0) next.found.set(needle, -1);
      }
    }
    const starts = previous.lineMap?.lfLineStarts();
    if (starts && !text.slice(prefix, text.length - suffix).includes('\r')) {
      // A line start s follows the break at s - 1: unchanged while that break lies in the prefix (starts[0] is 0),
      // moved by the length difference where it lies in the suffix; the stretch between is scanned.
      const head = lastAtOrBefore(starts, prefix) + 1;
      const middle: number[] = [];
      for (let at = text.indexOf('\n', prefix); at !== -1 && at < text.length - suffix; at = text.indexOf('\n', at + 1)) middle.push(at + 1);
      const tail = lastAtOrBefore(starts, before.length - suffix) + 1;
      const moved = starts.slice(tail);
      if (delta !== 0) for (let i = 0; i < moved.length; i++) moved[i] += delta;
      // Sliced and joined natively: the first edit of a big file runs this before the JIT has compiled any loop.
      next.lineMap = new PositionMap(text, starts.slice(0, head).concat(middle, moved));
    }
    return next;
  }

  includes(needle: string): boolean {
    let at = this.found.get(needle);
    if (at === undefined) this.found.set(needle, (at = this.text.indexOf(needle)));
    return at >= 0;
  }

  get positions(): PositionMap {
    return (this.lineMap ??= new PositionMap(this.text));
  }
}

/** Length of the longest common prefix, by halving: each step one native comparison of slices. */
export function commonPrefix(a: string, b: string): number {
  let low = 0;
  let high = Math.min(a.length, b.length);
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (a.slice(low, mid) === b.slice(low, mid)) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Length of the longest common suffix, at most `limit`. */
export function commonSuffix(a: string, b: string, limit: number): number {
  let low = 0;
  let high = limit;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (a.slice(a.length - mid, a.length - low) === b.slice(b.length - mid, b.length - low)) low = mid;
    else high = mid - 1;
  }
  return low;
}
