// Model versions are registered (services with models only).

import type { ReadinessCheck } from '../types';
import { needAll } from '../predicates';
import { withModels } from '../cross-file';

export const check: ReadinessCheck = {
  id: 'ml-model-registry',
  category: 'ml',
  title: 'Model registry',
  why: 'A model that is not versioned in a registry cannot be reproduced, audited or rolled back.',
  weight: 2,
  level: 'silver',
  blocksAtTiers: [],
  remedy: 'Register model versions and set `spec.ml.registry`.',
  evaluate: (c) => withModels(c, () => needAll(c, [{ path: ['spec', 'ml', 'registry'] }], `models registered in \`${String(c.get(['spec', 'ml', 'registry']))}\``)),
};
