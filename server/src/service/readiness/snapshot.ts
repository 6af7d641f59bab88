// What the report keeps of a manifest from the one parse the checker does when the file is
// indexed: its value, and the ranges of its keys and values by path. The report then needs
// no second parse (a workspace of a thousand manifests is re-judged in a fraction of the
// time), and the YAML tree itself is not kept: a flat table of ranges is a small fraction
// of its size.

import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Range } from '../types';
import type { PathSegment } from '../yaml/locate';
import type { PositionMap } from '../yaml/positions';

/** Per path: key range, value range and (for a mapping) its first key's range, as 12 numbers; -1 where absent. */
const STRIDE = 12;
const FLAG_COLLECTION = 1;

export interface ManifestSnapshot {
  value: Record<string, unknown>;
  /** Path (segments joined by NUL) → entry index. */
  index: Map<string, number>;
  ranges: Int32Array;
  flags: Uint8Array;
  /** Line of `metadata.name` within the document, before the checker shifts entities to the file's lines. */
  nameLine: number;
  /** Lines of the document (it spans [shift, shift + lineCount) in its file). */
  lineCount: number;
}

export function snapshotManifest(node: Node | null | undefined, value: Record<string, unknown>, positions: PositionMap, nameLine: number): ManifestSnapshot {
  const entries: { path: string; key?: Node; value?: Node | null }[] = [];
  const walk = (current: Node | null | undefined, path: string) => {
    if (isMap(current)) {
      for (const pair of current.items) {
        const key = pair.key as Node | null;
        if (!isScalar(key)) continue;
        const child = `${path}\u0000${String(key.value)}`;
        entries.push({ path: child, key, value: pair.value as Node | null });
        walk(pair.value as Node | null, child);
      }
    } else if (isSeq(current)) {
      current.items.forEach((item, i) => {
        const child = `${path}\u0000${i}`;
        entries.push({ path: child, value: item as Node });
        walk(item as Node, child);
      });
    }
  };
  entries.push({ path: '', value: node ?? null });
  walk(node, '');
  const ranges = new Int32Array(entries.length * STRIDE).fill(-1);
  const flags = new Uint8Array(entries.length);
  const index = new Map<string, number>();
  const put = (at: number, offset: number, n: Node | null | undefined) => {
    if (!n?.range) return;
    const r = positions.nodeRange(n.range[0], n.range[1]);
    ranges.set([r.start.line, r.start.character, r.end.line, r.end.character], at * STRIDE + offset);
  };
  entries.forEach((entry, i) => {
    // Duplicate keys: the last one, as in the value.
    index.set(entry.path, i);
    put(i, 0, entry.key);
    put(i, 4, entry.value);
    if (isMap(entry.value) || isSeq(entry.value)) flags[i] |= FLAG_COLLECTION;
    if (isMap(entry.value)) put(i, 8, entry.value.items[0]?.key as Node | undefined);
  });
  const lineCount = positions.positionAt(positions.text.length).line + 1;
  return { value, index, ranges, flags, nameLine, lineCount };
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
  const at = (i: number, offset: number): Range | undefined => {
    const base = i * STRIDE + offset;
    const r = snapshot.ranges;
    return r[base] < 0 ? undefined : { start: { line: r[base] + shift, character: r[base + 1] }, end: { line: r[base + 2] + shift, character: r[base + 3] } };
  };
  const key = (p: readonly PathSegment[]) => snapshot.index.get(p.length === 0 ? '' : `\u0000${p.join('\u0000')}`);
  const full = path.length > 0 && valueAt(snapshot.value, path) !== undefined ? key(path) : undefined;
  if (full !== undefined) {
    const collection = (snapshot.flags[full] & FLAG_COLLECTION) !== 0;
    const found = collection ? at(full, 0) ?? at(full, 8) ?? at(full, 4) : at(full, 4) ?? at(full, 0);
    if (found) return found;
  }
  for (let n = path.length - 1; n > 0; n--) {
    const i = key(path.slice(0, n));
    const found = i === undefined ? undefined : at(i, 0);
    if (found) return found;
  }
  return at(0, 8) ?? { start: { line: shift, character: 0 }, end: { line: shift, character: 0 } };
}
