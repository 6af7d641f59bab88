// What the report keeps of a manifest from the one parse the checker does when the file is
// indexed: its value, and the offsets of its keys and values by path. The report then needs
// no second parse (a workspace of a thousand manifests is re-judged in a fraction of the
// time), and the YAML tree itself is not kept: a flat table of offsets is a small fraction
// of its size.

import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { shiftRange, type Range } from '../types';
import type { PathSegment } from '../yaml/locate';
import type { PositionMap } from '../yaml/positions';

/** Per path: the offsets of its key, its value and (for a mapping) its first key, as 6 numbers; -1 where absent. */
const STRIDE = 6;
const FLAG_COLLECTION = 1;

export interface ManifestSnapshot {
  value: Record<string, unknown>;
  /** Path (segments joined by NUL) → entry index. */
  index: Map<string, number>;
  /** Offsets in the document's text, turned into ranges only for the places a report names. */
  offsets: Int32Array;
  flags: Uint8Array;
  positions: PositionMap;
  /** Line of `metadata.name` within the document, before the checker shifts entities to the file's lines. */
  nameLine: number;
  /** Lines of the document (it spans [shift, shift + lineCount) in its file). */
  lineCount: number;
}

export function snapshotManifest(node: Node | null | undefined, value: Record<string, unknown>, positions: PositionMap, nameLine: number): ManifestSnapshot {
  const index = new Map<string, number>();
  const offsets: number[] = [];
  const flags: number[] = [];
  const add = (path: string, key: Node | null | undefined, current: Node | null | undefined) => {
    // Duplicate keys: the last one, as in the value.
    index.set(path, flags.length);
    const first = isMap(current) ? (current.items[0]?.key as Node | null | undefined) : undefined;
    for (const n of [key, current, first]) offsets.push(n?.range?.[0] ?? -1, n?.range?.[1] ?? -1);
    flags.push(isMap(current) || isSeq(current) ? FLAG_COLLECTION : 0);
  };
  const walk = (current: Node | null | undefined, path: string) => {
    if (isMap(current)) {
      for (const pair of current.items) {
        const key = pair.key as Node | null;
        if (!isScalar(key)) continue;
        const child = `${path}\u0000${String(key.value)}`;
        add(child, key, pair.value as Node | null);
        walk(pair.value as Node | null, child);
      }
    } else if (isSeq(current)) {
      current.items.forEach((item, i) => {
        const child = `${path}\u0000${i}`;
        add(child, undefined, item as Node);
        walk(item as Node, child);
      });
    }
  };
  add('', undefined, node);
  walk(node, '');
  const lineCount = positions.positionAt(positions.text.length).line + 1;
  return { value, index, offsets: Int32Array.from(offsets), flags: Uint8Array.from(flags), positions, nameLine, lineCount };
}

export function valueAt(value: unknown, path: readonly PathSegment[]): unknown {
  let current = value;
  for (const segment of path) {
    if (typeof segment === 'number' ? !Array.isArray(current) : typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/**
 * The range that decides a check at `path`, moved down `shift` lines: a scalar value; for a
 * mapping or list its key (an item: its first key); for a path that does not exist, the
 * deepest key on the way.
 */
export function rangeAt(snapshot: ManifestSnapshot, path: readonly PathSegment[], shift: number): Range {
  const at = (i: number, slot: 0 | 1 | 2): Range | undefined => {
    const start = snapshot.offsets[i * STRIDE + slot * 2];
    if (start < 0) return undefined;
    return shiftRange(snapshot.positions.nodeRange(start, snapshot.offsets[i * STRIDE + slot * 2 + 1]), shift);
  };
  const key = (p: readonly PathSegment[]) => snapshot.index.get(p.length === 0 ? '' : `\u0000${p.join('\u0000')}`);
  const full = path.length > 0 && valueAt(snapshot.value, path) !== undefined ? key(path) : undefined;
  if (full !== undefined) {
    const collection = (snapshot.flags[full] & FLAG_COLLECTION) !== 0;
    const found = collection ? at(full, 0) ?? at(full, 2) ?? at(full, 1) : at(full, 1) ?? at(full, 0);
    if (found) return found;
  }
  for (let n = path.length - 1; n > 0; n--) {
    const i = key(path.slice(0, n));
    const found = i === undefined ? undefined : at(i, 0);
    if (found) return found;
  }
  return at(0, 2) ?? { start: { line: shift, character: 0 }, end: { line: shift, character: 0 } };
}
