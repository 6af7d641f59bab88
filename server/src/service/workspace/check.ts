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
  /** The objects every per-object rule found clean: one look-up each passes over most objects of a big file. */
  allClean?: WeakSet<LocatedEntity>;
}

export function checkWorkspace(rules: readonly WorkspaceRule[], uri: string, index: WorkspaceIndex, io: EngineIO | undefined, now: Date, memo?: WorkspaceMemo): Finding[] {
  const entities = index.entitiesOf(uri);
  if (entities.length === 0) return [];
  const touched = memo && index.touchedSince(memo.version);
  // Each rule's findings apart, joined in the order of the rules: as if each rule had looked at every object in turn.
  const found = rules.map((): Finding[] => []);
  const context = (i: number, only?: LocatedEntity) => ({
    uri, entities: only ? [only] : entities, index, io, now,
    report: (range: Finding['range'], message: string, extra?: Pick<Finding, 'related' | 'fixes'>) => found[i].push({ ruleId: rules[i].id, severity: rules[i].defaultSeverity, message, range, ...extra }),
  });
  const failed = (i: number, error: unknown) => {
    memo?.clean.delete(rules[i].id);
    found[i].push(internalError(rules[i].id, error, entities[0].range));
  };
  const perObject: number[] = [];
  rules.forEach((rule, i) => {
    if (rule.perObject && memo) perObject.push(i);
    else {
      try {
        rule.check(context(i));
      } catch (error) {
        failed(i, error);
      }
    }
  });
  if (memo && perObject.length > 0) checkObjects({ rules, perObject, entities, index, memo, touched, context, failed, found });
  if (memo) memo.version = index.version;
  return found.flat();
}

/**
 * The per-object rules over the file's objects: an object every rule found clean before, whose index entries were
 * not touched since, is passed over; the others are looked at by each rule that did not find them clean.
 */
interface ObjectPass {
  rules: readonly WorkspaceRule[];
  /** Indexes in `rules` of the per-object rules. */
  perObject: readonly number[];
  entities: readonly LocatedEntity[];
  index: WorkspaceIndex;
  memo: WorkspaceMemo;
  touched: ReadonlySet<string> | undefined;
  context: (i: number, only: LocatedEntity) => Parameters<WorkspaceRule['check']>[0];
  failed: (i: number, error: unknown) => void;
  found: Finding[][];
}

function checkObjects({ rules, perObject, entities, index, memo, touched, context, failed, found }: ObjectPass): void {
  let fresh = !memo.allClean;
  const clean = perObject.map((i) => {
    let set = memo.clean.get(rules[i].id);
    if (!set || !touched) {
      memo.clean.set(rules[i].id, (set = new WeakSet()));
      fresh = true;
    }
    return set;
  });
  // A rule that starts afresh (the first check, a rule that failed, a log that no longer reaches back) finds nothing clean.
  const allClean = fresh || !memo.allClean ? (memo.allClean = new WeakSet()) : memo.allClean;
  const broken = new Set<number>();
  for (const entity of entities) {
    const keys = index.dependencyKeys(entity); // made now, while the file is being opened, not on its first edit
    if (allClean.has(entity) && !dependsOn(keys, touched)) continue;
    const stale = dependsOn(keys, touched);
    let cleanEverywhere = true;
    perObject.forEach((i, k) => {
      if (broken.has(i) || (!stale && clean[k].has(entity))) return;
      const before = found[i].length;
      try {
        rules[i].check(context(i, entity));
      } catch (error) {
        broken.add(i);
        failed(i, error);
        return;
      }
      if (found[i].length === before) clean[k].add(entity);
      else {
        clean[k].delete(entity);
        cleanEverywhere = false;
      }
    });
    if (cleanEverywhere && broken.size === 0) allClean.add(entity);
    else allClean.delete(entity);
  }
}

function dependsOn(keys: readonly string[], touched: ReadonlySet<string> | undefined): boolean {
  if (!touched) return true;
  if (touched.size === 0) return false;
  for (const key of keys) if (touched.has(key)) return true;
  return false;
}
