import type { RuleMeta } from '../../types';

export const rule: RuleMeta = {
  id: 'invalid-enum',
  defaultSeverity: 'error',
  fixable: true,
  description: 'A value is not one of the values the schema allows.',
};
