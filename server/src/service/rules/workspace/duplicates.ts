// Shared wording for duplicate findings.

import type { LocatedEntity } from '../../entities/types';
import type { RelatedLocation } from '../../types';
import { relativePath } from '../../uri';

/** `from` is the file being checked: places in it say "line N", others a path relative to it. */
export function describeOthers(others: readonly LocatedEntity[], from: string): string {
  const places = others.slice(0, 3).map((o) => (o.uri === from ? `line ${o.range.start.line + 1}` : `${relativePath(from, o.uri)}:${o.range.start.line + 1}`));
  const more = others.length > 3 ? ` and ${others.length - 3} more` : '';
  return `also at ${places.join(', ')}${more}`;
}

/** At most this many other places are attached: a name copied into thousands of files must not cost thousands squared. */
const MAX_RELATED = 20;

export function relatedOf(others: readonly LocatedEntity[], message: string): RelatedLocation[] {
  return others.slice(0, MAX_RELATED).map((o) => ({ uri: o.uri, range: o.range, message }));
}
