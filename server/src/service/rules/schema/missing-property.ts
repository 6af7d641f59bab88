import type { RuleMeta } from '../../types';

export const rule: RuleMeta = {
  id: 'missing-property',
  defaultSeverity: 'error',
  description: 'A property the schema requires is absent.',
};
