// What the service still does when a dependency fails.

import type { ReadinessCheck } from '../types';
import { needAll } from '../predicates';

export const check: ReadinessCheck = {
  id: 'resilience-graceful-degradation',
  category: 'resilience',
  title: 'Graceful degradation',
  why: 'A service that degrades (cached data, fewer features) instead of failing keeps users served through dependency outages.',
  weight: 1,
  level: 'gold',
  blocksAtTiers: [],
  remedy: 'Decide what still works when dependencies fail and describe it in `spec.resilience.gracefulDegradation`.',
  evaluate: (c) => needAll(c, [{ path: ['spec', 'resilience', 'gracefulDegradation'] }], 'degradation described'),
};
