import type { RuleMeta } from '../../types';

// Reported by the schema mapper: for Sloth documents, `unknown-property` is renamed to this
// rule, since Sloth silently ignores unknown keys (the file works, but the setting is lost).
export const rule: RuleMeta = {
  id: 'sloth-unknown-key',
  defaultSeverity: 'warning',
  fixable: true,
  description: 'A key Sloth does not know; Sloth ignores it silently, so its setting is lost.',
};
