// The report's one line per SLO: the error budget of each of its objectives and how its alerts
// cover it — the share of the budget spent before each burn-rate alert fires, at its own
// threshold (for Sloth's two windows per alert, the fastest and the slowest; docs/error-budget.md).
// Alerts count wherever they are: in the SLO's file, or in the files of the AlertPolicies and
// AlertConditions it names (found through the workspace index). Only SLO references that
// resolve to one SLO get a line.

import type { ReportLocation, SloBudgetLine } from '../../protocol/report';
import type { AlertBudget, BudgetItem } from '../budget/evaluate';
import { formatPercent } from '../budget/duration';
import { isObject } from '../kinds';
import type { WorkspaceIndex } from '../workspace/index';
import type { CheckContext } from './types';

export interface BudgetSources {
  index: WorkspaceIndex;
  /** The budget items of an indexed file. */
  budgets(uri: string): readonly BudgetItem[];
  location(uri: string, item: BudgetItem): ReportLocation;
}

export function sloBudgetLines(context: CheckContext, sources: BudgetSources): SloBudgetLine[] {
  const slos = context.get(['spec', 'slos']);
  if (!Array.isArray(slos)) return [];
  const lines: SloBudgetLine[] = [];
  for (const entry of slos) {
    if (!isObject(entry) || typeof entry.ref !== 'string' || entry.ref === '') continue;
    const resolved = context.slo(entry.ref, typeof entry.file === 'string' ? entry.file : undefined);
    if (resolved.state !== 'valid' && resolved.state !== 'invalid') continue;
    const objectives = sources.budgets(resolved.uri).filter((i) => i.type === 'objective' && i.fact.slo === entry.ref);
    if (objectives.length === 0) continue;
    const alerts: AlertBudget[] = [];
    for (const uri of alertFiles(sources.index, resolved.uri, entry.ref)) {
      for (const item of sources.budgets(uri)) if (item.type === 'alert' && item.sloName === entry.ref) alerts.push(item);
    }
    const budget = objectives.map((o) => o.text).join('; ');
    lines.push({ slo: entry.ref, line: `${budget}; ${coverage(alerts)}`, location: sources.location(resolved.uri, objectives[0]) });
  }
  return lines;
}

/** The SLO's file, and the files that hold the policies it names and the conditions those name. */
function alertFiles(index: WorkspaceIndex, sloUri: string, slo: string): string[] {
  const files = new Set([sloUri]);
  const sloEntity = index.entitiesOf(sloUri).find((e) => e.kind === 'SLO' && e.name === slo);
  const conditions = new Set<string>();
  for (const ref of sloEntity?.refs ?? []) {
    if (ref.targetKind === 'AlertCondition') conditions.add(ref.name);
    if (ref.targetKind !== 'AlertPolicy') continue;
    for (const policy of index.find('AlertPolicy', ref.name, ['openslo'])) {
      files.add(policy.uri);
      for (const c of policy.refs) if (c.targetKind === 'AlertCondition') conditions.add(c.name);
    }
  }
  for (const name of conditions) for (const condition of index.find('AlertCondition', name, ['openslo'])) files.add(condition.uri);
  return [...files];
}

/** `alerts fire after page 2.21 %, ticket 10.9 % of the budget is spent`, or that none are linked. */
function coverage(alerts: readonly AlertBudget[]): string {
  if (alerts.length === 0) return 'no burn-rate alerts';
  const parts = alerts.map((a) => {
    const who = a.fact.type === 'sloth-alert' ? a.fact.severity : a.fact.severity ?? 'alert';
    // Ends that read the same (9.99 % and 10 % both show as `10 %`) are one value, not `10–10 %`.
    const [low, high] = (a.spentRange ?? []).map(formatPercent);
    if (low !== undefined && high !== undefined) return low === high ? `${who} ${low}` : `${who} ${low.replace(' %', '')}–${high}`;
    return a.spentShare === undefined ? `${who} (lookback unknown)` : `${who} ${formatPercent(a.spentShare)}`;
  });
  return `alerts fire after ${parts.join(', ')} of the budget is spent`;
}
