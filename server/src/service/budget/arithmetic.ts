// Error-budget arithmetic: pure functions of numbers, each defined exactly (docs/error-budget.md
// repeats the definitions). A target is a fraction (0.999); a window and durations are seconds.

/** The share of events (or time, or slices) allowed to be bad: 1 − target. */
export function allowedErrorRatio(target: number): number {
  // 1 - 0.999 is 0.0010000000000000009 in floating point: round to what was written.
  return Number((1 - target).toFixed(15));
}

/** The budget as time: the window × the allowed error ratio (for Occurrences, the equivalent of a full outage at even traffic). */
export function budgetSeconds(target: number, windowSeconds: number): number {
  return allowedErrorRatio(target) * windowSeconds;
}

export interface SliceBudget {
  /** Slices in the window: ⌊window / slice⌋. */
  slices: number;
  /** Bad slices allowed: the largest whole number n with n ≤ slices × (1 − target). */
  badAllowed: number;
  /** badAllowed × slice length. */
  seconds: number;
}

/** Timeslices: a slice is good or bad as a whole, so the budget is a whole number of bad slices. */
export function sliceBudget(target: number, windowSeconds: number, sliceSeconds: number): SliceBudget {
  const slices = Math.floor(windowSeconds / sliceSeconds);
  // The small epsilon keeps 40320 × 0.001 = 40.32 from becoming 40.319999… before flooring; exact products stay whole.
  const badAllowed = Math.floor(slices * allowedErrorRatio(target) + 1e-9);
  return { slices, badAllowed, seconds: badAllowed * sliceSeconds };
}

/**
 * Time until the whole budget is gone when errors arrive at `burnRate` times the allowed rate,
 * starting with the whole budget: window / burn rate. Infinite for a burn rate ≤ 0.
 */
export function exhaustionSeconds(burnRate: number, windowSeconds: number): number {
  return burnRate > 0 ? windowSeconds / burnRate : Infinity;
}

/**
 * The share of the window's budget spent before an alert on `burnRate` over `lookbackSeconds`
 * fires, when errors start at exactly that burn rate after a clean `lookbackSeconds` (the slowest
 * burn that fires): the average over the lookback reaches the threshold only when the whole
 * lookback is at it, then the condition must hold for `alertAfterSeconds` more.
 * burnRate × (lookback + alertAfter) / window. Above 1, the alert fires after the budget is gone.
 */
export function spentBeforeAlert(burnRate: number, lookbackSeconds: number, alertAfterSeconds: number, windowSeconds: number): number {
  return (burnRate * (lookbackSeconds + alertAfterSeconds)) / windowSeconds;
}

/**
 * Sloth's burn-rate factor for one alert window: the share of the budget it should catch, spent
 * within its long window — (errorBudgetPercent / 100) × (SLO period / long window).
 */
export function slothFactor(errorBudgetPercent: number, periodSeconds: number, longWindowSeconds: number): number {
  return ((errorBudgetPercent / 100) * periodSeconds) / longWindowSeconds;
}
