// Where custom schemas meet documents: a readiness manifest is validated against each
// usable custom schema too (same rules and messages as the shipped schema), and the
// properties a custom schema declares stop being `unknown-property` findings of the shipped
// one. A `.prr.yaml` gets one finding per `schemas:` entry that cannot be used.

import type { Node } from 'yaml';
import { isMap, isSeq } from 'yaml';
import type { Finding } from '../types';
import { isObject, READINESS_KIND } from '../kinds';
import { objectsOf } from '../check-yaml';
import { parseYaml } from '../yaml/parse';
import { locate } from '../yaml/locate';
import { resolveWrittenPath } from '../uri';
import { checkAgainstSchema } from './check';
import { isStackOverflow, SCHEMA_LOOPS, type CustomSchema, type CustomSchemas } from './custom';
import type { SchemaStore } from './navigate';

export const CUSTOM_SCHEMA_RULE = 'custom-schema';

/** A check result's findings with its custom schemas applied, remembered while those schemas are the same objects (the same texts). */
export class CustomFindings {
  private readonly memo = new WeakMap<object, { schemas: readonly CustomSchema[]; findings: Finding[] }>();

  constructor(private readonly schemas: CustomSchemas) {}

  /** `result`'s findings with the custom schemas at `uris` applied (readiness manifests only). */
  of(text: string, result: { findings: Finding[]; entities: readonly { family: string }[] }, uris: readonly string[]): Finding[] {
    if (uris.length === 0 || !result.entities.some((e) => e.family === 'manifest')) return result.findings;
    const schemas = uris.map((uri) => this.schemas.load(uri));
    const last = this.memo.get(result);
    if (last && last.schemas.length === schemas.length && last.schemas.every((s, i) => s === schemas[i])) return last.findings;
    const findings = withCustomSchemas(text, result.findings, schemas);
    this.memo.set(result, { schemas, findings });
    return findings;
  }
}

/**
 * The findings of a manifest's text with its custom schemas applied: the shipped schema's
 * findings less the unknown properties the custom schemas declare, plus the custom schemas' own.
 */
