// Durations as SLO files write them, in seconds, and as people read them. OpenSLO v1 uses a
// shorthand (`28d`, `1M`: m is minutes, M is months), Sloth Prometheus durations (`5m`, `1h`,
// `30d`), OpenSLO v1alpha `count` × `unit`. Months, quarters and years have no fixed length: as
// a rolling window they are read as 30, 90 and 365 days (docs/error-budget.md says so); a
// calendar window measures the current one instead (see window.ts).

export const MINUTE = 60;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const SECONDS: Record<string, number> = { s: 1, m: MINUTE, h: HOUR, d: DAY, w: 7 * DAY, M: 30 * DAY, Q: 90 * DAY, Y: 365 * DAY };

/** An OpenSLO v1 duration shorthand (`28d`, `1M`): its count and unit, or undefined when it is not one. */
export function parseShorthand(text: unknown): { count: number; unit: 'm' | 'h' | 'd' | 'w' | 'M' | 'Q' | 'Y' } | undefined {
  if (typeof text !== 'string') return undefined;
  const match = /^([0-9]{1,9})([mhdwMQY])$/.exec(text);
  if (!match || Number(match[1]) === 0) return undefined;
  return { count: Number(match[1]), unit: match[2] as 'm' };
}

/** Seconds of an OpenSLO shorthand (months as 30 days, quarters 90, years 365), or undefined. */
export function shorthandSeconds(text: unknown): number | undefined {
  const parsed = parseShorthand(text);
  return parsed ? parsed.count * SECONDS[parsed.unit] : undefined;
}

/** Seconds of a Prometheus-style duration as Sloth and `.prr.yaml` write them (`30d`, `1h30m`, `2w`), or undefined. */
export function prometheusSeconds(text: unknown): number | undefined {
  if (typeof text !== 'string' || !/^([0-9]{1,9}(ms|s|m|h|d|w|y))+$/.test(text)) return undefined;
  let total = 0;
  for (const [, count, unit] of text.matchAll(/([0-9]+)(ms|s|m|h|d|w|y)/g)) {
    total += Number(count) * (unit === 'ms' ? 0.001 : unit === 'y' ? 365 * DAY : SECONDS[unit]);
  }
  return total > 0 ? total : undefined;
}

const V1ALPHA_UNITS: Record<string, string> = { Second: 's', Day: 'd', Week: 'w', Month: 'M', Quarter: 'Q', Year: 'Y' };

/** An OpenSLO v1alpha window's `count` × `unit` as a shorthand-like count and unit (`Second` → `s`). */
export function v1alphaUnit(count: unknown, unit: unknown): { count: number; unit: string } | undefined {
  if (typeof count !== 'number' || !Number.isInteger(count) || count <= 0 || typeof unit !== 'string') return undefined;
  const short = V1ALPHA_UNITS[unit];
  return short ? { count, unit: short } : undefined;
}

/** Seconds of a count of a unit (`s m h d w M Q Y`). */
export function unitSeconds(count: number, unit: string): number | undefined {
  const seconds = SECONDS[unit];
  return seconds === undefined ? undefined : count * seconds;
}

/**
 * A duration for people: the two largest non-zero units among d, h, m, s (`40 m 19 s`,
 * `2 d 2 h`), rounded to the nearest second; under a second, `0.4 s`.
 */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '∞';
  if (seconds < 1) return `${trim(seconds, 1)} s`;
  let rest = Math.round(seconds);
  const parts: string[] = [];
  for (const [unit, size] of [['d', DAY], ['h', HOUR], ['m', MINUTE], ['s', 1]] as const) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0 || parts.length > 0) parts.push(`${count} ${unit}`);
  }
  const shown = parts.slice(0, 2);
  // `3 d 0 h` says no more than `3 d`.
  return (shown[1]?.startsWith('0 ') ? shown.slice(0, 1) : shown).join(' ');
}

/** A number with at most `digits` decimals and no trailing zeros (`14.4`, `0.1`). */
export function trim(value: number, digits: number): string {
  return String(Number(value.toFixed(digits)));
}

/** A share as a percentage to 3 significant digits (`2 %`, `0.1 %`, `2.32 %`, `143 %`). */
export function formatPercent(share: number): string {
  return `${Number((share * 100).toPrecision(3))} %`;
}
