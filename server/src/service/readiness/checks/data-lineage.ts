// Data lineage is recorded.

import type { ReadinessCheck } from '../types';
import { needAll } from '../predicates';

export const check: ReadinessCheck = {
  id: 'data-lineage',
  category: 'data',
  title: 'Data lineage',
  why: 'Lineage tells who is affected when data is wrong or late, and where wrong data came from.',
  weight: 1,
  level: 'gold',
  blocksAtTiers: [],
  remedy: 'Record the lineage of the service\'s datasets and link it in `spec.data.lineage`.',
  evaluate: (c) => needAll(c, [{ path: ['spec', 'data', 'lineage'] }], 'lineage recorded'),
};
