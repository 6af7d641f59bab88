// A channel where the team can be reached about the service.

import type { ReadinessCheck } from '../types';
import { isSet, showPath } from '../predicates';

export const check: ReadinessCheck = {
  id: 'ownership-contact',
  category: 'ownership',
  title: 'Team contact',
  why: 'Other teams need to reach the owners outside an incident: questions, planned changes, dependencies.',
  weight: 1,
  level: 'bronze',
  blocksAtTiers: [],
  remedy: 'Set `spec.ownership.slackChannel` or `spec.ownership.email`.',
  evaluate(c) {
    for (const key of ['slackChannel', 'email']) {
      const path = ['spec', 'ownership', key];
      if (isSet(c.get(path))) return { status: 'pass', at: { path }, message: `reachable at \`${String(c.get(path))}\`` };
    }
    return { status: 'fail', at: { path: ['spec', 'ownership', 'slackChannel'] }, message: `no contact: neither \`${showPath(['spec', 'ownership', 'slackChannel'])}\` nor \`${showPath(['spec', 'ownership', 'email'])}\` is set` };
  },
};
