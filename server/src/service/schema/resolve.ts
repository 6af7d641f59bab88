// Reduces ajv's raw error list to one error per problem: of the branches of an
// `anyOf`/`oneOf`, only the one the document evidently meant is kept, and
// `if`/`then` wrappers give way to the errors inside them.

import type { ErrorObject } from 'ajv';
import { nearest } from './suggest';
import { aliasOf } from './validators';

export type AjvError = ErrorObject<string, Record<string, unknown>, unknown>;

/** A synthetic error for "exactly one of these keys" constraints written as oneOf of `required`. */
export interface KeyChoiceError {
  keyword: 'keyChoice';
  instancePath: string;
  /** Where the combinator it replaces sits, so wrappers around it (if/then) give way to it. */
  schemaPath: string;
  keys: string[];
  /** How many of `keys` the object has. */
  present: string[];
  /** Other ways to satisfy the choice that are not a key, as their branches' descriptions (e.g. a composite SLO's). */
  alternatives?: string[];
}

/** A key forbidden by a `"key": false` schema, with the condition that forbids it when there is one. */
export interface NotAllowedError {
  keyword: 'notAllowed';
  instancePath: string;
  keys: string[];
  /** e.g. "`isRolling` is `true`", "`target` is given" */
  condition?: string;
  /** What to do instead (the `then` schema's description), when the schema says; else "remove one or the other". */
  remedy?: string;
}

export type ResolvedError = AjvError | KeyChoiceError | NotAllowedError;

