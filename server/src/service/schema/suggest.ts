// "Did you mean …?" — the nearest allowed name to what was written.

import { distance } from 'fastest-levenshtein';

export function nearest(written: string, allowed: readonly string[]): string | undefined {
  const lower = written.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of allowed) {
    const d = distance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  // Close enough to be a typo: up to a third of the word; two edits (a swapped pair of letters)
  // from four letters on, one below that.
  const length = Math.max(written.length, best?.length ?? 0);
  const limit = length < 4 ? 1 : Math.max(2, Math.floor(length / 3));
  return best !== undefined && bestDistance <= limit ? best : undefined;
}

export function didYouMean(written: string, allowed: readonly string[]): string {
  const match = nearest(written, allowed);
  return match === undefined ? '' : ` — did you mean \`${match}\`?`;
}
