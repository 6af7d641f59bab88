// Calls to dependencies go through circuit breakers.

import type { ReadinessCheck } from '../types';
import { isTrue, needAll } from '../predicates';

export const check: ReadinessCheck = {
  id: 'resilience-circuit-breakers',
  category: 'resilience',
  title: 'Circuit breakers',
  why: 'Without timeouts and circuit breakers, one slow dependency exhausts threads and connections and takes the service down with it.',
  weight: 1,
  level: 'silver',
  blocksAtTiers: [],
  remedy: 'Put timeouts and circuit breakers on dependency calls and record `spec.resilience.circuitBreakers: true`.',
  evaluate: (c) => needAll(c, [isTrue(['spec', 'resilience', 'circuitBreakers'])], 'dependency calls go through circuit breakers'),
};
