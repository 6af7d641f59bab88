// Every critical dependency has a fallback.

import type { ReadinessCheck } from '../types';
import { isSet } from '../predicates';
import { listItems } from '../cross-file';

export const check: ReadinessCheck = {
  id: 'dependencies-fallbacks',
  category: 'resilience',
  title: 'Fallbacks for critical dependencies',
  why: 'When a critical dependency is down, the service fails unless someone decided in advance what to do instead.',
  weight: 2,
  level: 'silver',
  blocksAtTiers: [],
  remedy: 'Write what the service does when each critical dependency is unavailable in its `fallback`.',
  evaluate(c) {
    const critical = listItems(c.get(['spec', 'dependencies'])).filter(([d]) => d.critical === true);
    if (critical.length === 0) return { status: 'n/a', at: { path: ['spec', 'dependencies'] }, message: 'no critical dependencies' };
    const items = critical.map(([d, i]) => isSet(d.fallback)
      ? { ok: true, message: `\`${String(d.name)}\`: ${String(d.fallback)}`, at: { path: ['spec', 'dependencies', i, 'fallback'] } }
      : { ok: false, message: `\`${String(d.name)}\` has no fallback`, at: { path: ['spec', 'dependencies', i, 'name'] } });
    const failing = items.filter((i) => !i.ok);
    if (failing.length === 0) return { status: 'pass', at: items[0].at, message: `${items.length} critical dependenc${items.length === 1 ? 'y has a fallback' : 'ies have fallbacks'}`, items };
    return { status: 'fail', at: failing[0].at, message: failing.length === 1 ? failing[0].message : `${failing.length} critical dependencies have no fallback`, items };
  },
};
