import type { RuleMeta } from '../../types';

export const rule: RuleMeta = {
  id: 'yaml-alias-limit',
  defaultSeverity: 'error',
  description: 'YAML aliases expand beyond the safe limit (an "alias bomb"); the document is not checked.',
};
