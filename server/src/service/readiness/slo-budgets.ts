// The report's one line per SLO: the error budget of each of its objectives and how its alerts
// cover it — the share of the budget spent before each burn-rate alert fires, at its own
// threshold (for Sloth's two windows per alert, the fastest and the slowest; docs/error-budget.md). Only SLO references that resolve to one SLO get a line.

import type { ReportLocation, SloBudgetLine } from '../../protocol/report';
import type { AlertBudget, BudgetItem } from '../budget/evaluate';
import { formatPercent } from '../budget/duration';
import { isObject } from '../kinds';
import type { CheckContext } from './types';

export function sloBudgetLines(context: CheckContext, budgetsOf: (uri: string) => readonly BudgetItem[], location: (uri: string, item: BudgetItem) => ReportLocation): SloBudgetLine[] {
  const slos = context.get(['spec', 'slos']);
  if (!Array.isArray(slos)) return [];
  const lines: SloBudgetLine[] = [];
  for (const entry of slos) {
    if (!isObject(entry) || typeof entry.ref !== 'string' || entry.ref === '') continue;
    const resolved = context.slo(entry.ref, typeof entry.file === 'string' ? entry.file : undefined);
    if (resolved.state !== 'valid' && resolved.state !== 'invalid') continue;
    const items = budgetsOf(resolved.uri);
    const objectives = items.filter((i) => i.type === 'objective' && i.fact.slo === entry.ref);
    if (objectives.length === 0) continue;
    const alerts = items.filter((i): i is AlertBudget => i.type === 'alert' && i.sloName === entry.ref);
    const budget = objectives.map((o) => o.text).join('; ');
    lines.push({ slo: entry.ref, line: `${budget}; ${coverage(alerts)}`, location: location(resolved.uri, objectives[0]) });
  }
  return lines;
}

/** `alerts fire after page 2.21 %, ticket 10.9 % of the budget is spent`, or that none are linked. */
function coverage(alerts: readonly AlertBudget[]): string {
  if (alerts.length === 0) return 'no burn-rate alerts linked to it in its file';
  const parts = alerts.map((a) => {
    const who = a.fact.type === 'sloth-alert' ? a.fact.severity : a.fact.severity ?? 'alert';
    if (a.spentRange && a.spentRange[0] !== a.spentRange[1]) return `${who} ${formatPercent(a.spentRange[0]).replace(' %', '')}–${formatPercent(a.spentRange[1])}`;
    return a.spentShare === undefined ? `${who} (lookback unknown)` : `${who} ${formatPercent(a.spentShare)}`;
  });
  return `alerts fire after ${parts.join(', ')} of the budget is spent`;
}
