// A plan for peak load.

import type { ReadinessCheck } from '../types';
import { isSet } from '../predicates';

export const check: ReadinessCheck = {
  id: 'capacity-peak-plan',
  category: 'capacity',
  title: 'Peak load plan',
  why: 'Known peaks (launches, sales, seasons) need capacity planned ahead, or scaling that follows the load by itself.',
  weight: 1,
  level: 'gold',
  blocksAtTiers: [],
  remedy: 'Describe the expected peak in `spec.capacity.peakNotes`, or scale automatically (`autoscaling: true`).',
  evaluate(c) {
    if (isSet(c.get(['spec', 'capacity', 'peakNotes']))) return { status: 'pass', at: { path: ['spec', 'capacity', 'peakNotes'] }, message: 'peak load described' };
    if (c.get(['spec', 'capacity', 'autoscaling']) === true) return { status: 'pass', at: { path: ['spec', 'capacity', 'autoscaling'] }, message: 'scales automatically' };
    return { status: 'fail', at: { path: ['spec', 'capacity', 'peakNotes'] }, message: 'no peak plan: neither `spec.capacity.peakNotes` nor `autoscaling: true`' };
  },
};
