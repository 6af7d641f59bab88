// Quick fixes for schema findings, computed where the schema error is still at hand:
// rename an unknown property to the one it misspells (or remove it), change a value to an
// allowed one, insert a missing property with a skeleton of its required children, quote
// a number that should be text (keeping its digits) or unquote text that should be a
// number. Every edit touches only the key, value or pair concerned.

import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Fix } from '../types';
import type { PositionMap } from '../yaml/positions';
import { keyIndex, type PathSegment } from '../yaml/locate';
import { isAjv, type ResolvedError } from '../schema/resolve';
import { nearest } from '../schema/suggest';
import { edit, lineBreak, lineStart, nextLineStart, yamlValue } from './text';
import { keyName, keyStart, pairEnd, removePair } from './yaml-pairs';
import { propertyOrder, propertySchema, resolveSchema, skeletonOf, type Skeleton } from './skeleton';

/** The most values offered one by one for a wrong enum value. */
const MAX_ENUM_CHOICES = 30;

export interface FixSite {
  /** The root node the error's path starts from. */
  root: Node | null | undefined;
  path: readonly PathSegment[];
  positions: PositionMap;
}

export function schemaFixes(error: ResolvedError, site: FixSite): Fix[] | undefined {
  if (!isAjv(error)) return undefined;
  const node = exact(site.root, site.path);
  const text = site.positions.text;
  const schema = error.parentSchema as Record<string, unknown> | undefined;
  let fixes: Fix[] = [];
  switch (error.keyword) {
    case 'additionalProperties':
      if (isMap(node) && schema) fixes = unknownProperty(node, String(error.params.additionalProperty), schema, site.positions);
      break;
    case 'enum':
    case 'const': {
      const allowed = error.keyword === 'enum' ? ((error.params.allowedValues as unknown[]) ?? []) : [error.params.allowedValue];
      if (isScalar(node)) fixes = enumValue(node, error.data, allowed, site.positions);
      break;
    }
    case 'type':
      if (isScalar(node)) fixes = retype(node, error.data, String(error.params.type).split(','), site.positions);
      break;
    case 'required':
      if (isMap(node) && schema) fixes = insertProperty(node, String(error.params.missingProperty), schema, text, site.positions);
      break;
  }
  return fixes.length > 0 ? fixes : undefined;
}

function unknownProperty(map: YAMLMap, property: string, schema: Record<string, unknown>, positions: PositionMap): Fix[] {
  const text = positions.text;
  const index = lastIndexOf(map, property);
  const pair = map.items[index] as Pair | undefined;
  const key = pair?.key as Node | null | undefined;
  if (!pair || !key?.range) return [];
  const names = keyIndex(map).first;
  const allowed = Object.keys((schema.properties ?? {}) as object);
  const meant = nearest(property, allowed);
  const fixes: Fix[] = [];
  if (meant !== undefined && !names.has(meant)) {
    const [start, end] = key.range;
    const quote = quoteOf(text[start]);
    // Two misspellings of the same name (`lifecyle`, `lifecycel`): renaming both would make a duplicate key, so neither is preferred.
    const clear = (suggestions(map, names, allowed).get(meant) ?? 0) < 2;
    fixes.push({ title: `Rename \`${property}\` to \`${meant}\``, edits: [edit(positions, start, end, yamlValue(meant, quote))], ...(clear ? { isPreferred: true } : {}) });
  }
  // Removing a misspelling of a property the object needs (required, one of a choice, one of
  // at least N) would only trade this finding for "missing": then renaming is the fix.
  const needed = meant !== undefined && !names.has(meant) && isNeeded(schema, meant, 0);
  const removal = needed ? undefined : removePair(text, map, index);
  if (removal) fixes.push({ title: `Remove \`${property}\``, edits: [edit(positions, removal.start, removal.end, removal.newText)] });
  return fixes;
}

const suggestionMemo = new WeakMap<YAMLMap, { allowed: string; counts: Map<string, number> }>();

/** How many of the map's unknown keys each allowed name is the nearest to (worked out once per map and schema). */
function suggestions(map: YAMLMap, names: ReadonlyMap<string, number>, allowed: readonly string[]): Map<string, number> {
  const key = allowed.join('\u0000');
  const memo = suggestionMemo.get(map);
  if (memo?.allowed === key) return memo.counts;
  const counts = new Map<string, number>();
  const known = new Set(allowed);
  for (const name of names.keys()) {
    const meant = known.has(name) ? undefined : nearest(name, allowed);
    if (meant !== undefined) counts.set(meant, (counts.get(meant) ?? 0) + 1);
  }
  suggestionMemo.set(map, { allowed: key, counts });
  return counts;
}