export function resolveErrors(errors: readonly AjvError[], options: { unknownKeysTolerated?: boolean } = {}): ResolvedError[] {
  let remaining: ResolvedError[] = [...errors];
  const combinators = errors
    .filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf')
    .sort((a, b) => a.schemaPath.length - b.schemaPath.length);
  for (const combinator of combinators) {
    if (!remaining.includes(combinator)) continue; // inside a branch already dropped
    remaining = resolveCombinator(combinator, remaining);
  }
  remaining = forbiddenKeys(remaining);
  remaining = remaining.filter((e) => !(isAjv(e) && e.keyword === 'if' && hasInner(e, remaining)));
  // propertyNames wraps the real error about the key; the inner one says what is wrong.
  remaining = remaining.filter((e) => !(isAjv(e) && e.keyword === 'propertyNames' && remaining.some((o) => o !== e && isAjv(o) && o.propertyName === e.params.propertyName)));
  if (!options.unknownKeysTolerated) remaining = dropMisspelledRequired(remaining);
  // A value of the wrong type fails its enum/format/range too; the type error says it all.
  const wrongType = new Set(remaining.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  return remaining.filter((e) => e.keyword === 'type' || !wrongType.has(e.instancePath) || !isAjv(e) || isContainerKeyword(e));
}

/**
 * `"key": false` errors (ajv: "boolean schema is false") become one "not allowed" error per
 * object and condition. Inside `if`/`then`, the `if` says when the key is forbidden.
 */
function forbiddenKeys(errors: ResolvedError[]): ResolvedError[] {
  const groups = new Map<string, NotAllowedError>();
  const rest: ResolvedError[] = [];
  const usedWrappers = new Set<ResolvedError>();
  for (const e of errors) {
    if (!isAjv(e) || e.keyword !== 'false schema') {
      rest.push(e);
      continue;
    }
    const key = e.instancePath.slice(e.instancePath.lastIndexOf('/') + 1).replace(/~1/g, '/').replace(/~0/g, '~');
    const parent = e.instancePath.slice(0, e.instancePath.lastIndexOf('/'));
    // The innermost `then` around the false schema, whose `if` may sit on an object above this one
    // (spec.indicator forbids spec.objectives[*].ratioMetrics).
    const cut = e.schemaPath.lastIndexOf('/then/');
    const ifPath = cut < 0 ? undefined : `${e.schemaPath.slice(0, cut)}/if`;
    const wrapper = errors.find((o): o is AjvError => isAjv(o) && o.keyword === 'if' && o.schemaPath === ifPath && (parent === o.instancePath || parent.startsWith(`${o.instancePath}/`)));
    if (wrapper) usedWrappers.add(wrapper);
    const conditional = wrapper?.parentSchema as { if?: unknown; then?: { description?: unknown } } | undefined;
    const condition = describeCondition(conditional?.if);
    const remedy = typeof conditional?.then?.description === 'string' ? conditional.then.description : undefined;
    const id = `${parent}\u0000${condition ?? ''}`;
    const group = groups.get(id);
    if (group) group.keys.push(key);
    else groups.set(id, { keyword: 'notAllowed', instancePath: parent, keys: [key], ...(condition ? { condition } : {}), ...(remedy ? { remedy } : {}) });
  }
  return [...rest.filter((e) => !usedWrappers.has(e)), ...groups.values()];
}

/** Words for an `if` schema: its description, or words for its `required` keys and `const` values. */
function describeCondition(schema: unknown): string | undefined {
  if (typeof schema !== 'object' || schema === null) return undefined;
  const { required, properties, description } = schema as { required?: unknown; properties?: Record<string, unknown>; description?: unknown };
  if (typeof description === 'string') return description;
  if (!Array.isArray(required) || required.length === 0) return undefined;
  return required
    .map((key) => {
      const sub = properties?.[String(key)] as { const?: unknown } | undefined;
      return sub && typeof sub === 'object' && 'const' in sub ? `\`${String(key)}\` is \`${JSON.stringify(sub.const).replace(/^"|"$/g, '')}\`` : `\`${String(key)}\` is given`;
    })
    .join(' and ');
}

/**
 * `budgetingMetod: x` is one problem, not two: the unknown key's did-you-mean names the missing
 * required key, so the `required` error adds nothing. So is a known alias (`targetPercent` for
 * v1alpha's `target`), whose message says what to write.
 */
function dropMisspelledRequired(errors: ResolvedError[]): ResolvedError[] {
  const misspelt = new Set<string>();
  for (const e of errors) {
    if (!isAjv(e) || e.keyword !== 'additionalProperties') continue;
    const allowed = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
    const written = String(e.params.additionalProperty);
    const meant = aliasOf(e.parentSchema, written)?.for ?? nearest(written, allowed);
    if (meant !== undefined) misspelt.add(`${e.instancePath}\u0000${meant}`);
  }
  if (misspelt.size === 0) return errors;
  const meant = (e: ResolvedError, key: string) => misspelt.has(`${e.instancePath}\u0000${key}`);
  return errors.filter((e) => {
    if (isAjv(e)) return !(e.keyword === 'required' && meant(e, String(e.params.missingProperty)));
    return !(isKeyChoice(e) && e.present.length === 0 && e.keys.some((k) => k.split('+').some((key) => meant(e, key))));
  });
}

/** Keywords about an object's members, which stay meaningful whatever its type. */
function isContainerKeyword(e: AjvError): boolean {
  return e.keyword === 'required' || e.keyword === 'additionalProperties';
}

function resolveCombinator(combinator: AjvError, errors: ResolvedError[]): ResolvedError[] {
  const prefix = `${combinator.schemaPath}/`;
  const branches = new Map<number, AjvError[]>();
  for (const e of errors) {
    if (!isAjv(e) || !e.schemaPath.startsWith(prefix) || !e.instancePath.startsWith(combinator.instancePath)) continue;
    const index = Number(e.schemaPath.slice(prefix.length).split('/')[0]);
    branches.set(index, [...(branches.get(index) ?? []), e]);
  }
  const inBranches = new Set([...branches.values()].flat());
  const others = errors.filter((e) => e !== combinator && !inBranches.has(e as AjvError));
  const choice = keyChoice(combinator);
  if (choice) return [...others, ...choice];
  if (branches.size === 0) return [...others, combinator];
  return [...others, ...bestBranch(branches)];
}

/** Picks the branch with the fewest errors; among equals, the one whose errors lie deepest. */
function bestBranch(branches: Map<number, AjvError[]>): AjvError[] {
  let best: AjvError[] = [];
  let bestScore = Infinity;
  for (const branchErrors of branches.values()) {
    const depth = Math.max(...branchErrors.map((e) => e.instancePath.split('/').length));
    const discriminates = branchErrors.some((e) => e.keyword === 'const' || e.keyword === 'type' && e.instancePath === '');
    const score = branchErrors.length * 100 - depth + (discriminates ? 10_000 : 0);
    if (score < bestScore) {
      bestScore = score;
      best = branchErrors;
    }
  }
  return best;
}

/**
 * `oneOf`/`anyOf` of branches that only require keys (`[{required: [a]}, {required: [b]}]`)
 * reads best as "one of a, b". A branch of several keys is a form (`kind`, `metadata`, `spec`
 * of an inline object); when the object has some of a form's keys, that form was meant and
 * its missing keys are reported as such.
 */
function keyChoice(combinator: AjvError): ResolvedError[] | undefined {
  const branches = combinator.schema;
  if (!Array.isArray(branches)) return undefined;
  const forms: string[][] = [];
  const alternatives: string[] = [];
  for (const branch of branches as Record<string, unknown>[]) {
    const extra = Object.keys(branch).filter((k) => !['required', 'description', '$comment', 'properties'].includes(k));
    const onlyTrue = Object.values((branch.properties ?? {}) as Record<string, unknown>).every((v) => v === true);
    if (extra.length > 0 || !Array.isArray(branch.required) || branch.required.length === 0) return undefined;
    if (!onlyTrue) {
      // A branch with conditions on its keys joins an anyOf's choice only as the words its description gives.
      if (combinator.keyword !== 'anyOf' || typeof branch.description !== 'string') return undefined;
      alternatives.push(branch.description);
      continue;
    }
    forms.push(branch.required.map(String));
  }
  if (forms.length === 0) return undefined;
  const data = combinator.data;
  const has = (k: string) => typeof data === 'object' && data !== null && k in data;
  const present = forms.flat().filter(has);
  if (combinator.keyword === 'oneOf' && forms.every((f) => f.length === 1) && present.length > 1) {
    return [{ keyword: 'keyChoice', instancePath: combinator.instancePath, schemaPath: combinator.schemaPath, keys: forms.flat(), present }];
  }
  const partial = forms.filter((f) => f.length > 1 && f.some(has)).sort((a, b) => b.filter(has).length - a.filter(has).length)[0];
  if (partial) {
    return partial.filter((k) => !has(k)).map((missingProperty) => ({ ...combinator, keyword: 'required', params: { missingProperty }, schemaPath: `${combinator.schemaPath}/required` }));
  }
  if (present.length > 0) return undefined; // some form is complete: the problem lies elsewhere
  const keys = forms.map((f) => (f.length === 1 ? f[0] : f.join('+')));
  return [{ keyword: 'keyChoice', instancePath: combinator.instancePath, schemaPath: combinator.schemaPath, keys, present: [], ...(alternatives.length > 0 ? { alternatives } : {}) }];
}

function hasInner(wrapper: AjvError, errors: readonly ResolvedError[]): boolean {
  const base = wrapper.schemaPath.replace(/\/if$/, '');
  return errors.some((e) => e !== wrapper && 'schemaPath' in e && e.schemaPath.startsWith(`${base}/`) && e.keyword !== 'if');
}

export function isAjv(e: ResolvedError): e is AjvError {
  return 'params' in e;
}

export function isKeyChoice(e: ResolvedError): e is KeyChoiceError {
  return !isAjv(e) && e.keyword === 'keyChoice';
}

export function isNotAllowed(e: ResolvedError): e is NotAllowedError {
  return !isAjv(e) && e.keyword === 'notAllowed';
}
