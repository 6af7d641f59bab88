// Distributed tracing.

import type { ReadinessCheck } from '../types';
import { needAll } from '../predicates';

export const check: ReadinessCheck = {
  id: 'observability-tracing',
  category: 'observability',
  title: 'Tracing',
  why: 'Traces show where time goes across services, which metrics and logs of one service cannot.',
  weight: 1,
  level: 'silver',
  blocksAtTiers: [],
  remedy: 'Instrument the service for tracing (e.g. OpenTelemetry) and set `spec.observability.tracing.tool`.',
  evaluate: (c) => needAll(c, [{ path: ['spec', 'observability', 'tracing', 'tool'] }], `traced with \`${String(c.get(['spec', 'observability', 'tracing', 'tool']))}\``),
};
