// Structured, searchable logs.

import type { ReadinessCheck } from '../types';
import { isTrue, needAll } from '../predicates';

export const check: ReadinessCheck = {
  id: 'observability-logs',
  category: 'observability',
  title: 'Structured logs',
  why: 'Structured logs with request ids can be searched and correlated across services; free text cannot.',
  weight: 2,
  level: 'bronze',
  blocksAtTiers: [],
  remedy: 'Ship logs to a logging system (`spec.observability.logs.tool`) as structured logs (`structured: true`).',
  evaluate: (c) => needAll(c, [{ path: ['spec', 'observability', 'logs', 'tool'] }, isTrue(['spec', 'observability', 'logs', 'structured'])], `structured logs in \`${String(c.get(['spec', 'observability', 'logs', 'tool']))}\``),
};
