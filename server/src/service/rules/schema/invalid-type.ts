import type { RuleMeta } from '../../types';

export const rule: RuleMeta = {
  id: 'invalid-type',
  defaultSeverity: 'error',
  fixable: true,
  description: 'A value has the wrong type, such as text where a number is expected.',
};
