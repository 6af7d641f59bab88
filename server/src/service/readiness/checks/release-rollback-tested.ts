// The rollback was exercised recently.

import type { ReadinessCheck } from '../types';
import { recentDate } from '../predicates';

export const check: ReadinessCheck = {
  id: 'release-rollback-tested',
  category: 'release',
  title: 'Rollback tested recently',
  why: 'An untested rollback fails when it is needed most: migrations, config and tooling drift.',
  weight: 2,
  level: 'silver',
  blocksAtTiers: [],
  remedy: 'Exercise the rollback and record the date in `spec.release.rollback.lastTested`.',
  evaluate: (c) => recentDate(c, ['spec', 'release', 'rollback', 'lastTested'], c.ages.rollbackTest, 'rollback test'),
};
