// A target so strict that the budget per window is under a minute (by default) leaves no room
// for a single deploy or failover: one bad minute breaks the SLO.

import { formatDuration, trim } from '../../budget/duration';
import type { BudgetRule } from '../types';

export const rule: BudgetRule = {
  id: 'slo-budget-too-small',
  defaultSeverity: 'warning',
  description: 'An objective is so strict that its error budget is under one minute per window (the limit is `budget.minimumBudget` in `.prr.yaml`).',
  check(items, settings, report) {
    for (const item of items) {
      if (item.type !== 'objective' || item.seconds >= settings.minimumBudgetSeconds) continue;
      const minimum = settings.minimumBudgetSeconds;
      const loosest = 1 - minimum / item.window.seconds;
      const what = item.slices ? `${item.slices.badAllowed} bad slices (${formatDuration(item.seconds)})` : formatDuration(item.seconds);
      report(
        item.fact.anchor,
        `target ${trim(item.fact.target, 10)} leaves an error budget of ${what} per ${item.window.short}, under the ${formatDuration(minimum)} minimum (\`budget.minimumBudget\`): a single short incident breaks the SLO; a target of at most ${trim(Math.floor(loosest * 1e6) / 1e6, 6)} gives ${formatDuration(minimum)} or more`,
      );
    }
  },
};
