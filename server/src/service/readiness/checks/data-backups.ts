// Backups with recovery objectives.

import type { ReadinessCheck } from '../types';
import { isTrue, needAll } from '../predicates';

export const check: ReadinessCheck = {
  id: 'data-backups',
  category: 'data',
  title: 'Backups with RPO and RTO',
  why: 'Backups decide whether a deleted table is an incident or a disaster; RPO and RTO say how much loss and downtime are acceptable.',
  weight: 2,
  level: 'silver',
  blocksAtTiers: [],
  remedy: 'Back the data up and record `spec.data.backups.enabled: true` with `rpo` and `rto`; exempt a stateless service.',
  evaluate: (c) => needAll(c, [isTrue(['spec', 'data', 'backups', 'enabled']), { path: ['spec', 'data', 'backups', 'rpo'] }, { path: ['spec', 'data', 'backups', 'rto'] }], `backups with RPO \`${String(c.get(['spec', 'data', 'backups', 'rpo']))}\` and RTO \`${String(c.get(['spec', 'data', 'backups', 'rto']))}\``),
};
