// Walks a JSON Schema alongside a document, for hover and completion: the subschemas that
// apply at a path, with `$ref`s resolved and, of `oneOf`/`anyOf`/`if`-`then`-`else`, the
// branches that fit the document (a `discriminator` such as OpenSLO's `kind` decides first).

import { isObject } from '../kinds';
import type { PathSegment } from '../yaml/locate';
import { list, matches, propertiesOfSchema } from './match';
import { decodeLenient } from '../uri';

export type SchemaObject = Record<string, unknown>;

/** A subschema with the schema document its local `$ref`s resolve in. */
export interface SchemaAt {
  schema: SchemaObject;
  root: SchemaObject;
  /** Reached only through a branch (`anyOf`, `oneOf`, `if`): its `required` is not unconditional. */
  conditional: boolean;
}

export interface PropertyInfo {
  name: string;
  /** The property's subschemas, expanded for its current value. */
  schemas: SchemaAt[];
  required: boolean;
}

const MAX_DEPTH = 24;

export class SchemaStore {
  private readonly byId = new Map<string, SchemaObject>();

  constructor(schemas: readonly object[]) {
    for (const schema of schemas) {
      const id = (schema as { $id?: unknown }).$id;
      if (typeof id === 'string') this.byId.set(id.replace(/#$/, ''), schema as SchemaObject);
    }
  }

  /** This store and `other`'s schemas together (`other`'s win on a shared `$id`). */
  with(other: SchemaStore): SchemaStore {
    const both = new SchemaStore([]);
    for (const [id, schema] of [...this.byId, ...other.byId]) both.byId.set(id, schema);
    return both;
  }

  /** `ref`: a schema `$id` with an optional `#/json/pointer`, or a local `#/...` resolved in `root`. */
  resolve(ref: string, root?: SchemaObject): SchemaAt | undefined {
    const hash = ref.indexOf('#');
    const id = hash < 0 ? ref : ref.slice(0, hash);
    const base = id === '' ? root : this.byId.get(id);
    if (!base) return undefined;
    let node: unknown = base;
    for (const raw of (hash < 0 ? '' : ref.slice(hash + 1)).split('/').slice(1)) {
      node = isObject(node) ? node[decodeLenient(raw).replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
    }
    return isObject(node) ? { schema: node, root: base, conditional: false } : undefined;
  }
}

/** `at` and every subschema it brings in for `value` (`$ref`, `allOf`, chosen branches), the most local first. */
export function expand(store: SchemaStore, at: SchemaAt, value: unknown): SchemaAt[] {
  const out: SchemaAt[] = [];
  const visit = (node: SchemaAt, depth: number): void => {
    if (depth > MAX_DEPTH || out.some((o) => o.schema === node.schema)) return;
    out.push(node);
    const { schema, root } = node;
    const inner = (sub: unknown, conditional: boolean) => {
      if (isObject(sub)) visit({ schema: sub, root, conditional: node.conditional || conditional }, depth + 1);
    };
    if (typeof schema.$ref === 'string') {
      const target = store.resolve(schema.$ref, root);
      if (target) visit({ ...target, conditional: node.conditional }, depth + 1);
    }
    for (const sub of list(schema.allOf)) inner(sub, false);
    for (const key of ['anyOf', 'oneOf']) {
      for (const sub of chooseBranches(store, list(schema[key]), root, value, schema.discriminator)) inner(sub, true);
    }
    if ('if' in schema) inner(matches(store, schema.if, root, value) ? schema.then : schema.else, true);
  };
  visit(at, 0);
  return out;
}

/** The subschemas at `path` below `start`, for the document value `rootValue` at `start`. */
export function schemaAt(store: SchemaStore, start: SchemaAt, path: readonly PathSegment[], rootValue: unknown): SchemaAt[] {
  let current = expand(store, start, rootValue);
  let value = rootValue;
  for (const segment of path) {
    const childValue = isObject(value) || Array.isArray(value) ? (value as Record<string, unknown>)[segment] : undefined;
    current = unique(childrenAt(current, segment).flatMap((child) => expand(store, child, childValue)));
    if (current.length === 0) return [];
    value = childValue;
  }
  return current;
}

/** The subschemas of one member (`segment`: a key or a list index) of an object or list. */
export function childrenAt(parents: readonly SchemaAt[], segment: PathSegment): SchemaAt[] {
  const out: SchemaAt[] = [];
  const add = (schema: unknown, parent: SchemaAt) => {
    if (isObject(schema)) out.push({ schema, root: parent.root, conditional: parent.conditional });
  };
  if (typeof segment === 'number') {
    for (const p of parents) add(Array.isArray(p.schema.items) ? p.schema.items[segment] : p.schema.items, p);
    return out;
  }
  for (const p of parents) add(propertiesOfSchema(p.schema)[segment], p);
  if (out.length > 0) return out;
  for (const p of parents) {
    const patterns = isObject(p.schema.patternProperties) ? p.schema.patternProperties : {};
    for (const [pattern, schema] of Object.entries(patterns)) if (safeTest(pattern, segment)) add(schema, p);
  }
  if (out.length > 0) return out;
  for (const p of parents) add(p.schema.additionalProperties, p);
  return out;
}

/** What `schemaAt` gives from each of `starts` (an object's own schema, then custom schemas that describe it too), together. */
export function schemaAtEach(store: SchemaStore, starts: readonly SchemaAt[], path: readonly PathSegment[], rootValue: unknown): SchemaAt[] {
  return starts.flatMap((start) => schemaAt(store, start, path, rootValue));
}

/** The properties an object may have, in schema order: not those a fitting branch forbids (`"key": false`). */
export function propertiesOf(store: SchemaStore, schemas: readonly SchemaAt[], value: unknown): PropertyInfo[] {
  const forbidden = new Set<string>();
  const required = new Set<string>();
  const found = new Map<string, SchemaAt[]>();
  for (const at of schemas) {
    for (const [name, sub] of Object.entries(propertiesOfSchema(at.schema))) {
      if (sub === false) forbidden.add(name);
      else if (isObject(sub)) found.set(name, [...(found.get(name) ?? []), { schema: sub, root: at.root, conditional: at.conditional }]);
    }
    if (!at.conditional) for (const name of list(at.schema.required)) required.add(String(name));
  }
  const current = isObject(value) ? value : {};
  for (const name of excludedByPresentKeys(schemas, current)) forbidden.add(name);
  return [...found].filter(([name]) => !forbidden.has(name)).map(([name, subs]) => ({
    name,
    schemas: unique(subs.flatMap((s) => expand(store, s, current[name]))),
    required: required.has(name),
  }));
}

/**
 * Keys whose mere presence would forbid a key the object has: `if: {required: [ref]}` with
 * `then: {properties: {spec: false}}` rules out `ref` beside `spec` (a reference or an inline object).
 */
function excludedByPresentKeys(schemas: readonly SchemaAt[], value: Record<string, unknown>): string[] {
  const excluded: string[] = [];
  for (const { schema } of schemas) {
    const condition = schema.if;
    const then = schema.then;
    if (!isObject(condition) || !isObject(then)) continue;
    const keys = list(condition.required).map(String);
    const conditionProperties = propertiesOfSchema(condition);
    const presenceOnly = keys.length > 0 && Object.keys(condition).every((k) => k === 'required' || k === 'properties') && keys.every((k) => conditionProperties[k] === undefined || conditionProperties[k] === true);
    const forbids = Object.entries(propertiesOfSchema(then)).some(([k, sub]) => sub === false && k in value);
    if (presenceOnly && forbids) excluded.push(...keys.filter((k) => !(k in value)));
  }
  excluded.push(...otherChoices(schemas, value));
  return excluded;
}

/**
 * A `oneOf` of `required` lists is a choice (Sloth's `sli`: `events`, `raw` or `plugin`): once a key of one
 * branch is written, the keys only the other branches require are not offered — any would break the `oneOf`.
 */
function otherChoices(schemas: readonly SchemaAt[], value: Record<string, unknown>): string[] {
  const excluded: string[] = [];
  for (const { schema } of schemas) {
    const branches = Array.isArray(schema.oneOf) ? schema.oneOf.filter(isObject) : [];
    const required = branches.map((b) => list(b.required).map(String));
    if (branches.length < 2 || required.some((keys) => keys.length === 0)) continue;
    const chosen = required.findIndex((keys) => keys.some((k) => k in value));
    if (chosen < 0) continue;
    for (const [i, keys] of required.entries()) if (i !== chosen) excluded.push(...keys.filter((k) => !required[chosen].includes(k) && !(k in value)));
  }
  return excluded;
}

/** Loose fit, for choosing branches while a document is being written: types and constants, not `required`. */
function chooseBranches(store: SchemaStore, branches: unknown[], root: SchemaObject, value: unknown, discriminator: unknown): SchemaObject[] {
  const candidates = branches.filter(isObject);
  const property = isObject(discriminator) && typeof discriminator.propertyName === 'string' ? discriminator.propertyName : undefined;
  if (property && isObject(value) && value[property] !== undefined) {
    const chosen = candidates.filter((b) => constantsOf(store, { schema: b, root, conditional: true }, property).includes(value[property]));
    if (chosen.length > 0) return chosen;
  }
  if (value === undefined) return candidates;
  const fitting = candidates.filter((b) => matches(store, b, root, value, false));
  return fitting.length > 0 ? fitting : candidates;
}

/** The `const`/`enum` values a property has in a branch (e.g. each OpenSLO definition's `kind`). */
function constantsOf(store: SchemaStore, branch: SchemaAt, property: string): unknown[] {
  const values: unknown[] = [];
  for (const at of expand(store, branch, undefined)) {
    const sub = propertiesOfSchema(at.schema)[property];
    if (isObject(sub)) values.push(...('const' in sub ? [sub.const] : []), ...list(sub.enum));
  }
  return values;
}

function unique(schemas: SchemaAt[]): SchemaAt[] {
  return schemas.filter((s, i) => schemas.findIndex((o) => o.schema === s.schema) === i);
}

function safeTest(pattern: string, text: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(text);
  } catch {
    return false;
  }
}

