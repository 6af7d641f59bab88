// What a schema says about a property, in words for hover and completion: its description,
// type, allowed values, default and examples, gathered over the subschemas that apply.

import { isObject, READINESS_KIND, type DocumentKind } from '../kinds';
import type { FeatureContext } from './types';
import { childrenAt, expand, type SchemaAt, type SchemaStore } from '../schema/navigate';
import type { PathSegment } from '../yaml/locate';
import { parse } from 'yaml';

export interface SchemaInfo {
  description?: string;
  /** e.g. `string`, `integer`, `list of object`. */
  type?: string;
  /** `enum`/`const` values. */
  values: unknown[];
  default?: unknown;
  examples: unknown[];
  /** What a pattern or format asks for, in words (the schema's `title`) or the format's name. */
  format?: string;
}

/** Where the schemas of an object start: its kind's schema, and for a readiness manifest the custom schemas too. */
export function schemaStarts(kind: DocumentKind, start: SchemaAt, context: FeatureContext): SchemaAt[] {
  return [start, ...(kind.id === READINESS_KIND.id ? context.customSchemas() : [])];
}

export function describeSchema(schemas: readonly SchemaAt[], store: SchemaStore): SchemaInfo {
  const info: SchemaInfo = { values: [], examples: [] };
  const types = new Set<string>();
  // Defaults and examples of a shared definition (a name pattern's `checkout-api`) may not fit
  // the property that refers to it: once a more local schema has described it, they are left out.
  let described = false;
  for (const { schema } of schemas) {
    for (const t of typeof schema.type === 'string' ? [schema.type] : Array.isArray(schema.type) ? schema.type.map(String) : []) types.add(t === 'array' ? `list of ${itemType(schemas, store)}` : t);
    if ('const' in schema) push(info.values, schema.const);
    if (Array.isArray(schema.enum)) for (const v of schema.enum) push(info.values, v);
    if (!described && info.default === undefined && 'default' in schema) info.default = schema.default;
    if (!described && Array.isArray(schema.examples)) for (const v of schema.examples) push(info.examples, v);
    if (info.description === undefined && typeof schema.description === 'string') info.description = schema.description;
    described = info.description !== undefined;
    if (info.format === undefined && (typeof schema.pattern === 'string' || typeof schema.format === 'string')) {
      info.format = typeof schema.title === 'string' ? schema.title : typeof schema.format === 'string' ? schema.format : undefined;
    }
  }
  if (types.size > 0) info.type = [...types].join(' | ');
  return info;
}

function itemType(schemas: readonly SchemaAt[], store: SchemaStore): string {
  const items = childrenAt(schemas, 0).flatMap((s) => expand(store, s, undefined));
  const types = new Set(items.flatMap(({ schema }) => (typeof schema.type === 'string' ? [schema.type] : [])));
  return types.size === 1 ? `${[...types][0]}s` : 'values';
}

function push(list: unknown[], value: unknown): void {
  if (!list.some((v) => JSON.stringify(v) === JSON.stringify(value))) list.push(value);
}

/** A value as YAML writes it: quoted when the plain form would read as something else (`"1"`, `"yes"`). */
export function yamlScalar(value: unknown): string {
  if (typeof value !== 'string') return JSON.stringify(value);
  let plain: unknown;
  try {
    plain = parse(value);
  } catch {
    plain = undefined;
  }
  return plain === value && !/^\s|\s$|: | #/.test(value) ? value : JSON.stringify(value);
}

/** `spec.alerts[0].runbook` */
export function showPath(path: readonly PathSegment[]): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

/** The Markdown body of a hover or completion documentation: description, values, default, examples. */
export function infoMarkdown(info: SchemaInfo): string {
  const facts: string[] = [];
  if (info.values.length > 0) facts.push(`Allowed values: ${info.values.map((v) => `\`${yamlScalar(v)}\``).join(', ')}`);
  if (info.format) facts.push(`Format: ${info.format}`);
  if (info.default !== undefined) facts.push(`Default: \`${yamlScalar(info.default)}\``);
  if (info.examples.length > 0) facts.push(`Example${info.examples.length > 1 ? 's' : ''}: ${info.examples.map((v) => `\`${isObject(v) ? JSON.stringify(v) : yamlScalar(v)}\``).join(', ')}`);
  return [info.description, facts.join('  \n')].filter((p) => p).join('\n\n');
}
