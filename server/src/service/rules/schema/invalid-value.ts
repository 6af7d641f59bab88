import type { RuleMeta } from '../../types';

export const rule: RuleMeta = {
  id: 'invalid-value',
  defaultSeverity: 'error',
  description: 'A value breaks another schema constraint (range, length, number of items, exclusive choices).',
};
