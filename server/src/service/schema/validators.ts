// Compiles the shipped JSON Schemas with ajv, once per engine, and hands out validators by reference.

import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

export type SchemaSet = readonly object[];

/**
 * Strict mode catches unknown keywords and type slips in our schemas. `strictRequired` is off
 * because it rejects the idiom `oneOf: [{required: [a]}, {required: [b]}]` ("exactly one of").
 * verbose: errors carry the failing (sub)schema and data, which the messages need.
 */
export const AJV_OPTIONS = { allErrors: true, verbose: true, strict: true, strictRequired: false, discriminator: true } as const;

/**
 * Our one annotation keyword: keys people carry over from another format or version, each with the
 * key it stands for and what to say (`targetPercent` in OpenSLO v1alpha, which has only `target`).
 */
export const ALIASES_KEYWORD = 'x-prr-aliases';
export type Aliases = Readonly<Record<string, { for: string; hint: string }>>;

/** ajv as the engine (and the tests of the shipped schemas) compile them. */
export function createAjv(): Ajv {
  const ajv = new Ajv(AJV_OPTIONS);
  addFormats(ajv);
  ajv.addKeyword(ALIASES_KEYWORD);
  return ajv;
}

/** The alias entry for `key` in `schema`, if the schema has one. */
export function aliasOf(schema: unknown, key: string): Aliases[string] | undefined {
  const aliases = (schema as Record<string, unknown> | undefined)?.[ALIASES_KEYWORD] as Aliases | undefined;
  return aliases && Object.hasOwn(aliases, key) ? aliases[key] : undefined;
}

export class Validators {
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(schemas: SchemaSet) {
    this.ajv = createAjv();
    for (const schema of schemas) this.ajv.addSchema(schema);
  }

  /** The validator for `ref` (a schema `$id`, optionally with a `#/definitions/...` fragment). */
  get(ref: string): ValidateFunction {
    let validate = this.compiled.get(ref);
    if (!validate) {
      validate = this.ajv.getSchema(ref);
      if (!validate) throw new Error(`no schema shipped for ${ref}`);
      this.compiled.set(ref, validate);
    }
    return validate;
  }
}
