// The length of an SLO's time window, in seconds. A rolling window has a fixed length (months,
// quarters and years as 30, 90 and 365 days). A calendar window is as long as the window that
// holds `now`: windows start at `calendar.startTime` and follow each other, so a `1M` window
// started on the 1st is this calendar month — 28 to 31 days. Calendar arithmetic is done on the
// wall clock of `startTime` as if it were UTC: a time zone's daylight-saving change (±1 h) is
// not counted. Documented in docs/error-budget.md.

import { DAY, unitSeconds } from './duration';

export interface WindowSpec {
  count: number;
  /** `s m h d w M Q Y`. */
  unit: string;
  rolling: boolean;
  /** `YYYY-MM-DD hh:mm:ss` of a calendar window, when given. */
  startTime?: string;
  /** The window as written, for messages (`28d`, `1 Month`). */
  written: string;
}

export interface ResolvedWindow {
  seconds: number;
  /** How it reads in a hint: `28 d`, `30 d (this calendar window: 2026-11-01 – 2026-12-01)`. */
  label: string;
  /** Short form: `28 d`. */
  short: string;
  calendar?: { start: Date; end: Date };
}

const MONTHS: Record<string, number> = { M: 1, Q: 3, Y: 12 };

const fixed = new WeakMap<WindowSpec, ResolvedWindow | undefined>();

export function resolveWindow(window: WindowSpec, now: Date): ResolvedWindow | undefined {
  const months = MONTHS[window.unit];
  if (window.rolling || (months === undefined && !window.startTime)) {
    // A fixed length, whatever the clock says: resolved once per spec (specs are never changed once extracted).
    if (fixed.has(window)) return fixed.get(window);
    const seconds = unitSeconds(window.count, window.unit);
    const short = seconds === undefined ? undefined : shortOf(seconds);
    const resolved = seconds === undefined || short === undefined ? undefined : { seconds, label: short, short };
    fixed.set(window, resolved);
    return resolved;
  }
  const start = parseStart(window.startTime) ?? monthStart(now);
  const current = months === undefined ? fixedWindowAt(start, (unitSeconds(window.count, window.unit) ?? DAY) * 1000, now) : monthWindowAt(start, window.count * months, now);
  const seconds = (current.end.getTime() - current.start.getTime()) / 1000;
  const short = shortOf(seconds);
  return { seconds, short, label: `${short} (current calendar window ${day(current.start)} – ${day(current.end)})`, calendar: current };
}

/** The fixed-length window (of `ms`) holding `now`, counting from `start` forwards or backwards. */
function fixedWindowAt(start: Date, ms: number, now: Date): { start: Date; end: Date } {
  const k = Math.floor((now.getTime() - start.getTime()) / ms);
  const from = start.getTime() + k * ms;
  return { start: new Date(from), end: new Date(from + ms) };
}

/** The window of `months` calendar months holding `now`, windows aligned on `start`. */
function monthWindowAt(start: Date, months: number, now: Date): { start: Date; end: Date } {
  const monthsSince = (now.getUTCFullYear() - start.getUTCFullYear()) * 12 + (now.getUTCMonth() - start.getUTCMonth());
  let k = Math.floor(monthsSince / months);
  // The day and time of `start` may put `now` in the window before.
  if (addMonths(start, k * months) > now) k--;
  return { start: addMonths(start, k * months), end: addMonths(start, (k + 1) * months) };
}

function addMonths(date: Date, months: number): Date {
  const result = new Date(date.getTime());
  result.setUTCMonth(result.getUTCMonth() + months);
  return result;
}

function parseStart(text: string | undefined): Date | undefined {
  const match = text ? /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text) : null;
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match.map(Number);
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function monthStart(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** `28 d`, `6 h`, `90 m`: the window in one unit when it divides evenly, else as a duration. */
function shortOf(seconds: number): string {
  for (const [unit, size] of [['d', DAY], ['h', 3600], ['m', 60]] as const) {
    if (seconds >= size && seconds % size === 0) return `${seconds / size} ${unit}`;
  }
  return `${seconds} s`;
}
