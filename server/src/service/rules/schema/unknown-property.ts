import type { RuleMeta } from '../../types';

export const rule: RuleMeta = {
  id: 'unknown-property',
  defaultSeverity: 'error',
  fixable: true,
  description: 'A property the schema does not define, usually a typo of one it does.',
};
