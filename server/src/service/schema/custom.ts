// Custom schemas (`schemas:` in `.prr.yaml`): JSON Schema files a team adds for its own
// manifest fields. They are user files, so nothing about them may hurt: each is read
// through the engine's io (never the network), compiled once per text in an ajv of its own
// (a user schema's `$id` cannot clash with ours), with unknown keywords tolerated (a schema
// written for another validator should still check what ajv understands), and with every
// `pattern` / `patternProperties` regex run by re2js, a linear-time engine (RE2's automata,
// in JavaScript): a hostile or careless `^(a+)+$` or `^(a|aa)+$` would otherwise hang the
// editor on one long value. Backreferences and lookaround have no linear-time match: such a
// pattern is refused.
// A `$ref` to another file is followed when the file is local (relative to the schema that
// refers to it), up to MAX_FILES files; a change to any of them compiles the schema again.
// A schema that cannot be used is said once, on the `.prr.yaml` entry that names it.

import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { RE2JS } from 're2js';
import { AJV_OPTIONS } from './validators';
import { parseYaml } from '../yaml/parse';
import type { EngineIO } from '../runbook/types';
import { relativePath } from '../uri';
import { SchemaStore, type SchemaAt } from './navigate';
import { isObject } from '../kinds';

export interface CustomSchema {
  uri: string;
  /** The compiled schema; absent when the schema cannot be used (see `problem`). */
  validate?: ValidateFunction;
  /** The schema itself, for finding which properties it declares. */
  schema?: unknown;
  /** Why the schema is not used, as said on the `.prr.yaml` entry. */
  problem?: string;
  /** The schema and the files its `$ref`s reach, by their URIs (every `$ref` to a file made absolute), for following `$ref`s. */
  store?: SchemaStore;
}

/** At most this many files a custom schema's `$ref`s may reach (itself included). */
export const MAX_FILES = 50;

/** A schema file's text as read, and the files its `$ref`s reached with theirs (undefined: unreadable). */
type Texts = Map<string, string | undefined>;

/** Custom schemas by URI, recompiled only when the text of the schema or of a file it refers to changes. */
export class CustomSchemas {
  private readonly byUri = new Map<string, { texts: Texts; loaded: CustomSchema }>();
  /** Every file read for a custom schema: a change to one re-checks the manifests. */
  private readonly read = new Set<string>();

  constructor(private readonly io: EngineIO | undefined) {}

  /** The schema at `uri` as its files read now (the same object while their texts stay the same). */
  load(uri: string): CustomSchema {
    if (/^https?:/i.test(uri)) return this.remember(uri, new Map(), { uri, problem: 'a remote schema is not fetched: prr never uses the network; use a file in the repository' });
    if (!uri.startsWith('file:')) return this.remember(uri, new Map(), { uri, problem: `\`${uri}\` is not a file path` });
    const known = this.byUri.get(uri);
    if (known && [...known.texts].every(([file, text]) => this.io?.readFile(file) === text)) return known.loaded;
    const texts: Texts = new Map();
    const readFile = (file: string) => {
      const text = this.io?.readFile(file);
      texts.set(file, text);
      this.read.add(file);
      return text;
    };
    const text = readFile(uri);
    const loaded = text === undefined ? { uri, problem: 'the schema file does not exist or cannot be read' } : compile(uri, text, readFile);
    return this.remember(uri, texts, loaded);
  }

  /**
   * What hover and completion need of the schemas at `uris`: where each usable one starts, and `shipped` with their
   * files added, for their `$ref`s.
   */
  forEditor(uris: readonly string[], shipped: SchemaStore): { starts: SchemaAt[]; store: SchemaStore } {
    const starts: SchemaAt[] = [];
    let store = shipped;
    for (const uri of uris) {
      const { schema, store: own } = this.load(uri);
      if (!isObject(schema) || !own) continue;
      starts.push({ schema, root: schema, conditional: false });
      store = store.with(own);
    }
    return { starts, store };
  }

  /** Whether `uri` was ever read for a custom schema, as one or through a `$ref` (its change must re-check manifests). */
  has(uri: string): boolean {
    return this.read.has(uri) || this.byUri.has(uri);
  }

