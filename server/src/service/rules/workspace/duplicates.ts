// Shared wording for duplicate findings.

import type { LocatedEntity } from '../../entities/types';
import type { RelatedLocation } from '../../types';

export function describeOthers(others: readonly LocatedEntity[]): string {
  const places = others.slice(0, 3).map((o) => `${fileName(o.uri)}:${o.range.start.line + 1}`);
  const more = others.length > 3 ? ` and ${others.length - 3} more` : '';
  return `also at ${places.join(', ')}${more}`;
}

export function relatedOf(others: readonly LocatedEntity[], message: string): RelatedLocation[] {
  return others.map((o) => ({ uri: o.uri, range: o.range, message }));
}

function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}
