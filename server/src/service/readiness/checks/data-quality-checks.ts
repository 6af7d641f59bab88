// Automated data-quality checks.

import type { ReadinessCheck } from '../types';
import { isTrue, needAll } from '../predicates';

export const check: ReadinessCheck = {
  id: 'data-quality-checks',
  category: 'data',
  title: 'Data-quality checks',
  why: 'Bad data spreads silently to every consumer; automated checks catch schema, freshness and completeness problems at the source.',
  weight: 1,
  level: 'gold',
  blocksAtTiers: [],
  remedy: 'Run data-quality checks and record `spec.data.qualityChecks.enabled: true`.',
  evaluate: (c) => needAll(c, [isTrue(['spec', 'data', 'qualityChecks', 'enabled'])], 'data-quality checks run'),
};
