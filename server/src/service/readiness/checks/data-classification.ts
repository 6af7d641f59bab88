// The data the service holds is classified.

import type { ReadinessCheck } from '../types';
import { needAll, showPath } from '../predicates';

export const check: ReadinessCheck = {
  id: 'data-classification',
  category: 'data',
  title: 'Data classification',
  why: 'Controls, retention and incident handling depend on how sensitive the data is and whether it is personal.',
  weight: 2,
  level: 'bronze',
  blocksAtTiers: [],
  remedy: 'Set `spec.data.classification` and say whether the service handles personal data (`spec.data.pii`).',
  evaluate: (c) => needAll(c, [
    { path: ['spec', 'data', 'classification'] },
    { path: ['spec', 'data', 'pii'], ok: (v) => typeof v === 'boolean', problem: () => `\`${showPath(['spec', 'data', 'pii'])}\` does not say whether the service handles personal data` },
  ], `\`${String(c.get(['spec', 'data', 'classification']))}\` data${c.get(['spec', 'data', 'pii']) === true ? ', with personal data' : ''}`),
};
