// Model drift is monitored (services with models only).

import type { ReadinessCheck } from '../types';
import { isTrue, needAll } from '../predicates';
import { withModels } from '../cross-file';

export const check: ReadinessCheck = {
  id: 'ml-drift-monitoring',
  category: 'ml',
  title: 'Drift monitoring',
  why: 'Models degrade silently as the world changes; drift monitoring notices before users do.',
  weight: 2,
  level: 'silver',
  blocksAtTiers: [],
  remedy: 'Monitor input and prediction drift and record `spec.ml.driftMonitoring.enabled: true`.',
  evaluate: (c) => withModels(c, () => needAll(c, [isTrue(['spec', 'ml', 'driftMonitoring', 'enabled'])], 'drift is monitored')),
};