export function withCustomSchemas(text: string, base: readonly Finding[], schemas: readonly CustomSchema[]): Finding[] {
  const usable = schemas.filter((s) => s.validate);
  if (usable.length === 0) return [...base];
  const parsed = parseYaml(text);
  if (parsed.refused) return [...base];
  const declared = new Set<string>();
  const added: Finding[] = [];
  const seen = new Set(base.map(keyOf));
  const rangeOf = parsed.positions.nodeRange.bind(parsed.positions);
  for (const document of parsed.documents) {
    for (const object of objectsOf(document, READINESS_KIND)) {
      if (object.kind.id !== READINESS_KIND.id) continue;
      for (const { uri, validate, schema, store } of usable) {
        // A usable schema has its store (custom.ts).
        collectDeclared(store!, schema, schema, object.value, object.node, rangeOf, declared);
        // checkAgainstSchema reads `validate.errors`: each call validates anew, so sharing one validator is safe.
        const findings = validateGuarded(uri, () => checkAgainstSchema(validate!, { node: object.node, value: object.value, basePath: object.basePath, damage: document.damage }, parsed.positions), object.node, rangeOf);
        for (const finding of findings) {
          if (seen.has(keyOf(finding))) continue;
          seen.add(keyOf(finding));
          added.push(finding);
        }
      }
    }
  }
  const kept = base.filter((f) => f.ruleId !== 'unknown-property' || !declared.has(startOf(f)));
  // A property declared by one custom schema is not unknown to the others either.
  const all = [...kept, ...added.filter((f) => f.ruleId !== 'unknown-property' || !declared.has(startOf(f)))];
  return all.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/**
 * The findings of `validate`, or one `custom-schema` finding on the object's first line when validating never ends: a
 * schema whose `$ref`s lead back to themselves without going into the value (`allOf: [{ $ref: '#' }]`) recurses until
 * the stack is gone. ajv compiles such a schema; custom.ts refuses it when even an empty manifest loops, this catches
 * the loops that only some values reach.
 */
function validateGuarded(uri: string, validate: () => Finding[], node: Node | null | undefined, rangeOf: (start: number, end: number) => Finding['range']): Finding[] {
  try {
    return validate();
  } catch (error) {
    if (!isStackOverflow(error)) throw error;
    const [start] = node?.range ?? [0, 0];
    return [{ ruleId: CUSTOM_SCHEMA_RULE, severity: 'error', message: `custom schema \`${uri.slice(uri.lastIndexOf('/') + 1)}\` could not check this manifest: ${SCHEMA_LOOPS}`, range: rangeOf(start, start) }];
  }
}

/**
 * The start of each key (in `node`) whose property `schema` declares under `properties`, along the path — also
 * through `$ref`s (within the schema, `#/definitions/…`, or to the files `store` holds) and the branches of `allOf`,
 * `anyOf`, `oneOf` and `if`/`then`/`else`, which describe the same value. `root` is the schema document `schema` is
 * in, for its local `$ref`s; `here` the schemas already applied to this value (a `$ref` cycle ends there).
 */
function collectDeclared(store: SchemaStore, root: unknown, schema: unknown, value: unknown, node: Node | null | undefined, rangeOf: (start: number, end: number) => Finding['range'], out: Set<string>, depth = 0, here = new Set<unknown>()): void {
  if (depth > 64 || typeof schema !== 'object' || schema === null || here.has(schema)) return;
  here.add(schema);
  const s = schema as Record<string, unknown> & { properties?: Record<string, unknown>; items?: unknown };
  const same = (sub: unknown, within = root) => collectDeclared(store, within, sub, value, node, rangeOf, out, depth, here);
  if (typeof s.$ref === 'string' && isObject(root)) {
    const target = store.resolve(s.$ref, root);
    if (target) same(target.schema, target.root);
  }
  for (const key of ['allOf', 'anyOf', 'oneOf']) if (Array.isArray(s[key])) for (const sub of s[key] as unknown[]) same(sub);
  for (const key of ['if', 'then', 'else']) same(s[key]);
  if (isMap(node) && typeof value === 'object' && value !== null && !Array.isArray(value) && s.properties && typeof s.properties === 'object') {
    for (const [name, sub] of Object.entries(s.properties)) {
      if (!Object.hasOwn(value, name)) continue;
      const located = locate(node, [name]);
      if (located.key?.range) out.add(startKey(rangeOf(located.key.range[0], located.key.range[1])));
      collectDeclared(store, root, sub, (value as Record<string, unknown>)[name], located.value, rangeOf, out, depth + 1);
    }
  }
  if (isSeq(node) && Array.isArray(value) && s.items && typeof s.items === 'object' && !Array.isArray(s.items)) {
    value.forEach((item, i) => collectDeclared(store, root, s.items, item, node.items[i] as Node | undefined, rangeOf, out, depth + 1));
  }
}

/** One finding per `schemas:` entry of a `.prr.yaml` text that cannot be used. */
export function configSchemaProblems(text: string, configUri: string, load: (uri: string) => CustomSchema): Finding[] {
  const parsed = parseYaml(text);
  const [document] = parsed.documents;
  const value = document?.value as { schemas?: unknown } | undefined;
  if (parsed.refused || !document || typeof value !== 'object' || value === null || !Array.isArray(value.schemas)) return [];
  const root = document.doc.contents as Node | null;
  const findings: Finding[] = [];
  value.schemas.forEach((entry, i) => {
    if (typeof entry !== 'string') return; // the config schema reports it
    const uri = resolveWrittenPath(entry, configUri);
    const problem = uri === undefined ? `\`${entry}\` is not a path` : load(uri).problem;
    if (!problem) return;
    const node = locate(root, ['schemas', i]).value;
    const [start, end] = node?.range ?? [0, 0];
    findings.push({ ruleId: CUSTOM_SCHEMA_RULE, severity: 'error', message: `custom schema \`${entry}\` is not used: ${problem}`, range: parsed.positions.nodeRange(start, end) });
  });
  return findings;
}

function keyOf(f: Finding): string {
  return `${f.ruleId}|${f.message}|${startOf(f)}`;
}

function startOf(f: Finding): string {
  return startKey(f.range);
}

function startKey(range: Finding['range']): string {
  return `${range.start.line}:${range.start.character}`;
}
