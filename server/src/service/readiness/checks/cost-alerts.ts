// Budget alerts.

import type { ReadinessCheck } from '../types';
import { isTrue, needAll } from '../predicates';

export const check: ReadinessCheck = {
  id: 'cost-alerts',
  category: 'cost',
  title: 'Cost alerts',
  why: 'A runaway cost (a loop, a misconfigured autoscaler) should page a budget owner, not surprise finance at month end.',
  weight: 1,
  level: 'gold',
  blocksAtTiers: [],
  remedy: 'Set up budget alerts and record `spec.cost.alerts: true`.',
  evaluate: (c) => needAll(c, [isTrue(['spec', 'cost', 'alerts'])], 'budget alerts notify the owner'),
};
