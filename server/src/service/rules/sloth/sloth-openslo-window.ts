// Sloth reads OpenSLO v1alpha SLOs too, but generates alerts only for the SLO periods it
// has alert windows for — 30 days unless it is given an AlertWindows catalogue — and
// `sloth validate` rejects any other period. The rule applies only to SLOs evidently
// written for Sloth: their queries use Sloth's `{{.window}}` placeholder.

import { isObject } from '../../kinds';
import type { ObjectRule } from '../types';

const SLOTH_PERIOD_DAYS = 30;
const DAYS_PER_UNIT: Record<string, number> = { Day: 1, Week: 7 };
const WINDOW = /\{\{ *\.window *\}\}/;

export const rule: ObjectRule = {
  id: 'sloth-openslo-window',
  defaultSeverity: 'error',
  description: 'An OpenSLO v1alpha SLO written for Sloth uses a time window Sloth has no alert windows for.',
  kinds: ['openslo-v1alpha'],
  check(object, report) {
    const spec = object.spec;
    if (object.kind !== 'SLO' || !isObject(spec) || !Array.isArray(spec.timeWindows) || !WINDOW.test(JSON.stringify(spec))) return;
    spec.timeWindows.forEach((window, i) => {
      if (!isObject(window) || typeof window.count !== 'number' || typeof window.unit !== 'string') return;
      const days = window.count * (DAYS_PER_UNIT[window.unit] ?? NaN);
      if (days === SLOTH_PERIOD_DAYS) return;
      report(['spec', 'timeWindows', i, 'count'], `Sloth generates alerts only for ${SLOTH_PERIOD_DAYS}-day SLO periods unless it is given an AlertWindows catalogue, so \`sloth validate\` rejects this ${window.count} ${window.unit} window; use \`count: ${SLOTH_PERIOD_DAYS}\` with \`unit: Day\` (this SLO is for Sloth: its queries use \`{{.window}}\`)`);
    });
  },
};
