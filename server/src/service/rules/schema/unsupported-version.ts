import type { RuleMeta } from '../../types';

// Reported by the YAML checker for documents of a family prr knows but whose version it
// does not check (OpenSLO's draft `openslo.com/v2alpha`, or a mistyped version), so that
// silence is never mistaken for "valid".
export const rule: RuleMeta = {
  id: 'unsupported-version',
  defaultSeverity: 'warning',
  description: 'A document of a known family (OpenSLO) in a version prr does not check, so it gets no other findings.',
};
