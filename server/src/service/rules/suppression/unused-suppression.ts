import type { RuleMeta } from '../../types';

// Reported by the suppression pass (server/src/service/suppression.ts): a `prr-disable-*`
// comment, or one rule id in it, that silences nothing — or names a rule that does not exist.
export const rule: RuleMeta = {
  id: 'unused-suppression',
  defaultSeverity: 'warning',
  fixable: true,
  description: 'A prr-disable comment silences nothing, or names a rule that does not exist.',
};
