// Liveness and readiness probes.

import type { ReadinessCheck } from '../types';
import { needAll } from '../predicates';

export const check: ReadinessCheck = {
  id: 'resilience-health-checks',
  category: 'resilience',
  title: 'Health checks',
  why: 'Health checks let the platform restart a stuck instance and keep traffic off one that is not ready.',
  weight: 2,
  level: 'bronze',
  blocksAtTiers: [],
  remedy: 'Expose liveness and readiness probes and record them in `spec.resilience.healthChecks`.',
  evaluate: (c) => needAll(c, [{ path: ['spec', 'resilience', 'healthChecks', 'liveness'] }, { path: ['spec', 'resilience', 'healthChecks', 'readiness'] }], 'liveness and readiness probes'),
};
