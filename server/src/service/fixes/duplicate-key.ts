// Fixes for a duplicate key: remove the later pair, or the earlier one — whole, with any
// nested block — since which value was meant is the author's call. When the top level of a
// document says again what kind of document it is, two documents have run together (a `---`
// deleted or never written): then the first fix puts the `---` back.

import { isScalar, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Fix } from '../types';
import type { PositionMap } from '../yaml/positions';
import { edit, lineBreak, lineStart } from './text';
import { keyIndex } from '../yaml/locate';
import { keyName, keyStart, pairAt, removePair } from './yaml-pairs';

/** `offset`: where the later key starts (yaml's DUPLICATE_KEY position). */
export function duplicateKeyFixes(doc: Document.Parsed, offset: number, positions: PositionMap): Fix[] | undefined {
  const found = pairAt(doc, offset);
  if (!found) return undefined;
  const { map, index } = found;
  const name = keyName(map.items[index] as Pair);
  const earlier = name === undefined ? -1 : keyIndex(map).first.get(name) ?? -1;
  const split = map === doc.contents ? splitFix(map, positions) : undefined;
  const fixes: Fix[] = split ? [split] : [];
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

/**
 * `---` before the first top-level key that repeats an earlier one, when what follows says again what kind of
 * document it is — `apiVersion` and `kind` (OpenSLO, manifests) or `version` and `service` (Sloth): the top level
 * then holds two documents, each whole. Preferred: fix-all applies it.
 */
function splitFix(map: YAMLMap, positions: PositionMap): Fix | undefined {
  // One pass, remembered per mapping: a top level of thousands of keys has a finding per duplicate.
  let split = splits.get(map);
  if (split === undefined) splits.set(map, (split = splitAt(map)));
  if (split < 0) return undefined;
  const start = keyStart(map.items[split] as Pair);
  // Only a block mapping at the left margin: a `---` is a line of its own.
  if (map.flow || start === undefined || lineStart(positions.text, start) !== start) return undefined;
  return {
    title: `Start a new document at line ${positions.positionAt(start).line + 1} (insert \`---\`)`,
    edits: [edit(positions, start, start, `---${lineBreak(positions.text)}`)],
    isPreferred: true,
  };
}

const splits = new WeakMap<YAMLMap, number>();

/** The index of the first key that repeats an earlier one, when the keys from there on say again what the document is; else -1. */
function splitAt(map: YAMLMap): number {
  const before = new Set<string>();
  let at = -1;
  const again = new Set<string>();
  map.items.forEach((pair, i) => {
    const name = keyName(pair as Pair);
    if (name === undefined) return;
    if (at < 0 && before.has(name)) at = i;
    if (at < 0) before.add(name);
    else if (before.has(name)) again.add(name);
  });
  return (again.has('apiVersion') && again.has('kind')) || (again.has('version') && again.has('service')) ? at : -1;
}
