// One file's budget items across its edits. Which SLO window a condition is judged against
// depends on the file's condition and link facts and on other files' links (workspace-links.ts);
// objectives and Sloth alerts depend only on themselves. While the condition and link facts
// say the same as at the last evaluation (an edited document's are new objects that usually
// say the same: its SLO still has its window and policies), the other files are as they were, and
// the configuration and the minute are the same, an edit changes only the items of the facts it
// re-extracted: those are evaluated, the others' items are taken from the last evaluation.
// A 50,000-line file has thousands of facts; one edit re-extracts a handful.

import type { BudgetFact } from './facts';
import { evaluateFact, linksOf, type BudgetItem, type BudgetSettings, type Links } from './evaluate';

interface State {
  /** The condition and link facts the links were built from (or ones that say the same), in order. */
  linking: readonly BudgetFact[];
  /** The index version that only this file's own updates have moved past. */
  version: number;
  config: unknown;
  minute: number;
  links: Links;
  items: WeakMap<BudgetFact, { item: BudgetItem | undefined }>;
}

export interface BudgetContext {
  settings: BudgetSettings;
  /** Identifies the configuration the settings came from. */
  config: unknown;
  minute: number;
  /** The index version now. */
  version: number;
  /** The file's facts with the links borrowed from other files (workspace-links.ts); asked only when needed. */
  linked(): readonly BudgetFact[];
}

export class FileBudgets {
  private readonly states = new Map<string, State>();

  items(uri: string, facts: readonly BudgetFact[], context: BudgetContext): BudgetItem[] {
    const linking = facts.filter((f) => f.type === 'condition' || f.type === 'slo-link' || f.type === 'policy-link');
    let state = this.states.get(uri);
    if (!state || state.version !== context.version || state.config !== context.config || state.minute !== context.minute || !sameLinking(state.linking, linking)) {
      state = { linking, version: context.version, config: context.config, minute: context.minute, links: linksOf(context.linked()), items: new WeakMap() };
      this.states.set(uri, state);
    } else {
      state.linking = linking; // the same in what matters: compare with these objects next time
    }
    const items: BudgetItem[] = [];
    for (const fact of facts) {
      let entry = state.items.get(fact);
      if (!entry) state.items.set(fact, (entry = { item: evaluateFact(fact, state.links, context.settings) }));
      if (entry.item) items.push(entry.item);
    }
    return items;
  }

  /** The index moved from `before` to `after` by an update of this file alone: what other files lent it still holds. */
  ownUpdate(uri: string, before: number, after: number): void {
    const state = this.states.get(uri);
    if (state?.version === before) state.version = after;
  }

  forget(uri: string): void {
    this.states.delete(uri);
  }
}

function sameLinking(a: readonly BudgetFact[], b: readonly BudgetFact[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && linkingOf(a[i]) !== linkingOf(b[i])) return false;
  return true;
}

/** What of a condition or link fact decides the links (evaluate.ts linksOf, windowFor; workspace-links.ts). */
function linkingOf(fact: BudgetFact): string {
  if (fact.type === 'condition') return JSON.stringify(['c', fact.name, fact.inPolicy]);
  if (fact.type === 'slo-link' || fact.type === 'policy-link') return JSON.stringify([fact.type, fact.name, fact.refs, fact.window]);
  return '';
}
