// Runs the workspace rules for one file against the index. A rule that throws costs
// only its own findings.

import type { WorkspaceRule } from '../rules/types';
import { internalError } from '../rules/internal-error';
import type { Finding } from '../types';
import type { EngineIO } from '../runbook/types';
import type { WorkspaceIndex } from './index';

export function checkWorkspace(rules: readonly WorkspaceRule[], uri: string, index: WorkspaceIndex, io: EngineIO | undefined, now: Date): Finding[] {
  const entities = index.entitiesOf(uri);
  if (entities.length === 0) return [];
  const findings: Finding[] = [];
  for (const rule of rules) {
    try {
      rule.check({
        uri,
        entities,
        index,
        io,
        now,
        report: (range, message, extra) => findings.push({ ruleId: rule.id, severity: rule.defaultSeverity, message, range, ...extra }),
      });
    } catch (error) {
      findings.push(internalError(rule.id, error, entities[0].range));
    }
  }
  return findings;
}
