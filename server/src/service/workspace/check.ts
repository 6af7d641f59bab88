// Runs the workspace rules for one file against the index. A rule that throws costs
// only its own findings.
//
// After an edit of a big file most of its objects are the very objects checked before, and
// the index entries they depend on did not change: a per-object rule (WorkspaceRule.perObject)
// that found nothing wrong with such an object finds nothing again. So each file remembers,
// per rule, the objects that were clean at which index version, and the next check looks only
// at the others and at those whose entries the index says were touched since. Objects with
// findings are always looked at again (their messages name other objects).

import type { WorkspaceRule } from '../rules/types';
import { internalError } from '../rules/internal-error';
import type { Finding } from '../types';
import type { LocatedEntity } from '../entities/types';
import type { EngineIO } from '../runbook/types';
import type { WorkspaceIndex } from './index';

/** What one file's last check left: the index version it saw and, per rule, the objects found clean. */
export interface WorkspaceMemo {
  version: number;
  clean: Map<string, WeakSet<LocatedEntity>>;
}

export function checkWorkspace(rules: readonly WorkspaceRule[], uri: string, index: WorkspaceIndex, io: EngineIO | undefined, now: Date, memo?: WorkspaceMemo): Finding[] {
  const entities = index.entitiesOf(uri);
  if (entities.length === 0) return [];
  const touched = memo && index.touchedSince(memo.version);
  const findings: Finding[] = [];
  for (const rule of rules) {
    const report = (range: Finding['range'], message: string, extra?: Pick<Finding, 'related' | 'fixes'>) => findings.push({ ruleId: rule.id, severity: rule.defaultSeverity, message, range, ...extra });
    const context = { uri, entities, index, io, now, report };
    try {
      if (!rule.perObject || !memo) {
        rule.check(context);
        continue;
      }
      let clean = memo.clean.get(rule.id);
      if (!clean || !touched) memo.clean.set(rule.id, (clean = new WeakSet()));
      for (const entity of entities) {
        if (clean.has(entity) && !dependsOn(index.dependencyKeys(entity), touched)) continue;
        const before = findings.length;
        rule.check({ ...context, entities: [entity] });
        if (findings.length === before) {
          clean.add(entity);
          index.dependencyKeys(entity); // made now, while the file is being opened, not on its first edit
        } else clean.delete(entity);
      }
    } catch (error) {
      memo?.clean.delete(rule.id);
      findings.push(internalError(rule.id, error, entities[0].range));
    }
  }
  if (memo) memo.version = index.version;
  return findings;
}

function dependsOn(keys: readonly string[], touched: ReadonlySet<string> | undefined): boolean {
  if (!touched) return true;
  if (touched.size === 0) return false;
  for (const key of keys) if (touched.has(key)) return true;
  return false;
}
