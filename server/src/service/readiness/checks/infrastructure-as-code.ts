// Infrastructure defined as code.

import type { ReadinessCheck } from '../types';
import { needAll } from '../predicates';

export const check: ReadinessCheck = {
  id: 'infrastructure-as-code',
  category: 'infrastructure',
  title: 'Infrastructure as code',
  why: 'Infrastructure written as code can be reviewed, reproduced and rebuilt after a disaster; hand-made infrastructure cannot.',
  weight: 2,
  level: 'silver',
  blocksAtTiers: [],
  remedy: 'Define the infrastructure with an IaC tool and set `spec.infrastructure.tool` and `path`.',
  evaluate: (c) => needAll(c, [{ path: ['spec', 'infrastructure', 'tool'] }, { path: ['spec', 'infrastructure', 'path'] }], `defined with \`${String(c.get(['spec', 'infrastructure', 'tool']))}\``),
};
