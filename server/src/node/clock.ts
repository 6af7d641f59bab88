// The engine's clock for the shells. `PRR_NOW` (a date, YYYY-MM-DD, or an ISO timestamp)
// pins it, so that a report's stale dates and expired exemptions are reproducible — in
// tests, and when a past report is generated again.

export const NOW_VARIABLE = 'PRR_NOW';

/** The pinned clock from `PRR_NOW`; undefined when it is not set. Throws on a value that is not a date. */
export function clockFromEnv(env: NodeJS.ProcessEnv = process.env): (() => Date) | undefined {
  const value = env[NOW_VARIABLE];
  if (value === undefined || value === '') return undefined;
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) throw new Error(`${NOW_VARIABLE}=${value} is not a date (YYYY-MM-DD or an ISO timestamp)`);
  return () => new Date(date.getTime());
}

/** For a long-running server: the pinned clock when `PRR_NOW` is valid, else the real one (an option object for createEngine). */
export function clockOption(env: NodeJS.ProcessEnv = process.env): { now?: () => Date } {
  try {
    const now = clockFromEnv(env);
    return now ? { now } : {};
  } catch {
    return {};
  }
}
