// A burn rate measured over more time than the SLO window mixes in errors that no longer count
// against the budget.

import { formatDuration } from '../../budget/duration';
import type { BudgetRule } from '../types';

export const rule: BudgetRule = {
  id: 'slo-lookback-exceeds-window',
  defaultSeverity: 'warning',
  description: "A burn-rate alert's lookbackWindow is longer than its SLO's time window.",
  check(items, _settings, report) {
    for (const item of items) {
      if (item.type !== 'alert' || item.fact.type !== 'condition' || !item.window || item.lookbackSeconds === undefined) continue;
      if (item.lookbackSeconds <= item.window.seconds) continue;
      report(
        item.fact.lookbackRange ?? item.fact.thresholdRange,
        `lookbackWindow \`${item.fact.lookback ?? ''}\` (${formatDuration(item.lookbackSeconds)}) is longer than the ${item.window.short} time window of SLO \`${item.sloName ?? ''}\`: the burn rate would count errors that no longer count against the budget; use a lookback of at most ${item.window.short}, usually far shorter (1h, 6h)`,
      );
    }
  },
};
