import type { RuleMeta } from '../../types';

export const rule: RuleMeta = {
  id: 'duplicate-key',
  defaultSeverity: 'error',
  fixable: true,
  description: 'A key appears twice in one mapping; YAML forbids it and most tools silently keep one value.',
};
