// A security review that is not stale.

import type { ReadinessCheck } from '../types';
import { recentDate } from '../predicates';

export const check: ReadinessCheck = {
  id: 'security-review',
  category: 'security',
  title: 'Security review',
  why: 'A security review finds design flaws before attackers do; services and threats change, so reviews expire.',
  weight: 3,
  level: 'silver',
  blocksAtTiers: [],
  remedy: 'Have the service reviewed and record the date and link in `spec.security.review`.',
  evaluate: (c) => recentDate(c, ['spec', 'security', 'review', 'date'], c.ages.securityReview, 'security review'),
};
