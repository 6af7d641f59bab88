// The `prr` settings the server reads through workspace/configuration.

import type { SeveritySetting } from '../service';

export interface Settings {
  enable: boolean;
  /** Per-rule severity overrides, e.g. { "unknown-property": "warning" }. */
  rules: Record<string, SeveritySetting>;
}

export const DEFAULT_SETTINGS: Settings = { enable: true, rules: {} };

const SEVERITY_VALUES = new Set(['error', 'warning', 'info', 'hint', 'off']);

/** Accepts whatever a client sends (null, partial, wrong types) and keeps only what is valid. */
export function readSettings(raw: unknown): Settings {
  if (typeof raw !== 'object' || raw === null) return DEFAULT_SETTINGS;
  const value = raw as { enable?: unknown; rules?: unknown };
  const rules: Record<string, SeveritySetting> = {};
  if (typeof value.rules === 'object' && value.rules !== null) {
    for (const [id, severity] of Object.entries(value.rules)) {
      if (typeof severity === 'string' && SEVERITY_VALUES.has(severity)) rules[id] = severity as SeveritySetting;
    }
  }
  return { enable: value.enable !== false, rules };
}
