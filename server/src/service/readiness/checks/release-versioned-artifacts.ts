// Versioned, immutable build artifacts.

import type { ReadinessCheck } from '../types';
import { isTrue, needAll } from '../predicates';

export const check: ReadinessCheck = {
  id: 'release-versioned-artifacts',
  category: 'release',
  title: 'Versioned, immutable artifacts',
  why: 'A release you cannot name or rebuild exactly cannot be rolled back to or audited; immutable versions make every deploy reproducible.',
  weight: 2,
  level: 'bronze',
  blocksAtTiers: [],
  remedy: 'Set `spec.release.artifacts.versioning` and publish immutable versions (`immutable: true`).',
  evaluate: (c) => needAll(c, [{ path: ['spec', 'release', 'artifacts', 'versioning'] }, isTrue(['spec', 'release', 'artifacts', 'immutable'])], `\`${String(c.get(['spec', 'release', 'artifacts', 'versioning']))}\` versions, immutable`),
};
