// Readiness settings from `.prr.yaml` (`readiness:`): per-check weight, level, blocking
// tiers and on/off, and how old each kind of dated record may get.

import type { ReadinessLevel } from '../../protocol/report';

export const AGE_KEYS = ['securityReview', 'threatModel', 'pentest', 'loadTest', 'restoreTest', 'rollbackTest', 'chaosTest', 'fairnessReview'] as const;
export type AgeKey = (typeof AGE_KEYS)[number];

/** Days after which a dated record is stale. */
export const DEFAULT_AGES: Readonly<Record<AgeKey, number>> = {
  securityReview: 365,
  threatModel: 365,
  pentest: 365,
  loadTest: 365,
  restoreTest: 180,
  rollbackTest: 180,
  chaosTest: 365,
  fairnessReview: 365,
};

export interface CheckOverride {
  weight?: 1 | 2 | 3;
  level?: ReadinessLevel;
  blocksAtTiers?: number[];
  /** `false` leaves the check out of every report. */
  enabled?: boolean;
}

/** The `readiness` section of one `.prr.yaml`. */
export interface ReadinessConfigData {
  checks?: Record<string, CheckOverride>;
  staleAfterDays?: Partial<Record<AgeKey, number>>;
}

export interface ReadinessSettings {
  checks: Readonly<Record<string, CheckOverride>>;
  ages: Readonly<Record<AgeKey, number>>;
}

export const DEFAULT_READINESS: ReadinessSettings = { checks: {}, ages: DEFAULT_AGES };

/** Merges `readiness` sections from the farthest to the nearest: checks field by field, ages key by key. */
export function mergeReadiness(sections: readonly (ReadinessConfigData | undefined)[]): ReadinessSettings {
  const checks: Record<string, CheckOverride> = {};
  const ages: Record<AgeKey, number> = { ...DEFAULT_AGES };
  for (const section of sections) {
    for (const [id, override] of Object.entries(section?.checks ?? {})) checks[id] = { ...checks[id], ...override };
    Object.assign(ages, section?.staleAfterDays);
  }
  return { checks, ages };
}
