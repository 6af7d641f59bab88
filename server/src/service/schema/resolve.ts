// Reduces ajv's raw error list to one error per problem: of the branches of an
// `anyOf`/`oneOf`, only the one the document evidently meant is kept, and
// `if`/`then` wrappers give way to the errors inside them.

import type { ErrorObject } from 'ajv';
import { nearest } from './suggest';

export type AjvError = ErrorObject<string, Record<string, unknown>, unknown>;

/** A synthetic error for "exactly one of these keys" constraints written as oneOf of `required`. */
export interface KeyChoiceError {
  keyword: 'keyChoice';
  instancePath: string;
  keys: string[];
  /** How many of `keys` the object has. */
  present: string[];
}

export type ResolvedError = AjvError | KeyChoiceError;

export function resolveErrors(errors: readonly AjvError[]): ResolvedError[] {
  let remaining: ResolvedError[] = [...errors];
  const combinators = errors
    .filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf')
    .sort((a, b) => a.schemaPath.length - b.schemaPath.length);
  for (const combinator of combinators) {
    if (!remaining.includes(combinator)) continue; // inside a branch already dropped
    remaining = resolveCombinator(combinator, remaining);
  }
  remaining = remaining.filter((e) => !(isAjv(e) && e.keyword === 'if' && hasInner(e, remaining)));
  remaining = dropMisspelledRequired(remaining);
  // A value of the wrong type fails its enum/format/range too; the type error says it all.
  const wrongType = new Set(remaining.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  return remaining.filter((e) => e.keyword === 'type' || !wrongType.has(e.instancePath) || !isAjv(e) || isContainerKeyword(e));
}

/**
 * `budgetingMetod: x` is one problem, not two: the unknown key's did-you-mean names the missing
 * required key, so the `required` error adds nothing.
 */
function dropMisspelledRequired(errors: ResolvedError[]): ResolvedError[] {
  const misspelt = new Set<string>();
  for (const e of errors) {
    if (!isAjv(e) || e.keyword !== 'additionalProperties') continue;
    const allowed = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
    const meant = nearest(String(e.params.additionalProperty), allowed);
    if (meant !== undefined) misspelt.add(`${e.instancePath}\u0000${meant}`);
  }
  if (misspelt.size === 0) return errors;
  return errors.filter((e) => !(isAjv(e) && e.keyword === 'required' && misspelt.has(`${e.instancePath}\u0000${String(e.params.missingProperty)}`)));
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
  if (choice) return [...others, choice];
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

/** `oneOf: [{required: [a]}, {required: [b]}]` reads best as "exactly one of a, b". */
function keyChoice(combinator: AjvError): KeyChoiceError | undefined {
  const branches = combinator.schema;
  if (combinator.keyword !== 'oneOf' || !Array.isArray(branches)) return undefined;
  const keys: string[] = [];
  for (const branch of branches as Record<string, unknown>[]) {
    const extra = Object.keys(branch).filter((k) => !['required', 'description', '$comment'].includes(k));
    if (extra.length > 0 || !Array.isArray(branch.required) || branch.required.length !== 1) return undefined;
    keys.push(String(branch.required[0]));
  }
  const data = combinator.data;
  const present = data && typeof data === 'object' ? keys.filter((k) => k in data) : [];
  return { keyword: 'keyChoice', instancePath: combinator.instancePath, keys, present };
}

function hasInner(wrapper: AjvError, errors: readonly ResolvedError[]): boolean {
  const base = wrapper.schemaPath.replace(/\/if$/, '');
  return errors.some((e) => e !== wrapper && isAjv(e) && e.schemaPath.startsWith(`${base}/`) && e.keyword !== 'if');
}

export function isAjv(e: ResolvedError): e is AjvError {
  return 'schemaPath' in e;
}
