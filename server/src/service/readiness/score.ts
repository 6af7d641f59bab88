// The arithmetic of the report, kept apart so it can be checked by hand:
//   score   = ⌊100 × Σ weight of passed checks / Σ weight of passed and failed checks⌋
//             (exempt and n/a checks count on neither side; 100 when nothing counts);
//   level   = the highest of Bronze < Silver < Gold such that no check of that level or a
//             lower one fails ('none' when a Bronze check fails);
//   blocked = some failed check blocks at the service's tier (no valid tier: tier 1's rules).

import type { AchievedLevel, CheckStatus, ReadinessLevel } from '../../protocol/report';

export const LEVELS: readonly ReadinessLevel[] = ['bronze', 'silver', 'gold'];

export interface Judged {
  id: string;
  status: CheckStatus;
  weight: number;
  level: ReadinessLevel;
  blocksAtTiers: readonly number[];
}

export function scoreOf(checks: readonly Judged[]): number {
  let passed = 0;
  let counted = 0;
  for (const check of checks) {
    if (check.status !== 'pass' && check.status !== 'fail') continue;
    counted += check.weight;
    if (check.status === 'pass') passed += check.weight;
  }
  // Integer arithmetic first, so 2/3 is 66 and not 66.99999.
  return counted === 0 ? 100 : Math.floor((passed * 100) / counted);
}

export function levelOf(checks: readonly Judged[]): AchievedLevel {
  let reached: AchievedLevel = 'none';
  for (const level of LEVELS) {
    const rank = LEVELS.indexOf(level);
    if (checks.some((c) => c.status === 'fail' && LEVELS.indexOf(c.level) <= rank)) return reached;
    reached = level;
  }
  return reached;
}

/** The tier whose rules apply: the manifest's, or tier 1 (the strictest) when it has no valid one. */
export function effectiveTier(tier: number | undefined): number {
  return tier ?? 1;
}

export function blockingOf(checks: readonly Judged[], tier: number | undefined): string[] {
  const applied = effectiveTier(tier);
  return checks.filter((c) => c.status === 'fail' && c.blocksAtTiers.includes(applied)).map((c) => c.id);
}
