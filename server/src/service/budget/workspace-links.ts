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
  const borrowed = new Set<LinkFact>();
  const policies = new Set<string>();
  for (const fact of facts) if (fact.type === 'policy-link') policies.add(fact.name);
  for (const condition of conditions) {
    if (condition.type !== 'condition') continue;
    if (condition.inPolicy) policies.add(condition.inPolicy);
    if (!condition.name) continue;
    for (const link of linksIn(source, uri, 'AlertCondition', condition.name, 'policy-link')) {
      borrowed.add(link);
      policies.add(link.name);
    }
  }
  for (const policy of policies) for (const link of linksIn(source, uri, 'AlertPolicy', policy, 'slo-link')) borrowed.add(link);
  return borrowed.size === 0 ? facts : [...facts, ...borrowed];
}

function linksIn(source: WorkspaceLinkSource, self: string, kind: string, name: string, type: LinkFact['type']): LinkFact[] {
  const links: LinkFact[] = [];
  for (const uri of source.filesNaming(kind, name)) {
    if (uri === self) continue;
    for (const fact of source.factsOf(uri) ?? []) {
      if (fact.type === type && fact.refs.includes(name)) links.push(fact);
    }
  }
  return links;
}
