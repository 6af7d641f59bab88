// A rollout strategy that limits the blast radius of a bad release.

import type { ReadinessCheck } from '../types';
import { showPath } from '../predicates';

export const check: ReadinessCheck = {
  id: 'release-safe-strategy',
  category: 'release',
  title: 'Safe rollout strategy',
  why: 'Canary, blue-green and rolling deploys expose a bad release to a few users first, or keep the old version ready; `recreate` takes everything down at once.',
  weight: 2,
  level: 'silver',
  blocksAtTiers: [],
  remedy: 'Deploy with `canary`, `blue-green` or `rolling` and record it in `spec.release.strategy`.',
  evaluate(c) {
    const path = ['spec', 'release', 'strategy'];
    const strategy = c.get(path);
    if (strategy === 'canary' || strategy === 'blue-green' || strategy === 'rolling') return { status: 'pass', at: { path }, message: `\`${strategy}\` rollouts` };
    const message = strategy === undefined ? `\`${showPath(path)}\` is not set` : strategy === 'recreate' ? '`recreate` stops every instance before starting the new ones: each deploy is an outage' : `\`${String(strategy)}\` is not a rollout strategy (canary, blue-green, rolling)`;
    return { status: 'fail', at: { path }, message };
  },
};
