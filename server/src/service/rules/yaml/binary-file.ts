import type { RuleMeta } from '../../types';

export const rule: RuleMeta = {
  id: 'binary-file',
  defaultSeverity: 'warning',
  description: 'The file holds binary data (NUL bytes), so it is not checked.',
};
