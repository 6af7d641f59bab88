// The manifest itself is sound: no YAML or schema errors, so every other check reads what the team meant.

import type { ReadinessCheck } from '../types';

export const check: ReadinessCheck = {
  id: 'manifest-valid',
  category: 'manifest',
  title: 'Valid manifest',
  why: 'A manifest with YAML or schema errors may not say what the team thinks it says; every other check reads it.',
  weight: 3,
  level: 'bronze',
  blocksAtTiers: [1],
  remedy: 'Fix the errors `prr check` reports in the manifest.',
  evaluate(c) {
    const first = c.manifestErrors[0];
    if (!first) return { status: 'pass', at: { path: ['kind'] }, message: 'the manifest has no errors' };
    const n = c.manifestErrors.length;
    return { status: 'fail', at: { uri: c.uri, range: first.range }, message: `${n} error${n === 1 ? '' : 's'} in the manifest; first: ${first.message} (${first.ruleId})` };
  },
};
