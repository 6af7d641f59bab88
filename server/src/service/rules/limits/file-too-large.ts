import type { RuleMeta } from '../../types';

export const rule: RuleMeta = {
  id: 'file-too-large',
  defaultSeverity: 'info',
  description: 'The file is larger than the configured limit (5 MB; 128 KB for a runbook), so it is not checked.',
};
