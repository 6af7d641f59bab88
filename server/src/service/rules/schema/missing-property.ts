import type { RuleMeta } from '../../types';

export const rule: RuleMeta = {
  id: 'missing-property',
  defaultSeverity: 'error',
  fixable: true,
  description: 'A property the schema requires is absent.',
};
