import type { RuleMeta } from '../../types';

export const rule: RuleMeta = {
  id: 'invalid-format',
  defaultSeverity: 'error',
  description: 'A value does not have the required format (date, URL, duration, name pattern).',
};
