import type { RuleMeta } from '../../types';

export const rule: RuleMeta = {
  id: 'too-many-findings',
  defaultSeverity: 'info',
  description: 'A file has more findings than the configured cap (1,000); the rest are left out.',
};
