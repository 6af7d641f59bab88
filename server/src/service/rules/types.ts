// The two shapes of rule beyond the schema: object rules look at one object of one
// document; workspace rules look across files through the index.

import type { Family, LocatedEntity } from '../entities/types';
import type { KindId } from '../kinds';
import type { Fix, Range, RelatedLocation, RuleMeta } from '../types';
import type { EngineIO } from '../runbook/types';
import type { PathSegment } from '../yaml/locate';
import type { BudgetItem, BudgetSettings } from '../budget/evaluate';

/** Reports a problem at `path` inside the object: at its key, or (default) at its value. */
export type Report = (path: readonly PathSegment[], message: string, at?: 'key' | 'value') => void;

export interface ObjectRule extends RuleMeta {
  kinds: readonly KindId[];
  check(object: Record<string, unknown>, report: Report): void;
}

export interface WorkspaceView {
  /** Objects of `kind` named `name`, in the given families (default: all). */
  find(kind: string, name: string, families?: readonly Family[]): LocatedEntity[];
  /** Objects sharing a duplicate-detection identity. */
  withId(family: Family, id: string): LocatedEntity[];
  /** The names of all objects of `kind` in the given families, for did-you-mean. */
  namesOf(kind: string, families: readonly Family[]): string[];
  /** Whether any object of this kind exists anywhere in the workspace. */
  hasKind(family: Family, kind: string): boolean;
}

export interface WorkspaceContext {
  uri: string;
  /** The named objects of the file being checked. */
  entities: readonly LocatedEntity[];
  index: WorkspaceView;
  io: EngineIO | undefined;
  now: Date;
  report(range: Range, message: string, extra?: { related?: RelatedLocation[]; fixes?: Fix[] }): void;
}

export interface WorkspaceRule extends RuleMeta {
  check(context: WorkspaceContext): void;
  /**
   * The rule judges each object on its own, and what it finds for one depends only on the index entries under
   * the object's own name and id, under the names its references point at, and on whether objects of the kinds
   * they point at exist (WorkspaceIndex.dependencyKeys). Then an object it found nothing wrong with, and none of
   * whose entries changed, is not looked at again on the next check of its file (workspace/check.ts).
   */
  perObject?: true;
}

/**
 * Rules on the error-budget arithmetic of a file's objectives and alerts (budget/evaluate.ts),
 * which depends on configuration (Sloth's period) and the clock (calendar windows).
 */
export interface BudgetRule extends RuleMeta {
  check(items: readonly BudgetItem[], settings: BudgetSettings, report: (range: Range, message: string) => void): void;
}