  private remember(uri: string, texts: Texts, loaded: CustomSchema): CustomSchema {
    const known = this.byUri.get(uri);
    const same = known && known.texts.size === texts.size && [...texts].every(([file, text]) => known.texts.get(file) === text);
    if (known && same && known.loaded.problem === loaded.problem && !loaded.validate) return known.loaded;
    this.byUri.set(uri, { texts, loaded });
    return loaded;
  }
}

function compile(uri: string, text: string, readFile: (uri: string) => string | undefined): CustomSchema {
  const files = new Map<string, Record<string, unknown>>();
  const pending: { uri: string; text: string; from?: { uri: string; ref: string } }[] = [{ uri, text }];
  for (let next = pending.shift(); next; next = pending.shift()) {
    let schema: unknown;
    const what = next.from ? `\`${relativePath(uri, next.uri)}\` (from \`$ref\` \`${next.from.ref}\`)` : 'the schema file';
    try {
      schema = parseSchemaText(next.uri, next.text);
    } catch (error) {
      return { uri, problem: `${what} is not valid ${/\.json$/i.test(next.uri) ? 'JSON' : 'YAML'}: ${messageOf(error)}` };
    }
    if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return { uri, problem: `${what} does not hold a JSON Schema (an object)` };
    let refs: ReturnType<typeof fileRefs>;
    try {
      refs = fileRefs(schema, next.uri);
    } catch (error) {
      if (isStackOverflow(error)) return { uri, problem: `${what} nests too deeply to be used` };
      throw error;
    }
    // A schema without the part behind a remote $ref would check less than its author meant, silently: not used at all.
    if (refs.remote) return { uri, problem: `remote $ref \`${refs.remote}\` is not fetched: prr never uses the network; this schema is not used` };
    files.set(next.uri, refs.schema);
    for (const { target, ref } of refs.files) {
      if (files.has(target) || pending.some((p) => p.uri === target)) continue;
      if (files.size + pending.length >= MAX_FILES) return { uri, problem: `its \`$ref\`s reach more than ${MAX_FILES} files` };
      const referenced = readFile(target);
      const holder = next.uri === uri ? '' : ` in \`${relativePath(uri, next.uri)}\``;
      if (referenced === undefined) return { uri, problem: `\`$ref\` \`${ref}\`${holder} names \`${relativePath(uri, target)}\`, which does not exist or cannot be read` };
      pending.push({ uri: target, text: referenced, from: { uri: next.uri, ref } });
    }
  }
  const root = files.get(uri) as Record<string, unknown>;
  const ajv = createUserAjv();
  let validate: ValidateFunction;
  try {
    for (const [file, schema] of files) if (file !== uri) ajv.addSchema(schema);
    validate = ajv.compile(root);
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
  return { uri, schema: root, validate, store: new SchemaStore([...files.values()]) };
}

/**
 * A copy of `schema` for the file at `base`: its `$id` the file's URI, no `$schema` (draft 2019-09/2020-12 meta-schemas
 * are not bundled; ajv reads the common keywords alike as draft-07), and every `$ref` to another file made absolute —
 * with the files it names, and the first `$ref` to `http(s)://`, if any.
 */
function fileRefs(schema: object, base: string): { schema: Record<string, unknown>; files: { target: string; ref: string }[]; remote?: string } {
  const files: { target: string; ref: string }[] = [];
  let remote: string | undefined;
  let visited = 0;
  const copy = (node: unknown): unknown => {
    if (visited++ > 1_000_000 || typeof node !== 'object' || node === null) return node;
    if (Array.isArray(node)) return node.map(copy);
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && !value.startsWith('#')) {
        if (/^https?:\/\//i.test(value)) remote ??= value;
        const hash = value.indexOf('#');
        const target = resolveFile(hash < 0 ? value : value.slice(0, hash), base);
        if (target) {
          files.push({ target, ref: value });
          out[key] = hash < 0 ? target : target + value.slice(hash);
          continue;
        }
      }
      out[key] = copy(value);
    }
    return out;
  };
  const root = copy(schema) as Record<string, unknown>;
  delete root.$schema;
  root.$id = base;
  return { schema: root, files, ...(remote ? { remote } : {}) };
}

/** A `$ref`'s file part resolved against the file that holds it: a `file:` URI, or undefined (a URN, a remote URL). */
function resolveFile(path: string, base: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) && !/^file:/i.test(path)) return undefined;
  try {
    const url = new URL(path, base);
    return url.protocol === 'file:' ? url.href : undefined;
  } catch {
    return undefined;
  }
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

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
