// Finds the YAML nodes behind a JSON path, so a finding can point at the exact key or value.

import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';

export type PathSegment = string | number;

export interface Located {
  /** The key node of the pair that holds the value (absent for the root and for list items). */
  key?: Node;
  /** The value node (absent when the key has no value, e.g. `owner:`). */
  value?: Node | null;
  /** The nearest located key on the way down, for findings about a whole object. */
  nearestKey?: Node;
}

/** Walks `path` from `root`; stops at the deepest node that exists. */
export function locate(root: Node | null | undefined, path: readonly PathSegment[]): Located {
  let current: Located = { value: root };
  for (const segment of path) {
    const next = step(current.value, segment);
    if (!next) break;
    if (!next.key && current.nearestKey) next.nearestKey = current.nearestKey;
    else if (next.key) next.nearestKey = next.key;
    current = next;
  }
  return current;
}

/** Up to this many pairs, a mapping is searched from its end instead of through a key index built for it. */
const SCAN_LIMIT = 16;

function step(node: Node | null | undefined, segment: PathSegment): Located | undefined {
  if (isMap(node)) {
    // The last pair with the name, since that is the value a duplicate key leaves in the data.
    const name = String(segment);
    const index = node.items.length <= SCAN_LIMIT ? lastWithKey(node, name) : keyIndex(node).last.get(name);
    if (index === undefined) return undefined;
    const pair = node.items[index];
    return { key: (pair.key as Node | null) ?? undefined, value: pair.value as Node | null };
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment] as Node | undefined;
    return item === undefined ? undefined : { value: item };
  }
  return undefined;
}

function lastWithKey(map: YAMLMap, name: string): number | undefined {
  for (let i = map.items.length - 1; i >= 0; i--) {
    const key = (map.items[i] as Pair).key as Node | null;
    if (isScalar(key) && String(key.value) === name) return i;
  }
  return undefined;
}

export interface KeyIndex {
  /** Index of the first pair with each (scalar) key name. */
  first: Map<string, number>;
  /** Index of the last pair with each key name: the value a duplicate key leaves in the data. */
  last: Map<string, number>;
}

// Parsed documents are never modified, so a mapping's key index is built once: finding a
// key is O(1) even in a mapping with 100,000 keys and as many findings.
const keyIndexes = new WeakMap<YAMLMap, KeyIndex>();

/** The positions of a mapping's keys by name (scalar keys, as `String(key.value)`). */
export function keyIndex(map: YAMLMap): KeyIndex {
  let index = keyIndexes.get(map);
  if (!index) {
    index = { first: new Map(), last: new Map() };
    for (let i = 0; i < map.items.length; i++) {
      const key = (map.items[i] as Pair).key as Node | null;
      if (!isScalar(key)) continue;
      const name = String(key.value);
      if (!index.first.has(name)) index.first.set(name, i);
      index.last.set(name, i);
    }
    keyIndexes.set(map, index);
  }
  return index;
}

/** Splits an ajv/JSON Pointer instance path into segments; numeric segments index lists. */
export function pointerToPath(pointer: string): PathSegment[] {
  if (!pointer) return [];
  return pointer
    .split('/')
    .slice(1)
    .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^(0|[1-9][0-9]*)$/.test(segment) ? Number(segment) : segment));
}

/** Finds the key node named `name` directly inside a mapping node. */
export function keyIn(node: Node | null | undefined, name: string): Node | undefined {
  return step(node, name)?.key;
}
