// A load test that is not stale.

import type { ReadinessCheck } from '../types';
import { recentDate } from '../predicates';

export const check: ReadinessCheck = {
  id: 'capacity-load-test',
  category: 'capacity',
  title: 'Load test',
  why: 'Capacity limits are found by a load test or by customers at peak; code and traffic change, so tests expire.',
  weight: 2,
  level: 'silver',
  blocksAtTiers: [],
  remedy: 'Load-test the service and record the date and results in `spec.capacity.loadTest`.',
  evaluate: (c) => recentDate(c, ['spec', 'capacity', 'loadTest', 'date'], c.ages.loadTest, 'load test'),
};
