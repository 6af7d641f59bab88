// Metrics for the service.

import type { ReadinessCheck } from '../types';
import { needAll } from '../predicates';

export const check: ReadinessCheck = {
  id: 'observability-metrics',
  category: 'observability',
  title: 'Metrics',
  why: 'SLOs, alerts and dashboards are all computed from metrics.',
  weight: 2,
  level: 'bronze',
  blocksAtTiers: [],
  remedy: 'Export metrics and set `spec.observability.metrics.tool`.',
  evaluate: (c) => needAll(c, [{ path: ['spec', 'observability', 'metrics', 'tool'] }], `metrics in \`${String(c.get(['spec', 'observability', 'metrics', 'tool']))}\``),
};
