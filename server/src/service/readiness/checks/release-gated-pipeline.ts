// A CI/CD pipeline that gates production deploys.

import type { ReadinessCheck } from '../types';
import { isTrue, needAll } from '../predicates';

export const check: ReadinessCheck = {
  id: 'release-gated-pipeline',
  category: 'release',
  title: 'Gated deployment pipeline',
  why: 'Deploys that skip tests and checks are how most incidents start; a gate makes the safe path the only path.',
  weight: 2,
  level: 'bronze',
  blocksAtTiers: [],
  remedy: 'Gate production deploys on required checks and record it as `spec.release.pipeline.gated: true`.',
  evaluate: (c) => needAll(c, [isTrue(['spec', 'release', 'pipeline', 'gated'])], 'production deploys are gated'),
};
