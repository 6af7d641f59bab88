// A retraining cadence (services with models only).

import type { ReadinessCheck } from '../types';
import { needAll } from '../predicates';
import { withModels } from '../cross-file';

export const check: ReadinessCheck = {
  id: 'ml-retraining',
  category: 'ml',
  title: 'Retraining cadence',
  why: 'A model retrained by hand, when someone remembers, goes stale; a cadence makes freshness a plan.',
  weight: 1,
  level: 'gold',
  blocksAtTiers: [],
  remedy: 'Decide how often models are retrained and set `spec.ml.retraining.cadence`.',
  evaluate: (c) => withModels(c, () => needAll(c, [{ path: ['spec', 'ml', 'retraining', 'cadence'] }], `retrained every \`${String(c.get(['spec', 'ml', 'retraining', 'cadence']))}\``)),
};
