import type { RuleMeta } from '../../types';

export const rule: RuleMeta = {
  id: 'yaml-syntax',
  defaultSeverity: 'error',
  description: 'The file is not valid YAML; the damaged part cannot be checked.',
};
