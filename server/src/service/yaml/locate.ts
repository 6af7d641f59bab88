// Finds the YAML nodes behind a JSON path, so a finding can point at the exact key or value.

import { isMap, isScalar, isSeq, type Node } from 'yaml';

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
    current = { ...next, nearestKey: next.key ?? current.nearestKey };
  }
  return current;
}

function step(node: Node | null | undefined, segment: PathSegment): Located | undefined {
  if (isMap(node)) {
    // The last pair with the name, since that is the value a duplicate key leaves in the data.
    for (let i = node.items.length - 1; i >= 0; i--) {
      const pair = node.items[i];
      const key = pair.key as Node | null;
      const name = isScalar(key) ? String(key.value) : undefined;
      if (name === String(segment)) return { key: key ?? undefined, value: pair.value as Node | null };
    }
    return undefined;
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment] as Node | undefined;
    return item === undefined ? undefined : { value: item };
  }
  return undefined;
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
