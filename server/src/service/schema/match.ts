// Whether a document value fits a schema as far as the editor needs to know: enough to
// evaluate `if` conditions and to tell `oneOf`/`anyOf` branches apart (not a validator).

import { isObject } from '../kinds';
import type { SchemaObject, SchemaStore } from './navigate';

const MAX_DEPTH = 24;

/**
 * Whether `value` satisfies `schema` as far as `type`, `const`, `enum`, `required` (when `strict`)
 * and `properties` go — enough for the conditions of `if` and for telling branches apart.
 */
export function matches(store: SchemaStore, schema: unknown, root: SchemaObject, value: unknown, strict = true, depth = 0): boolean {
  if (typeof schema === 'boolean') return schema;
  if (!isObject(schema) || depth > MAX_DEPTH) return true;
  if (typeof schema.$ref === 'string') {
    const target = store.resolve(schema.$ref, root);
    if (target && !matches(store, target.schema, target.root, value, strict, depth + 1)) return false;
  }
  if (schema.type !== undefined && !list(schema.type).some((t) => hasType(value, String(t)))) return false;
  if ('const' in schema && JSON.stringify(schema.const) !== JSON.stringify(value)) return false;
  if (Array.isArray(schema.enum) && !schema.enum.some((e) => JSON.stringify(e) === JSON.stringify(value))) return false;
  // A value not written yet (or an empty `key:`) has none of the required keys (an `if` on them takes `else`).
  if (!isObject(value)) return !(strict && (value === undefined || value === null) && list(schema.required).length > 0);
  if (strict && list(schema.required).some((k) => !(String(k) in value))) return false;
  return Object.entries(propertiesOfSchema(schema)).every(([k, sub]) => !(k in value) || matches(store, sub, root, value[k], strict, depth + 1));
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'object': return isObject(value);
    case 'array': return Array.isArray(value);
    case 'integer': return Number.isInteger(value);
    case 'null': return value === null;
    default: return typeof value === type;
  }
}

export function propertiesOfSchema(schema: SchemaObject): Record<string, unknown> {
  return isObject(schema.properties) ? schema.properties : {};
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}
