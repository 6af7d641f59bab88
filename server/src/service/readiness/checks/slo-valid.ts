// Every SLO reference resolves to an SLO that exists and is valid (cross-file).

import type { ReadinessCheck } from '../types';
import { sloItems } from '../cross-file';

export const check: ReadinessCheck = {
  id: 'slo-valid',
  category: 'slo',
  title: 'SLOs resolve and are valid',
  why: 'An SLO reference that points nowhere, or at an SLO its tools reject, gives no alerting and no error budget: the objective exists on paper only.',
  weight: 3,
  level: 'bronze',
  blocksAtTiers: [1],
  remedy: 'Fix each SLO reference so it names an SLO defined in the workspace, and fix the errors `prr check` reports in that SLO\'s file.',
  evaluate(c) {
    const items = sloItems(c);
    if (items.length === 0) return { status: 'n/a', at: { path: ['spec', 'slos'] }, message: 'no SLO references to resolve' };
    const failing = items.filter((i) => !i.ok);
    if (failing.length === 0) return { status: 'pass', at: items[0].at, message: `${items.length} SLO reference${items.length === 1 ? ' resolves' : 's resolve'} to valid SLOs`, items };
    const message = failing.length === 1 ? failing[0].message : `${failing.length} of ${items.length} SLO references fail; first: ${failing[0].message}`;
    return { status: 'fail', at: failing[0].at, message, items };
  },
};
