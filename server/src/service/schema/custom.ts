// Custom schemas (`schemas:` in `.prr.yaml`): JSON Schema files a team adds for its own
// manifest fields. They are user files, so nothing about them may hurt: each is read
// through the engine's io (never the network), compiled once per text in an ajv of its own
// (a user schema's `$id` cannot clash with ours), with unknown keywords tolerated (a schema
// written for another validator should still check what ajv understands), and with every
// `pattern` / `patternProperties` regex run by re2js, a linear-time engine (RE2's automata,
// in JavaScript): a hostile or careless `^(a+)+$` or `^(a|aa)+$` would otherwise hang the
// editor on one long value. Backreferences and lookaround have no linear-time match: such a
// pattern is refused.
// A schema that cannot be used is said once, on the `.prr.yaml` entry that names it.

import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { RE2JS } from 're2js';
import { AJV_OPTIONS } from './validators';
import { parseYaml } from '../yaml/parse';
import type { EngineIO } from '../runbook/types';

export interface CustomSchema {
  uri: string;
  /** The compiled schema; absent when the schema cannot be used (see `problem`). */
  validate?: ValidateFunction;
  /** The schema itself, for finding which properties it declares. */
  schema?: unknown;
  /** Why the schema is not used, as said on the `.prr.yaml` entry. */
  problem?: string;
}

/** Custom schemas by URI, recompiled only when a file's text changes. */
export class CustomSchemas {
  private readonly byUri = new Map<string, { text: string | undefined; loaded: CustomSchema }>();

  constructor(private readonly io: EngineIO | undefined) {}

  /** The schema at `uri` as its file reads now (the same object while the text stays the same). */
  load(uri: string): CustomSchema {
    if (/^https?:/i.test(uri)) return this.remember(uri, undefined, { uri, problem: 'a remote schema is not fetched: prr never uses the network; use a file in the repository' });
    if (!uri.startsWith('file:')) return this.remember(uri, undefined, { uri, problem: `\`${uri}\` is not a file path` });
    const text = this.io?.readFile(uri);
    const known = this.byUri.get(uri);
    if (known && known.text === text) return known.loaded;
    const loaded = text === undefined ? { uri, problem: 'the schema file does not exist or cannot be read' } : compile(uri, text);
    return this.remember(uri, text, loaded);
  }

  /** Whether `uri` was ever loaded as a custom schema (its change must re-check manifests). */
  has(uri: string): boolean {
    return this.byUri.has(uri);
  }

  private remember(uri: string, text: string | undefined, loaded: CustomSchema): CustomSchema {
    const known = this.byUri.get(uri);
    if (known && known.text === text && known.loaded.problem === loaded.problem && !loaded.validate) return known.loaded;
    this.byUri.set(uri, { text, loaded });
    return loaded;
  }
}

function compile(uri: string, text: string): CustomSchema {
  let schema: unknown;
  try {
    schema = parseSchemaText(uri, text);
  } catch (error) {
    return { uri, problem: `the schema file is not valid ${/\.json$/i.test(uri) ? 'JSON' : 'YAML'}: ${messageOf(error)}` };
  }
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return { uri, problem: 'the schema file does not hold a JSON Schema (an object)' };
  const remote = remoteRef(schema);
  // A schema without the part behind a remote $ref would check less than its author meant, silently: not used at all.
  if (remote) return { uri, problem: `remote $ref \`${remote}\` is not fetched: prr never uses the network; this schema is not used` };
  // Draft 2019-09/2020-12 meta-schemas are not bundled; ajv checks the schema as draft-07, which reads the common keywords alike.
  const copy: Record<string, unknown> = { ...(schema as Record<string, unknown>) };
  delete copy.$schema;
  let validate: ValidateFunction;
  try {
    validate = createUserAjv().compile(copy);
  } catch (error) {
    return { uri, problem: `not a usable JSON Schema: ${messageOf(error)}` };
  }
  // ajv compiles a schema whose $refs lead back to themselves without going into the value, and validating with it
  // then recurses until the stack is gone. Tried on an empty manifest here; custom-check.ts guards every other value.
  try {
    validate({ apiVersion: 'prr/v1', kind: 'ServiceReadiness', metadata: {}, spec: {} });
  } catch (error) {
    if (isStackOverflow(error)) return { uri, problem: SCHEMA_LOOPS };
    throw error;
  }
  return { uri, schema: copy, validate };
}

/** Why a schema whose validation never ends is not used. */
export const SCHEMA_LOOPS = 'its `$ref`s lead back to themselves without going into the value, so validating with it never ends';

/** V8's error for a recursion that used up the stack (and only that: other RangeErrors are bugs to see). */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

function parseSchemaText(uri: string, text: string): unknown {
  if (/\.json$/i.test(uri)) return JSON.parse(text.replace(/^\uFEFF/, ''));
  const parsed = parseYaml(text);
  if (parsed.refused) throw new Error(parsed.refused.message);
  const [document, ...more] = parsed.documents;
  if (more.length > 0) throw new Error('more than one YAML document');
  const error = document?.findings.find((f) => f.severity === 'error');
  if (error) throw new Error(`line ${error.range.start.line + 1}: ${error.message}`);
  return document?.value;
}

/** ajv as for the shipped schemas, but lenient about keywords it does not know, silent, and with bounded regexes. */
function createUserAjv(): Ajv {
  const ajv = new Ajv({ ...AJV_OPTIONS, strict: false, logger: false, code: { regExp: boundedRegExp } });
  addFormats(ajv);
  return ajv;
}

/** ajv's regex engine for user patterns: linear time in the value's length, whatever the pattern. */
const boundedRegExp = Object.assign(
  (pattern: string, flags: string): { test(value: string): boolean } => {
    try {
      return RE2JS.compile(pattern, flags.includes('i') ? RE2JS.CASE_INSENSITIVE : 0);
    } catch (error) {
      // A syntax error is JavaScript's to word; what is valid JavaScript but not RE2 is a feature prr does not run.
      new RegExp(pattern, flags);
      throw new Error(`pattern \`${pattern}\` uses a feature that cannot be matched in linear time (backreferences, lookahead or lookbehind), so prr does not run it: ${messageOf(error).replace(/^error parsing regexp: /, '')}`);
    }
  },
  { code: 're2js' },
);

/** The first `$ref` to `http://` or `https://` in the schema, if any. */
function remoteRef(schema: unknown): string | undefined {
  const stack: unknown[] = [schema];
  let visited = 0;
  while (stack.length > 0 && visited++ < 1_000_000) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    if (Array.isArray(node)) {
      stack.push(...node);
      continue;
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && /^https?:\/\//i.test(value)) return value;
      if (typeof value === 'object') stack.push(value);
    }
  }
  return undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
