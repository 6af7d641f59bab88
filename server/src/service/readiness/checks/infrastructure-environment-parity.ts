// A pre-production environment whose differences from production are written down.

import type { ReadinessCheck } from '../types';
import { isSet } from '../predicates';
import { listItems } from '../cross-file';

export const check: ReadinessCheck = {
  id: 'infrastructure-environment-parity',
  category: 'infrastructure',
  title: 'Environment parity',
  why: 'Changes should meet a production-like environment before production; knowing how it differs tells what testing there cannot catch.',
  weight: 1,
  level: 'gold',
  blocksAtTiers: [],
  remedy: 'List a staging environment in `spec.infrastructure.environments` with `parityNotes` on how it differs from production.',
  evaluate(c) {
    const envs = listItems(c.get(['spec', 'infrastructure', 'environments']));
    const others = envs.filter(([env]) => env.name !== 'production' && env.name !== 'prod');
    if (others.length === 0) return { status: 'fail', at: { path: ['spec', 'infrastructure', 'environments'] }, message: 'no environment besides production: changes meet production untested' };
    const undocumented = others.find(([env]) => !isSet(env.parityNotes));
    if (undocumented) {
      const [env, i] = undocumented;
      return { status: 'fail', at: { path: ['spec', 'infrastructure', 'environments', i] }, message: `\`${String(env.name)}\` does not say how it differs from production (\`parityNotes\`)` };
    }
    return { status: 'pass', at: { path: ['spec', 'infrastructure', 'environments', others[0][1], 'parityNotes'] }, message: `${others.map(([e]) => `\`${String(e.name)}\``).join(', ')} documented against production` };
  },
};
