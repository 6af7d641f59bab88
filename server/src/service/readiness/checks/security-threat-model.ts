// A threat model that is not stale.

import type { ReadinessCheck } from '../types';
import { recentDate } from '../predicates';

export const check: ReadinessCheck = {
  id: 'security-threat-model',
  category: 'security',
  title: 'Threat model',
  why: 'A threat model names what can go wrong and which controls stop it; it must follow the architecture as it changes.',
  weight: 2,
  level: 'gold',
  blocksAtTiers: [],
  remedy: 'Write or update the threat model and record its date and link in `spec.security.threatModel`.',
  evaluate: (c) => recentDate(c, ['spec', 'security', 'threatModel', 'date'], c.ages.threatModel, 'threat model'),
};
