// Paging on a burn rate of 1 or less pages for normal spending: at burn rate 1 the budget lasts
// exactly the window, which is what the budget is for.

import { formatDuration, trim } from '../../budget/duration';
import type { BudgetRule } from '../types';

export const rule: BudgetRule = {
  id: 'slo-page-slow-burn',
  defaultSeverity: 'warning',
  description: 'A page alert has a burn-rate threshold of at most 1: it pages for normal spending of the error budget.',
  check(items, _settings, report) {
    for (const item of items) {
      if (item.type !== 'alert' || item.fact.type !== 'condition' || !item.page || item.burnRate > 1) continue;
      const lasts = item.window ? `the ${item.window.short} budget lasts ${formatDuration(item.window.seconds / Math.max(item.burnRate, Number.MIN_VALUE))} or longer` : 'the budget lasts the whole SLO window or longer';
      report(
        item.fact.thresholdRange,
        `a page alert with burn-rate threshold ${trim(item.burnRate, 4)} pages for normal spending: at burn rate ≤ 1 ${lasts}; page on fast burns (the SRE workbook and Sloth page at 14.4 over 1h and 6 over 6h for a 30-day window) and leave slow burns to a ticket`,
      );
    }
  },
};
