// Fixes for a duplicate key: remove the later pair, or the earlier one — whole, with any
// nested block — since which value was meant is the author's call.

import { isScalar, type Document, type Node, type Pair } from 'yaml';
import type { Fix } from '../types';
import type { PositionMap } from '../yaml/positions';
import { edit } from './text';
import { keyIndex } from '../yaml/locate';
import { keyName, pairAt, removePair } from './yaml-pairs';

/** `offset`: where the later key starts (yaml's DUPLICATE_KEY position). */
export function duplicateKeyFixes(doc: Document.Parsed, offset: number, positions: PositionMap): Fix[] | undefined {
  const found = pairAt(doc, offset);
  if (!found) return undefined;
  const { map, index } = found;
  const name = keyName(map.items[index] as Pair);
  const earlier = name === undefined ? -1 : keyIndex(map).first.get(name) ?? -1;
  const fixes: Fix[] = [];
  // Keeping an empty key (`metadata:` written twice, the first left bare) over one with a value would lose the value.
  const emptyFirst = earlier >= 0 && isEmpty(map.items[earlier] as Pair) && !isEmpty(map.items[index] as Pair);
  const later = emptyFirst ? undefined : removePair(positions.text, map, index);
  if (later) fixes.push({ title: `Remove this \`${name}\` (keep the first)`, edits: [edit(positions, later.start, later.end, later.newText)] });
  const first = earlier >= 0 && earlier < index ? removePair(positions.text, map, earlier) : undefined;
  if (first) fixes.push({ title: `Remove the first \`${name}\` (keep this one)`, edits: [edit(positions, first.start, first.end, first.newText)] });
  return fixes.length > 0 ? fixes : undefined;
}

function isEmpty(pair: Pair): boolean {
  const value = pair.value as Node | null;
  return value === null || (isScalar(value) && value.value === null);
}
