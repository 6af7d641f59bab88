// The service has service level objectives.

import type { ReadinessCheck } from '../types';

export const check: ReadinessCheck = {
  id: 'slo-defined',
  category: 'slo',
  title: 'SLO defined',
  why: 'An SLO says how reliable the service must be; without one, nobody can tell whether it is reliable enough or when to stop shipping features.',
  weight: 3,
  level: 'bronze',
  blocksAtTiers: [1],
  remedy: 'Define an SLO in an OpenSLO or Sloth file and reference it from `spec.slos`.',
  evaluate(c) {
    const slos = c.get(['spec', 'slos']);
    const n = Array.isArray(slos) ? slos.length : 0;
    if (n === 0) return { status: 'fail', at: { path: ['spec', 'slos'] }, message: 'no SLO: `spec.slos` is empty or not set' };
    return { status: 'pass', at: { path: ['spec', 'slos'] }, message: `${n} SLO reference${n === 1 ? '' : 's'}` };
  },
};
