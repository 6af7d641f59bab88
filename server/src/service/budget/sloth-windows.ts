// The multi-window multi-burn-rate alerts Sloth generates: its built-in catalogue
// (slok/sloth internal/alert/windows/google-30d.yaml and google-28d.yaml, the same four windows
// from the SRE workbook). Each alert fires when both its long and short window burn faster than
// the factor (errorBudgetPercent / 100) × (SLO period / long window): 14.4, 6, 3 and 1 for 30 d.
// For periods Sloth has no catalogue for, the same windows are scaled by the same formula (what a
// custom AlertWindows catalogue with these windows would give); docs/error-budget.md says so.

import { DAY, HOUR, MINUTE } from './duration';
import { slothFactor } from './arithmetic';

export interface SlothWindow {
  severity: 'page' | 'ticket';
  speed: 'quick' | 'slow';
  errorBudgetPercent: number;
  longSeconds: number;
  shortSeconds: number;
}

export const SLOTH_WINDOWS: readonly SlothWindow[] = [
  { severity: 'page', speed: 'quick', errorBudgetPercent: 2, longSeconds: HOUR, shortSeconds: 5 * MINUTE },
  { severity: 'page', speed: 'slow', errorBudgetPercent: 5, longSeconds: 6 * HOUR, shortSeconds: 30 * MINUTE },
  { severity: 'ticket', speed: 'quick', errorBudgetPercent: 10, longSeconds: DAY, shortSeconds: 2 * HOUR },
  { severity: 'ticket', speed: 'slow', errorBudgetPercent: 10, longSeconds: 3 * DAY, shortSeconds: 6 * HOUR },
];

/** Sloth's default SLO period (`--default-slo-period`). */
export const SLOTH_DEFAULT_PERIOD = 30 * DAY;

export interface SlothAlertWindow extends SlothWindow {
  /** The burn-rate threshold Sloth writes into the rule for this period. */
  factor: number;
}

export function slothAlertWindows(severity: 'page' | 'ticket', periodSeconds: number): SlothAlertWindow[] {
  return SLOTH_WINDOWS.filter((w) => w.severity === severity).map((w) => ({ ...w, factor: slothFactor(w.errorBudgetPercent, periodSeconds, w.longSeconds) }));
}
