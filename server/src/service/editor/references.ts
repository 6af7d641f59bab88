// References under the cursor (indicatorRef, a manifest's slos[].ref, a runbook path…) and
// what they name, from the workspace index: shared by hover, definition and links.

import type { Family, LocatedEntity, Reference } from '../entities/types';
import type { Position, Range } from '../types';
import type { FeatureContext, Location } from './types';
import { resolveWrittenPath } from '../uri';
export { relativePath } from '../uri';

/** As `unresolved-reference` resolves them: a manifest names SLOs of either format; the others stay in their family. */
const TARGET_FAMILIES: Record<Family, readonly Family[]> = { manifest: ['openslo', 'sloth'], openslo: ['openslo'], sloth: ['sloth'] };

const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export interface ReferenceHit {
  entity: LocatedEntity;
  ref: Reference;
}

/** The reference whose value holds `position`, in the document's indexed objects. */
export function referenceAt(context: FeatureContext, position: Position): ReferenceHit | undefined {
  for (const entity of context.index.entitiesOf(context.uri)) {
    const ref = entity.refs.find((r) => inRange(position, r.range));
    if (ref) return { entity, ref };
  }
  return undefined;
}

/** What a reference names: the objects' names in their files, or the file itself (when it exists). */
export function targetsOf(context: FeatureContext, hit: ReferenceHit): Location[] {
  if (hit.ref.targetKind === 'Runbook') return hit.ref.resolved && fileExists(context, hit.ref.resolved) ? [{ uri: hit.ref.resolved, range: START }] : [];
  const found = context.index.find(hit.ref.targetKind, hit.ref.name, TARGET_FAMILIES[hit.entity.family]);
  // A manifest's `slos[].file` says which of same-named SLOs is meant, as unresolved-reference reads it.
  const file = hit.ref.file === undefined ? undefined : resolveWrittenPath(hit.ref.file, hit.entity.uri);
  const chosen = file === undefined ? found : found.filter((e) => e.uri === file);
  return (chosen.length > 0 ? chosen : found).map((e) => ({ uri: e.uri, range: e.range }));
}

/** Without file-system access the engine cannot tell; it assumes the file is there. */
export function fileExists(context: FeatureContext, uri: string): boolean {
  return context.io ? context.io.exists(uri) : true;
}

export function inRange(position: Position, range: Range): boolean {
  const afterStart = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const beforeEnd = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return afterStart && beforeEnd;
}

