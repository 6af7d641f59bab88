// A burn-rate alert whose lookback (plus alertAfter) is so long that, at its own threshold, the
// whole error budget is gone before it can fire: it can only tell you afterwards.

import { formatDuration, formatPercent, trim } from '../../budget/duration';
import type { BudgetRule } from '../types';

export const rule: BudgetRule = {
  id: 'slo-alert-after-budget',
  defaultSeverity: 'warning',
  description: 'A burn-rate alert fires only after the whole error budget is spent.',
  check(items, _settings, report) {
    for (const item of items) {
      if (item.type !== 'alert' || item.fact.type !== 'condition' || item.spentShare === undefined || item.spentShare < 1 || !item.window) continue;
      const delay = (item.lookbackSeconds ?? 0) + item.alertAfterSeconds;
      const latest = item.window.seconds / item.burnRate;
      report(
        item.fact.thresholdRange,
        `at burn rate ${trim(item.burnRate, 4)} this alert fires only after ${formatPercent(item.spentShare)} of the ${item.window.short} error budget is spent: the budget is gone in ${formatDuration(latest)}, but the condition needs ${formatDuration(delay)} (lookbackWindow + alertAfter) to fire; make lookbackWindow + alertAfter shorter than ${formatDuration(latest)} (the SRE workbook pages at 2 % of the budget: 14.4 over 1h for a 30-day window), or lower the threshold below ${trim(item.window.seconds / delay, 4)} (slower burns then fire it in time)`,
      );
    }
  },
};
