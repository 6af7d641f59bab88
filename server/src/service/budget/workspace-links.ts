// OpenSLO often keeps SLOs, AlertPolicies and AlertConditions in separate files (OpenSLO's own
// go-sdk examples do). A condition whose SLO is not in its file learns it through the workspace
// index: the files that refer to the condition by name hold its policies, and the files that
// refer to those policies hold the SLOs whose windows it is judged against. Only the link facts
// (names and windows) of those files are borrowed; nothing of theirs is reported here.

import type { BudgetFact, LinkFact } from './facts';

export interface WorkspaceLinkSource {
  /** Files that refer to (or define) an object of this kind and name. */
  filesNaming(kind: string, name: string): readonly string[];
  /** The budget facts of an indexed file, from its last check. */
  factsOf(uri: string): readonly BudgetFact[] | undefined;
}

/** `facts`, plus the policy and SLO links of other files that name this file's conditions and policies. */
export function withWorkspaceLinks(uri: string, facts: readonly BudgetFact[], source: WorkspaceLinkSource): readonly BudgetFact[] {
  const conditions = facts.filter((f) => f.type === 'condition');
  if (conditions.length === 0) return facts;
  const own = linksByRef(facts);
  const borrowed = new Set<LinkFact>();
  const policies = new Set<string>();
  /** The files a borrowed policy link came from: an SLO's inline policy is no indexed object, and its SLO is in that file. */
  const policyFiles = new Map<string, Set<string>>();
  for (const condition of conditions) {
    const inFile = [...(condition.inPolicy ? [condition.inPolicy] : []), ...(condition.name ? (own.get(key('policy-link', condition.name)) ?? []).map((p) => p.name) : [])];
    // The common case — the SLO in the same file — needs no other file.
    if (inFile.some((policy) => (own.get(key('slo-link', policy)) ?? []).some((slo) => slo.window))) continue;
    for (const policy of inFile) policies.add(policy);
    if (!condition.name) continue;
    for (const { link, file } of linksIn(source, uri, source.filesNaming('AlertCondition', condition.name), condition.name, 'policy-link')) {
      borrowed.add(link);
      policies.add(link.name);
      const files = policyFiles.get(link.name) ?? new Set<string>();
      policyFiles.set(link.name, files.add(file));
    }
  }
  for (const policy of policies) {
    const files = new Set([...source.filesNaming('AlertPolicy', policy), ...(policyFiles.get(policy) ?? [])]);
    for (const { link } of linksIn(source, uri, files, policy, 'slo-link')) borrowed.add(link);
  }
  return borrowed.size === 0 ? facts : [...facts, ...borrowed];
}

function linksIn(source: WorkspaceLinkSource, self: string, files: Iterable<string>, name: string, type: LinkFact['type']): { link: LinkFact; file: string }[] {
  const links: { link: LinkFact; file: string }[] = [];
  for (const file of files) {
    const facts = file === self ? undefined : source.factsOf(file);
    for (const link of facts ? linksByRef(facts).get(key(type, name)) ?? [] : []) links.push({ link, file });
  }
  return links;
}

/**
 * A file's link facts by the name they refer to. Facts never change once extracted, so the map is
 * kept per fact list (weakly: it goes with the list), and a file's links are sorted out once, not
 * once per condition that looks at them.
 */
const byRef = new WeakMap<readonly BudgetFact[], Map<string, LinkFact[]>>();

function linksByRef(facts: readonly BudgetFact[]): Map<string, LinkFact[]> {
  let map = byRef.get(facts);
  if (map) return map;
  map = new Map();
  for (const fact of facts) {
    if (fact.type !== 'slo-link' && fact.type !== 'policy-link') continue;
    for (const ref of fact.refs) {
      const k = key(fact.type, ref);
      const list = map.get(k);
      if (list) list.push(fact);
      else map.set(k, [fact]);
    }
  }
  byRef.set(facts, map);
  return map;
}

function key(type: LinkFact['type'], name: string): string {
  return `${type}\u0000${name}`;
}

/**
 * The index keys of the policies and conditions a file's objects name: when its SLOs or policies
 * change, the files holding those are the ones whose budget numbers may change with them.
 */
export function alertLinkKeys(entities: readonly { refs: readonly { targetKind: string; name: string }[] }[]): string[] {
  const keys: string[] = [];
  for (const entity of entities) {
    for (const ref of entity.refs) {
      // WorkspaceIndex's key for an object's name (its nameKey).
      if (ref.targetKind === 'AlertPolicy' || ref.targetKind === 'AlertCondition') keys.push(`name:${ref.targetKind}:${ref.name}`);
    }
  }
  return keys;
}
