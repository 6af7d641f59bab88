// A chaos or failure-injection test that is not stale.

import type { ReadinessCheck } from '../types';
import { recentDate } from '../predicates';

export const check: ReadinessCheck = {
  id: 'resilience-chaos-test',
  category: 'resilience',
  title: 'Chaos test',
  why: 'Resilience that was never exercised is a hope; injecting failures shows what really happens.',
  weight: 1,
  level: 'gold',
  blocksAtTiers: [],
  remedy: 'Run a game day or failure-injection test and record the date and link in `spec.resilience.chaosTest`.',
  evaluate: (c) => recentDate(c, ['spec', 'resilience', 'chaosTest', 'date'], c.ages.chaosTest, 'chaos test'),
};
