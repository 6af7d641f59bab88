// A restore from backup was tested recently.

import type { ReadinessCheck } from '../types';
import { recentDate } from '../predicates';

export const check: ReadinessCheck = {
  id: 'data-restore-tested',
  category: 'data',
  title: 'Restore tested recently',
  why: 'Untested backups are not backups: restores fail for reasons nobody sees until they are needed.',
  weight: 2,
  level: 'silver',
  blocksAtTiers: [],
  remedy: 'Restore from backup end to end and record the date in `spec.data.backups.restoreTested`; exempt a stateless service.',
  evaluate: (c) => recentDate(c, ['spec', 'data', 'backups', 'restoreTested'], c.ages.restoreTest, 'restore test'),
};
