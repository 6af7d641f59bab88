// An on-call arrangement that answers the service's pages.

import type { ReadinessCheck } from '../types';
import { isSet, showPath } from '../predicates';

export const check: ReadinessCheck = {
  id: 'ownership-on-call',
  category: 'ownership',
  title: 'On-call rotation',
  why: 'Pages need a person who answers them at any hour; without a rotation an incident waits for office hours.',
  weight: 3,
  level: 'bronze',
  blocksAtTiers: [1],
  remedy: 'Set `spec.ownership.onCall.rotation` (or a PagerDuty / Opsgenie service id) to the schedule that is paged.',
  evaluate(c) {
    for (const key of ['rotation', 'pagerdutyServiceId', 'opsgenieServiceId']) {
      const path = ['spec', 'ownership', 'onCall', key];
      if (isSet(c.get(path))) return { status: 'pass', at: { path }, message: `paged through \`${showPath(path)}\` = \`${String(c.get(path))}\`` };
    }
    return { status: 'fail', at: { path: ['spec', 'ownership', 'onCall', 'rotation'] }, message: 'no on-call rotation: `spec.ownership.onCall` names no rotation, PagerDuty or Opsgenie service' };
  },
};
