// Building blocks the checks share: "these fields are set", "this date is recent enough".
// Each returns a whole Outcome, so a check is mostly a declaration of what it needs.

import type { PathSegment } from '../yaml/locate';
import type { CheckContext, Outcome } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether a value says something: a non-empty string, a number, `true`, a non-empty list or mapping. */
export function isSet(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== '';
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.length > 0;
  if (value instanceof Date) return !Number.isNaN(value.getTime());
  return typeof value === 'object' && value !== null && Object.keys(value).length > 0;
}

/** `spec.release.pipeline.gated` for messages. */
export function showPath(path: readonly PathSegment[]): string {
  return path.reduce<string>((out, s) => (typeof s === 'number' ? `${out}[${s}]` : out === '' ? s : `${out}.${s}`), '');
}

export interface Need {
  path: readonly PathSegment[];
  /** Whether the value there is good enough; default: isSet. */
  ok?: (value: unknown) => boolean;
  /** What is wrong when it is not; default: "`path` is not set". */
  problem?: (value: unknown) => string;
}

/** Passes when every need is met (at the last one); fails at the first that is not. */
export function needAll(context: CheckContext, needs: readonly Need[], passMessage: string): Outcome {
  for (const need of needs) {
    const value = context.get(need.path);
    if (!(need.ok ?? isSet)(value)) {
      const message = need.problem?.(value) ?? (value === undefined ? `\`${showPath(need.path)}\` is not set` : `\`${showPath(need.path)}\` is ${show(value)}`);
      return { status: 'fail', at: { path: need.path }, message };
    }
  }
  return { status: 'pass', at: { path: needs[needs.length - 1].path }, message: passMessage };
}

/** Needs `true` at `path`. */
export function isTrue(path: readonly PathSegment[]): Need {
  return { path, ok: (v) => v === true, problem: (v) => (v === undefined ? `\`${showPath(path)}\` is not set` : `\`${showPath(path)}\` is \`${String(v)}\`, not \`true\``) };
}

/** The date text of a value: YAML may give a string or (with other schemas) a Date. */
export function dateText(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  return typeof value === 'string' ? value.trim() : undefined;
}

/** Milliseconds at UTC midnight of a real YYYY-MM-DD date, else undefined. */
export function parseDay(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(ms).toISOString().slice(0, 10) === text ? ms : undefined;
}

/** Whole days from `date` to `today` (negative for a future date); undefined when `date` is not a date. */
export function ageInDays(date: string, today: string): number | undefined {
  const from = parseDay(date);
  const to = parseDay(today);
  return from === undefined || to === undefined ? undefined : Math.round((to - from) / DAY_MS);
}

/**
 * A dated record (a review, a test) that must exist and be at most `maxDays` old.
 * `what` names it in messages ("security review").
 */
export function recentDate(context: CheckContext, path: readonly PathSegment[], maxDays: number, what: string): Outcome {
  const value = context.get(path);
  const text = dateText(value);
  if (text === undefined || text === '') return { status: 'fail', at: { path }, message: `no ${what} date: \`${showPath(path)}\` is not set` };
  const age = ageInDays(text, context.today);
  if (age === undefined) return { status: 'fail', at: { path }, message: `\`${showPath(path)}\` is \`${text}\`, not a date (YYYY-MM-DD)` };
  if (age > maxDays) {
    return { status: 'fail', at: { path }, message: `the ${what} is stale: ${text} is ${age} days ago, more than ${maxDays}`, remedy: `Repeat the ${what} and record its date in \`${showPath(path)}\`.` };
  }
  return { status: 'pass', at: { path }, message: age < 0 ? `${what} dated ${text}, in the future` : `${what} on ${text}, ${age} day${age === 1 ? '' : 's'} ago (limit ${maxDays})` };
}

function show(value: unknown): string {
  if (typeof value === 'string') return value.trim() === '' ? 'empty' : `\`${value}\``;
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list';
  if (typeof value === 'object' && value !== null) return Object.keys(value).length === 0 ? 'empty' : 'a mapping';
  return `\`${String(value)}\``;
}
