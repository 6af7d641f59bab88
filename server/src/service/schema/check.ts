// Validates one object of a parsed YAML document against its schema and returns
// findings with the narrowest honest range.

import { isMap, isSeq, type Node } from 'yaml';
import type { Finding, Range } from '../types';
import type { PositionMap } from '../yaml/positions';
import { locate, pointerToPath, type PathSegment } from '../yaml/locate';
import type { ValidateFunction } from 'ajv';
import { describe } from './messages';
import { resolveErrors, type AjvError } from './resolve';
import { schemaFixes } from '../fixes/schema-fixes';

export interface SchemaTarget {
  /** The root node of the object being validated (a document, or an item of a top-level list). */
  node: Node | null | undefined;
  value: unknown;
  /** Path of `node` inside its document, so names in messages read naturally. */
  basePath: readonly PathSegment[];
  /** Offsets where YAML syntax errors damaged the structure. */
  damage: readonly number[];
  /** What to call the object itself in messages (default `document`). */
  rootName?: string;
  /**
   * Unknown keys are reported below error (Sloth ignores them): a misspelt required key then does
   * not stand in for the missing one, which must still be reported as the error it is.
   */
  unknownKeysTolerated?: boolean;
}

export function checkAgainstSchema(validate: ValidateFunction, target: SchemaTarget, positions: PositionMap): Finding[] {
  if (validate(target.value)) return [];
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const error of resolveErrors((validate.errors ?? []) as AjvError[], { unknownKeysTolerated: target.unknownKeysTolerated === true })) {
    const path = pointerToPath(error.instancePath);
    const located = locate(target.node, path);
    const subject = located.value ?? located.key;
    if (subject && touchesDamage(subject, target.damage)) continue;
    const described = describe(error, displayName([...target.basePath, ...path], target.rootName));
    const range = rangeFor(described.target, located, target.node, positions);
    const fixes = schemaFixes(error, { root: target.node, path, positions });
    const finding: Finding = { ruleId: described.ruleId, severity: 'error', message: described.message, range, ...(fixes ? { fixes } : {}) };
    const key = `${finding.ruleId}|${finding.message}|${range.start.line}:${range.start.character}`;
    if (!seen.has(key)) {
      seen.add(key);
      findings.push(finding);
    }
  }
  return findings;
}

function rangeFor(
  target: ReturnType<typeof describe>['target'],
  located: ReturnType<typeof locate>,
  root: Node | null | undefined,
  positions: PositionMap,
): Range {
  if (target.kind === 'key') {
    const inner = locate(located.value, [target.property]);
    if (inner.key) return nodeRange(inner.key, positions);
  }
  if (target.kind === 'value' && located.value) {
    // A wrong mapping or list would underline many lines; its key says the same in one word.
    const collection = isMap(located.value) || isSeq(located.value);
    return nodeRange(collection && located.key ? located.key : located.value, positions);
  }
  // Missing properties point at the object's own key; for a list item or the root, at its first key.
  const anchor = located.key ?? firstKey(located.value) ?? located.nearestKey ?? firstKey(root) ?? located.value ?? root;
  return anchor ? nodeRange(anchor, positions) : positions.rangeOf(0, 0);
}

function nodeRange(node: Node, positions: PositionMap): Range {
  const [start, valueEnd] = node.range ?? [0, 0];
  return positions.nodeRange(start, valueEnd);
}

function firstKey(root: Node | null | undefined): Node | undefined {
  const items = (root as { items?: { key?: Node }[] } | null | undefined)?.items;
  return items?.[0]?.key ?? undefined;
}

function touchesDamage(node: Node, damage: readonly number[]): boolean {
  const [start, , end] = node.range ?? [0, 0, 0];
  return damage.some((offset) => offset >= start && offset <= end);
}

function displayName(path: readonly PathSegment[], rootName = 'document'): string {
  let name = '';
  for (const segment of path) name += typeof segment === 'number' ? `[${segment}]` : name ? `.${segment}` : segment;
  return name || rootName;
}
