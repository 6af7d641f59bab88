// An accountable owning team.

import type { ReadinessCheck } from '../types';
import { needAll } from '../predicates';

export const check: ReadinessCheck = {
  id: 'ownership-owner',
  category: 'ownership',
  title: 'Owning team',
  why: 'Someone must be accountable for the service: reviews, incidents and decisions need an owner, not a person who may leave.',
  weight: 3,
  level: 'bronze',
  blocksAtTiers: [1],
  remedy: 'Set `spec.owner` to the team accountable for the service.',
  evaluate: (c) => needAll(c, [{ path: ['spec', 'owner'] }], `owned by \`${String(c.get(['spec', 'owner']))}\``),
};
