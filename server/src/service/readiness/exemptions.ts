// Exemptions from the manifest (`spec.exemptions[]`: check, reason, expires). An active
// exemption takes a failing check out of the score; from the day after `expires` it no
// longer counts, and the report says that it expired.

import type { PathSegment } from '../yaml/locate';
import { listItems } from './cross-file';
import { parseDay } from './predicates';

export interface Exemption {
  check: string;
  reason: string;
  expires: string;
  approvedBy?: string;
  /** Path of its `check` value, for locations. */
  path: PathSegment[];
  /** Active on the report's day (through `expires` inclusive); false once expired or without a real date. */
  active: boolean;
}

export function readExemptions(spec: Record<string, unknown>, today: string): Exemption[] {
  return listItems(spec.exemptions).flatMap(([item, i]) => {
    if (typeof item.check !== 'string' || item.check === '') return [];
    const expires = typeof item.expires === 'string' ? item.expires.trim() : item.expires instanceof Date ? item.expires.toISOString().slice(0, 10) : '';
    const until = parseDay(expires);
    const active = until !== undefined && (parseDay(today) ?? Infinity) <= until;
    return [{
      check: item.check,
      reason: typeof item.reason === 'string' ? item.reason : '',
      expires,
      ...(typeof item.approvedBy === 'string' ? { approvedBy: item.approvedBy } : {}),
      path: ['spec', 'exemptions', i, 'check'],
      active,
    }];
  });
}

/** The exemption that applies to a check: an active one if any (the longest-running), else the latest expired one. */
export function exemptionFor(exemptions: readonly Exemption[], checkId: string): Exemption | undefined {
  const mine = exemptions.filter((e) => e.check === checkId);
  const byExpiry = [...mine].sort((a, b) => (a.expires < b.expires ? 1 : a.expires > b.expires ? -1 : 0));
  return byExpiry.find((e) => e.active) ?? byExpiry[0];
}
