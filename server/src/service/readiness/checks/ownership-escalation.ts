// Where a page goes when the primary on-call does not answer.

import type { ReadinessCheck } from '../types';
import { needAll } from '../predicates';

export const check: ReadinessCheck = {
  id: 'ownership-escalation',
  category: 'ownership',
  title: 'Escalation path',
  why: 'A page the primary on-call misses must go somewhere; an escalation path turns a missed page into a delay instead of an outage.',
  weight: 2,
  level: 'silver',
  blocksAtTiers: [],
  remedy: 'Set `spec.ownership.onCall.escalation` to the escalation policy (URL or description).',
  evaluate: (c) => needAll(c, [{ path: ['spec', 'ownership', 'onCall', 'escalation'] }], 'escalation path recorded'),
};
