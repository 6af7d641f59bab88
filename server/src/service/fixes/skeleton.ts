// A skeleton of a value from its JSON Schema, for the "insert the missing property" fix:
// a mapping with its own required children, `[]` for a list, `""` for text, the first
// allowed value of an enum. ajv hands errors the very schema objects the engine compiled,
// so an index of those objects finds the document each `$ref` resolves in.

import { SHIPPED_SCHEMAS } from '../schema/shipped';
import { decodeLenient } from '../uri';

type Schema = Record<string, unknown>;

interface Place {
  root: Schema;
  parent?: Schema;
}

let places: WeakMap<object, Place> | undefined;
const byId = new Map<string, Schema>();

function index(): WeakMap<object, Place> {
  if (places) return places;
  places = new WeakMap();
  const map = places;
  for (const root of SHIPPED_SCHEMAS as Schema[]) {
    if (typeof root.$id === 'string') byId.set(root.$id.replace(/#$/, ''), root);
    const walk = (node: unknown, parent: Schema | undefined): void => {
      if (typeof node !== 'object' || node === null || map.has(node)) return;
      if (Array.isArray(node)) {
        for (const item of node) walk(item, parent);
        return;
      }
      map.set(node, { root, ...(parent ? { parent } : {}) });
      for (const child of Object.values(node)) walk(child, node as Schema);
    };
    walk(root, undefined);
  }
  return map;
}

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Follows `$ref`s (local to the schema's own document, or by `$id`). */
export function resolveSchema(schema: unknown): Schema | undefined {
  let current = schema;
  for (let hops = 0; hops < 16 && isSchema(current) && typeof current.$ref === 'string'; hops++) {
    const ref = current.$ref;
    const hash = ref.indexOf('#');
    const id = hash < 0 ? ref : ref.slice(0, hash);
    const base = id === '' ? index().get(current)?.root : (index(), byId.get(id));
    let node: unknown = base;
    for (const raw of (hash < 0 ? '' : ref.slice(hash + 1)).split('/').slice(1)) {
      node = isSchema(node) ? node[decodeLenient(raw).replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
    }
    current = node;
  }
  return isSchema(current) ? current : undefined;
}

/** The schema of property `name` of objects described by `schema` (or a schema around it, for `then` branches). */
export function propertySchema(schema: Schema, name: string): Schema | undefined {
  for (let at: Schema | undefined = schema, hops = 0; at && hops < 6; at = index().get(at)?.parent, hops++) {
    const found = ownProperty(at, name, 0);
    if (found) return found;
  }
  return undefined;
}

function ownProperty(schema: Schema, name: string, depth: number): Schema | undefined {
  const resolved = resolveSchema(schema);
  if (!resolved || depth > 4) return undefined;
  const properties = resolved.properties;
  if (isSchema(properties) && properties[name] !== undefined) return resolveSchema(properties[name]) ?? {};
  for (const keyword of ['allOf', 'anyOf', 'oneOf']) {
    const branches = resolved[keyword];
    if (!Array.isArray(branches)) continue;
    for (const branch of branches) {
      const found = ownProperty(branch as Schema, name, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

/** The property names of `schema` in their documented order (for where to insert one). */
export function propertyOrder(schema: Schema): string[] {
  for (let at: Schema | undefined = schema, hops = 0; at && hops < 6; at = index().get(at)?.parent, hops++) {
    const resolved = resolveSchema(at);
    if (resolved && isSchema(resolved.properties)) return Object.keys(resolved.properties);
  }
  return [];
}

export type Skeleton =
  | { kind: 'scalar'; value: unknown }
  | { kind: 'map'; entries: [string, Skeleton][] }
  | { kind: 'list' };

export interface SkeletonResult {
  skeleton: Skeleton;
  /** Every value is fixed by the schema (a `const`, a one-value enum): nothing left to fill in. */
  complete: boolean;
}

const MAX_DEPTH = 4;

export function skeletonOf(schema: Schema | undefined, depth = 0): SkeletonResult {
  const s = resolveSchema(schema) ?? {};
  if ('const' in s) return { skeleton: { kind: 'scalar', value: s.const }, complete: true };
  if (Array.isArray(s.enum) && s.enum.length > 0) return { skeleton: { kind: 'scalar', value: s.enum[0] }, complete: s.enum.length === 1 };
  const type = typeOf(s);
  if (type === undefined) {
    for (const keyword of ['allOf', 'oneOf', 'anyOf']) {
      const branches = s[keyword];
      if (Array.isArray(branches) && branches.length > 0) {
        const typed = branches.find((b) => typeOf(resolveSchema(b) ?? {}) !== undefined);
        if (typed) return { ...skeletonOf(typed as Schema, depth), complete: false };
      }
    }
    return { skeleton: { kind: 'scalar', value: '' }, complete: false };
  }
  switch (type) {
    case 'object': {
      const required = Array.isArray(s.required) ? s.required.map(String) : [];
      if (depth >= MAX_DEPTH || required.length === 0) return { skeleton: { kind: 'map', entries: [] }, complete: false };
      const children = required.map((name) => [name, skeletonOf(propertySchema(s, name), depth + 1)] as const);
      return { skeleton: { kind: 'map', entries: children.map(([name, child]) => [name, child.skeleton]) }, complete: children.every(([, child]) => child.complete) };
    }
    case 'array':
      return { skeleton: { kind: 'list' }, complete: false };
    case 'integer':
    case 'number':
      return { skeleton: { kind: 'scalar', value: typeof s.minimum === 'number' ? s.minimum : 0 }, complete: false };
    case 'boolean':
      return { skeleton: { kind: 'scalar', value: false }, complete: false };
    case 'null':
      return { skeleton: { kind: 'scalar', value: null }, complete: false };
    default:
      return { skeleton: { kind: 'scalar', value: '' }, complete: false };
  }
}

function typeOf(s: Schema): string | undefined {
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  if (typeof type === 'string') return type;
  if (isSchema(s.properties) || Array.isArray(s.required)) return 'object';
  if (s.items !== undefined) return 'array';
  return undefined;
}
