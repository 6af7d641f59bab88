// The engine's clock for the shells. `PRR_NOW` (a date, YYYY-MM-DD, or an ISO timestamp)
// pins it, so that a report's stale dates and expired exemptions are reproducible — in
// tests, and when a past report is generated again.

export const NOW_VARIABLE = 'PRR_NOW';

/** The pinned clock from `PRR_NOW`; undefined when it is not set. Throws on a value that is not a date. */
export function clockFromEnv(env: NodeJS.ProcessEnv = process.env): (() => Date) | undefined {
  const value = env[NOW_VARIABLE];
  if (value === undefined || value === '') return undefined;
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value);
  // A timestamp without an offset is UTC, as a date is: the same value must give the same report on every machine.
  const date = new Date(day ? `${value}T00:00:00Z` : /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value) ? `${value}Z` : value);
  // `new Date` rolls 2026-02-30 over to March 2: a day that does not exist is refused.
  if (Number.isNaN(date.getTime()) || (day && date.toISOString().slice(0, 10) !== value)) throw new Error(`${NOW_VARIABLE}=${value} is not a date (YYYY-MM-DD or an ISO timestamp)`);
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
