// Where a key–value pair of a YAML mapping begins and ends in the source, so a fix can
// remove it whole (its nested block included) and leave every other byte as it was.

import { isAlias, isMap, isPair, isScalar, isSeq, visit, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { lineStart, nextLineStart, trimEnd } from './text';

export interface Splice {
  start: number;
  end: number;
  newText: string;
}

/**
 * The offset where a node's own content ends: the last character of its last scalar or
 * closing bracket. yaml's ranges of block collections may run on over comment lines that
 * belong to what follows; those stay.
 */
export function contentEnd(node: Node | null | undefined, text: string): number | undefined {
  if (!node?.range) return undefined;
  if (isScalar(node) || isAlias(node)) return trimEnd(text, node.range[1], node.range[0]);
  if ((isMap(node) || isSeq(node)) && !node.flow) {
    for (let i = node.items.length - 1; i >= 0; i--) {
      const item = node.items[i] as Pair | Node | null;
      const end = isPair(item) ? pairEnd(item, text) : contentEnd(item as Node | null, text);
      if (end !== undefined) return end;
    }
    return node.range[0];
  }
  return node.range[1];
}

/** The end of a pair's content: its value's, or its key's when the value is empty. */
export function pairEnd(pair: Pair, text: string): number | undefined {
  const key = contentEnd(pair.key as Node | null, text);
  const value = contentEnd(pair.value as Node | null, text);
  if (key === undefined) return value;
  return value === undefined ? key : Math.max(key, value);
}

export function keyStart(pair: Pair): number | undefined {
  return (pair.key as Node | null)?.range?.[0];
}

/** The splice that removes `map.items[index]`: its whole lines in block style, the item and a comma in flow style. */
export function removePair(text: string, map: YAMLMap, index: number): Splice | undefined {
  const pair = map.items[index] as Pair | undefined;
  const start = pair ? keyStart(pair) : undefined;
  const end = pair ? pairEnd(pair, text) : undefined;
  if (!pair || start === undefined || end === undefined) return undefined;
  const next = map.items[index + 1] as Pair | undefined;
  const nextStart = next ? keyStart(next) : undefined;
  if (map.flow) {
    if (nextStart !== undefined) return { start, end: nextStart, newText: '' };
    const previous = map.items[index - 1] as Pair | undefined;
    const previousEnd = previous ? pairEnd(previous, text) : undefined;
    return { start: previousEnd ?? start, end, newText: '' };
  }
  // The only pair: an empty mapping stays a mapping.
  if (map.items.length === 1) return { start, end, newText: '{}' };
  const from = lineStart(text, start);
  if (/^[ \t]*$/.test(text.slice(from, start))) {
    const to = nextLineStart(text, end);
    // On a last line without a line break, the break before it goes instead.
    if (!/[\r\n]/.test(text.slice(end, to)) && from > 0) return { start: from - (text.slice(from - 2, from) === '\r\n' ? 2 : 1), end: to, newText: '' };
    return { start: from, end: to, newText: '' };
  }
  // The first pair of a list item (`- name: x`): the next pair moves up onto the dash's line.
  if (nextStart !== undefined) return { start, end: nextStart, newText: '' };
  return undefined;
}

/** The mapping and index of the pair whose key starts at `offset`. */
export function pairAt(doc: Document.Parsed, offset: number): { map: YAMLMap; index: number } | undefined {
  let byOffset = pairsByOffset.get(doc);
  if (!byOffset) {
    // Built once per document (parsed documents are never modified): a fix per duplicate key stays O(1) each.
    const pairs = new Map<number, { map: YAMLMap; index: number }>();
    visit(doc, {
      Map(_, map) {
        map.items.forEach((p, index) => {
          const start = keyStart(p as Pair);
          if (start !== undefined && !pairs.has(start)) pairs.set(start, { map: map as YAMLMap, index });
        });
      },
    });
    byOffset = pairs;
    pairsByOffset.set(doc, byOffset);
  }
  return byOffset.get(offset);
}

const pairsByOffset = new WeakMap<Document.Parsed, Map<number, { map: YAMLMap; index: number }>>();

/** The key name of a pair, when it is a scalar. */
export function keyName(pair: Pair): string | undefined {
  const key = pair.key as Node | null;
  return isScalar(key) ? String(key.value) : undefined;
}
