// A YAML file's own check (its findings and named objects, before any cross-file rule) as
// plain data that can cross to another thread. `prr check` parses files in worker threads,
// each with its own engine, and hands their results to the main engine, which then indexes
// them and runs the cross-file rules once over the whole workspace — the same code path as
// a single-threaded check, with the parse done elsewhere.

import type { TextResult } from './check-yaml';
import { PositionMap } from './yaml/positions';

/** What a worker's engine sends: the check without what only the editor's re-checks use. */
export type LocalCheck = Omit<TextResult, 'chunks'>;

/** The result without its per-document chunks (they hold the documents' results a second time). */
export function portable(result: TextResult): LocalCheck {
  const { chunks, ...rest } = result as TextResult & { chunks?: unknown };
  return chunks === undefined ? result : rest;
}

/**
 * The result as the receiving engine uses it. Structured cloning keeps data, not classes:
 * a manifest's snapshot keeps the report's position map, whose methods are given back here.
 */
export function revive(checked: LocalCheck): TextResult {
  for (const entity of checked.entities) {
    const positions = entity.snapshot?.positions;
    if (positions && !(positions instanceof PositionMap)) Object.setPrototypeOf(positions, PositionMap.prototype);
  }
  return checked;
}
