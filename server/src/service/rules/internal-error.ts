import type { Finding, Range, RuleMeta } from '../types';

// A rule that throws must not take the other findings with it: its failure becomes this finding.
export const rule: RuleMeta = {
  id: 'internal-error',
  defaultSeverity: 'warning',
  description: 'A prr rule failed on this document; the other rules still ran. Please report it.',
};

export function internalError(ruleId: string, error: unknown, range: Range): Finding {
  const message = error instanceof Error ? error.message : String(error);
  return { ruleId: rule.id, severity: rule.defaultSeverity, message: `rule \`${ruleId}\` failed on this document: ${message}`, range };
}