/** Whether `name` is required by `schema` or any of its branches, or the object needs some property at all. */
function isNeeded(schema: Record<string, unknown>, name: string, depth: number): boolean {
  const s = resolveSchema(schema);
  if (!s || depth > 4) return false;
  if (Array.isArray(s.required) && s.required.includes(name)) return true;
  if (typeof s.minProperties === 'number' && s.minProperties > 0) return true;
  for (const keyword of ['allOf', 'anyOf', 'oneOf']) {
    const branches = s[keyword];
    if (Array.isArray(branches) && branches.some((b) => isNeeded(b as Record<string, unknown>, name, depth + 1))) return true;
  }
  return ['then', 'else'].some((k) => typeof s[k] === 'object' && s[k] !== null && isNeeded(s[k] as Record<string, unknown>, name, depth + 1));
}

function enumValue(node: Node, data: unknown, allowed: readonly unknown[], positions: PositionMap): Fix[] {
  if (!node.range || isBlockScalar(node)) return [];
  const [start, end] = node.range;
  const quote = quoteOf(positions.text[start]);
  const strings = allowed.filter((v): v is string => typeof v === 'string');
  const meant = typeof data === 'string' ? nearest(data, strings) : undefined;
  const choices = allowed.filter((v) => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') && v !== data).slice(0, MAX_ENUM_CHOICES);
  if (meant !== undefined) choices.sort((a, b) => Number(b === meant) - Number(a === meant));
  return choices.map((v) => ({
    title: `Change to \`${String(v)}\``,
    edits: [edit(positions, start, end, typeof v === 'string' ? yamlValue(v, quote) : String(v))],
    ...(v === meant ? { isPreferred: true } : {}),
  }));
}

const DECIMAL = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$/;
const INTEGER = /^-?(0|[1-9][0-9]*)$/;
const BOOLEAN = /^(true|false|True|False|TRUE|FALSE)$/;

/** `version: 1.10` where text is wanted: quote the digits as written; `"99.9"` where a number is wanted: unquote. */
function retype(node: Node, data: unknown, types: readonly string[], positions: PositionMap): Fix[] {
  if (!node.range || isBlockScalar(node)) return [];
  const [start, end] = node.range;
  const source = positions.text.slice(start, end);
  if ((typeof data === 'number' || typeof data === 'boolean') && types.includes('string') && quoteOf(source[0]) === undefined) {
    const quoted = /["\\]/.test(source) ? `'${source.replace(/'/g, "''")}'` : `"${source}"`;
    return [{ title: `Quote ${code(source)} as text`, edits: [edit(positions, start, end, quoted)], isPreferred: true }];
  }
  if (typeof data === 'string' && quoteOf(source[0]) !== undefined) {
    const wantsNumber = (types.includes('number') && DECIMAL.test(data)) || (types.includes('integer') && INTEGER.test(data));
    const wantsBoolean = types.includes('boolean') && BOOLEAN.test(data);
    if (wantsNumber || wantsBoolean) {
      const plain = wantsBoolean ? data.toLowerCase() : data;
      return [{ title: `Unquote ${code(source)} (${wantsBoolean ? 'a boolean' : 'a number'})`, edits: [edit(positions, start, end, plain)], isPreferred: true }];
    }
  }
  return [];
}

/** Inserts `name` with a skeleton value next to its siblings, in the mapping's own style. */
function insertProperty(map: YAMLMap, name: string, schema: Record<string, unknown>, text: string, positions: PositionMap): Fix[] {
  const { skeleton, complete } = skeletonOf(propertySchema(schema, name));
  const title = `Insert \`${name}\``;
  const preferred = complete ? { isPreferred: true } : {};
  if (map.flow) {
    const close = (map.range?.[1] ?? 0) - 1;
    if (text[close] !== '}') return [];
    const asJson = json(map, text);
    const entry = `${flowValue(name, asJson)}: ${flow(skeleton, asJson)}`;
    const last = map.items[map.items.length - 1] as Pair | undefined;
    const lastEnd = last ? pairEnd(last, text) : undefined;
    const at = lastEnd ?? close;
    return [{ title, edits: [edit(positions, at, at, lastEnd === undefined ? entry : `, ${entry}`)], ...preferred }];
  }
  const pairs = map.items as Pair[];
  const first = pairs[0] ? keyStart(pairs[0]) : undefined;
  if (first === undefined) return [];
  const indent = ' '.repeat(first - lineStart(text, first));
  const eol = lineBreak(text);
  const lines = block(name, skeleton, indent, indentUnit(map, text), eol);
  const { after, before } = neighbours(pairs, name, propertyOrder(schema));
  const beforeStart = before ? keyStart(before) : undefined;
  if (!after && beforeStart !== undefined && /^[ \t]*$/.test(text.slice(lineStart(text, beforeStart), beforeStart))) {
    const at = lineStart(text, beforeStart);
    return [{ title, edits: [edit(positions, at, at, lines)], ...preferred }];
  }
  const end = pairEnd(after ?? pairs[pairs.length - 1], text);
  if (end === undefined) return [];
  const at = nextLineStart(text, end);
  const atEndWithoutBreak = at === text.length && !/[\r\n]$/.test(text);
  const newText = atEndWithoutBreak ? eol + lines.slice(0, -eol.length) : lines;
  return [{ title, edits: [edit(positions, at, at, newText)], ...preferred }];
}

/** The existing pairs just before and after `name` in the schema's order of properties. */
function neighbours(pairs: readonly Pair[], name: string, order: readonly string[]): { after?: Pair; before?: Pair } {
  const rank = order.indexOf(name);
  if (rank < 0) return {};
  let after: Pair | undefined;
  let before: Pair | undefined;
  let afterRank = -1;
  let beforeRank = Infinity;
  for (const pair of pairs) {
    const r = order.indexOf(keyName(pair) ?? '');
    if (r < 0) continue;
    if (r < rank && r > afterRank) [after, afterRank] = [pair, r];
    if (r > rank && r < beforeRank) [before, beforeRank] = [pair, r];
  }
  return { ...(after ? { after } : {}), ...(before ? { before } : {}) };
}

function block(name: string, skeleton: Skeleton, indent: string, unit: string, eol: string): string {
  const key = yamlValue(name);
  if (skeleton.kind === 'map' && skeleton.entries.length > 0) {
    return `${indent}${key}:${eol}${skeleton.entries.map(([child, value]) => block(child, value, indent + unit, unit, eol)).join('')}`;
  }
  return `${indent}${key}: ${flow(skeleton, false)}${eol}`;
}

function flow(skeleton: Skeleton, asJson: boolean): string {
  if (skeleton.kind === 'list') return '[]';
  if (skeleton.kind === 'map') return `{${skeleton.entries.map(([name, value]) => `${flowValue(name, asJson)}: ${flow(value, asJson)}`).join(', ')}}`;
  return flowValue(skeleton.value, asJson);
}

function flowValue(value: unknown, asJson: boolean): string {
  return asJson ? JSON.stringify(value) ?? 'null' : yamlValue(value);
}

/**
 * Whether a flow mapping is written as JSON (a `.json` file, or YAML in JSON style): its keys are
 * double-quoted, or, with none yet, the document is a `{` whose first key is. Then what is inserted is JSON too.
 */
function json(map: YAMLMap, text: string): boolean {
  const first = (map.items[0] as Pair | undefined)?.key;
  if (first) return isScalar(first) && first.type === 'QUOTE_DOUBLE';
  return /^\uFEFF?\s*\{\s*"/.test(text);
}

/** The document's indentation step: from a nested block mapping in this one, else from the first nesting in the text. */
function indentUnit(map: YAMLMap, text: string): string {
  const column = (offset: number) => offset - lineStart(text, offset);
  for (const pair of map.items as Pair[]) {
    const value = pair.value as Node | null;
    const parent = keyStart(pair);
    const child = isMap(value) && !value.flow && value.items[0] ? keyStart(value.items[0] as Pair) : undefined;
    if (parent !== undefined && child !== undefined && column(child) > column(parent)) return ' '.repeat(column(child) - column(parent));
  }
  const nested = /^( *)[^\s#-][^\n]*:[ \t]*(?:#[^\n]*)?\r?\n( +)[^\s#-]/m.exec(text);
  if (nested && nested[2].length > nested[1].length) return ' '.repeat(nested[2].length - nested[1].length);
  return '  ';
}

/** The node at exactly `path` (not the nearest ancestor, as locate gives). */
function exact(root: Node | null | undefined, path: readonly PathSegment[]): Node | null | undefined {
  let node = root;
  for (const segment of path) {
    if (isMap(node)) {
      const index = lastIndexOf(node, String(segment));
      if (index < 0) return undefined;
      node = (node.items[index] as Pair).value as Node | null;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment] as Node | null;
    } else {
      return undefined;
    }
  }
  return node;
}

function lastIndexOf(map: YAMLMap, name: string): number {
  return keyIndex(map).last.get(name) ?? -1;
}

function quoteOf(c: string | undefined): '"' | "'" | undefined {
  return c === '"' || c === "'" ? c : undefined;
}

function isBlockScalar(node: Node): boolean {
  return isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED');
}

function code(s: string): string {
  return s.includes('`') ? s : `\`${s}\``;
}
