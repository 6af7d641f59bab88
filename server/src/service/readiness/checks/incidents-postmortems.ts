// A blameless postmortem process.

import type { ReadinessCheck } from '../types';
import { needAll } from '../predicates';

export const check: ReadinessCheck = {
  id: 'incidents-postmortems',
  category: 'incidents',
  title: 'Postmortem process',
  why: 'Incidents repeat unless they are learned from; a blameless postmortem process makes learning the default.',
  weight: 2,
  level: 'silver',
  blocksAtTiers: [],
  remedy: 'Link the postmortem process the team follows in `spec.incidents.postmortemProcess`.',
  evaluate: (c) => needAll(c, [{ path: ['spec', 'incidents', 'postmortemProcess'] }], 'postmortem process linked'),
};
