// A calendar-aligned time window starts in a time zone, which OpenSLO tools load from the
// IANA database by name (go-sdk: time.LoadLocation, case-sensitive). The schema checks only
// the shape of the name; this rule checks the name exists, with the runtime's IANA data.

import { isObject } from '../../kinds';
import { nearest } from '../../schema/suggest';
import type { ObjectRule } from '../types';

/** The schema's pattern for `calendar.timeZone`: names of another shape are the schema's finding. */
const NAME_SHAPE = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

export const rule: ObjectRule = {
  id: 'openslo-time-zone',
  defaultSeverity: 'error',
  description: "A calendar window's `timeZone` is not a time zone of the IANA database.",
  kinds: ['openslo-v1', 'openslo-v1alpha'],
  check(object, report) {
    const spec = object.spec;
    if (object.kind !== 'SLO' || !isObject(spec)) return;
    const key = object.apiVersion === 'openslo/v1' ? 'timeWindow' : 'timeWindows';
    const windows = spec[key];
    if (!Array.isArray(windows)) return;
    windows.forEach((window, i) => {
      const calendar = isObject(window) ? window.calendar : undefined;
      const zone = isObject(calendar) ? calendar.timeZone : undefined;
      if (typeof zone !== 'string' || !NAME_SHAPE.test(zone)) return;
      const problem = checkZone(zone);
      if (problem) report(['spec', key, i, 'calendar', 'timeZone'], `\`spec.${key}[${i}].calendar.timeZone\` ${problem}`);
    });
  },
};

/** What is wrong with `zone`, or undefined when it is a real IANA name written as the database writes it. */
function checkZone(zone: string): string | undefined {
  const names = zoneNames();
  if (!isKnownZone(zone)) {
    const match = nearest(zone, names);
    const hint = match ? ` — did you mean \`${match}\`?` : '';
    return `must be a time zone name from the IANA database, e.g. \`America/New_York\` or \`UTC\`; got \`${zone}\`${hint}`;
  }
  // Intl ignores case, but the IANA names are looked up as written (Go's time.LoadLocation).
  // Aliases (`US/Eastern`) are not in the list of canonical names, so only those are compared.
  if (!names.includes(zone)) {
    const lower = zone.toLowerCase();
    const exact = names.find((n) => n.toLowerCase() === lower);
    if (exact) return `must be written \`${exact}\`: time zone names are case-sensitive; got \`${zone}\``;
  }
  return undefined;
}

function isKnownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

let names: readonly string[] | undefined;

/** The canonical IANA names the runtime knows, plus `UTC` (which the list leaves out). */
function zoneNames(): readonly string[] {
  if (!names) {
    const supported = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    names = supported.includes('UTC') ? supported : [...supported, 'UTC'];
  }
  return names;
}
