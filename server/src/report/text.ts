// Small text helpers the report renderers share.

import type { AchievedLevel, CheckResult, CheckStatus, ReportLocation } from '../protocol/report';

export const LEVEL_NAMES: Record<AchievedLevel, string> = { none: 'None', bronze: 'Bronze', silver: 'Silver', gold: 'Gold' };
export const STATUS_NAMES: Record<CheckStatus, string> = { pass: 'pass', fail: 'fail', exempt: 'exempt', 'n/a': 'n/a' };

/** Failed first (blocking before others), then exempt, passed and not applicable; registry order within each. */
export function byAttention(checks: readonly CheckResult[]): CheckResult[] {
  const rank = (c: CheckResult) => (c.status === 'fail' ? (c.blocking ? 0 : 1) : c.status === 'exempt' ? 2 : c.status === 'pass' ? 3 : 4);
  return checks.map((c, i) => [c, i] as const).sort(([a, i], [b, j]) => rank(a) - rank(b) || i - j).map(([c]) => c);
}

/** `path:line` (1-based line) for a location. */
export function lineRef(location: ReportLocation): string {
  return `${location.path}:${location.range.start.line + 1}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
