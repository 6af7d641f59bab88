// Dashboards for the service.

import type { ReadinessCheck } from '../types';
import { needAll } from '../predicates';

export const check: ReadinessCheck = {
  id: 'observability-dashboards',
  category: 'observability',
  title: 'Dashboards',
  why: 'During an incident the first question is "what changed?"; a dashboard of the golden signals answers it in seconds.',
  weight: 2,
  level: 'bronze',
  blocksAtTiers: [],
  remedy: 'Add the URL of the service\'s main dashboard to `spec.observability.dashboards`.',
  evaluate(c) {
    const dashboards = c.get(['spec', 'observability', 'dashboards']);
    const n = Array.isArray(dashboards) ? dashboards.length : 0;
    return needAll(c, [{ path: ['spec', 'observability', 'dashboards'] }], `${n} dashboard${n === 1 ? '' : 's'}`);
  },
};
