// A data retention period.

import type { ReadinessCheck } from '../types';
import { needAll } from '../predicates';

export const check: ReadinessCheck = {
  id: 'data-retention',
  category: 'data',
  title: 'Data retention',
  why: 'Data kept forever is a liability (privacy law, breach impact, cost); a retention period is a decision on record.',
  weight: 1,
  level: 'silver',
  blocksAtTiers: [],
  remedy: 'Decide how long data is kept and set `spec.data.retention`.',
  evaluate: (c) => needAll(c, [{ path: ['spec', 'data', 'retention'] }], `data kept for \`${String(c.get(['spec', 'data', 'retention']))}\``),
};
