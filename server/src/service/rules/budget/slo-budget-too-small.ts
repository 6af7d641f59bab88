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
      // With slices the budget is whole bad slices: ⌈minimum ÷ slice⌉ of them are needed.
      const loosest = item.slices ? 1 - Math.ceil(minimum / item.slices.sliceSeconds) / item.slices.total : 1 - minimum / item.window.seconds;
      // OpenSLO's `m` is minutes and `M` months; `1m` for "one month" is a known slip (OpenSLO's own Timeslices example).
      const written = item.fact.window === 'sloth' ? undefined : item.fact.window.written;
      const slip = written && /^[0-9]+m$/.test(written) ? ` (\`${written}\` is ${written.slice(0, -1)} minute${written === '1m' ? '' : 's'}; months are \`M\`, e.g. \`1M\`)` : '';
      // In the unit the file writes it in: Sloth's `objective` and OpenSLO's `targetPercent` are percentages.
      const field = item.fact.percentField;
      const name = field ?? 'target';
      const inUnit = (fraction: number, digits: number) => (field ? trim(fraction * 100, digits - 2) : trim(fraction, digits));
      const remedy = loosest > 0 ? `${field === 'objective' ? 'an `objective`' : field ? `a \`${field}\`` : 'a target'} of at most ${inUnit(Math.floor(loosest * 1e6) / 1e6, 6)} gives ${formatDuration(minimum)} or more` : `no target can: the window itself is not longer than ${formatDuration(minimum)}`;
      const what = item.slices ? `${item.slices.badAllowed} bad slices (${formatDuration(item.seconds)})` : formatDuration(item.seconds);
      report(
        item.fact.anchor,
        `${field ? `\`${name}\`` : 'target'} ${inUnit(item.fact.target, 10)} leaves an error budget of ${what} per ${item.window.short}${slip}, under the ${formatDuration(minimum)} minimum (\`budget.minimumBudget\`): a single short incident breaks the SLO; ${remedy}`,
      );
    }
  },
};
