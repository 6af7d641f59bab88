// What a `.prr.yaml` may do in a workspace the user has not trusted (VS Code's restricted
// mode): lower severities and choose files, nothing else. A configuration from an
// untrusted source must not make prr slower (larger files, more findings), louder (an
// error where the rule says warning) or behave in ways the user did not expect, so every
// other key is dropped and named, for the editor to say what it ignored.

import { DEFAULT_REQUIRED_SECTIONS, type RequiredSections } from '../runbook/sections';
import { DEFAULT_LIMITS } from '../limits';
import type { Severity } from '../types';
import type { ConfigData, SeveritySetting } from './resolve';

/** Quieter first: a setting may move left, never right. */
const LOUDNESS: readonly SeveritySetting[] = ['off', 'hint', 'info', 'warning', 'error'];

export interface RestrictedConfig {
  data: ConfigData;
  /** The keys dropped, as paths (`rules.unknown-property`, `limits.maxFindings`, `readiness`). */
  ignored: string[];
}

/**
 * The part of `data` an untrusted workspace may use: `root`, `include`, `exclude` and
 * `gitignore` (which files), rule severities and required runbook sections no louder than
 * their defaults, and limits no larger than the defaults.
 */
export function restrictUntrusted(data: ConfigData, defaultSeverity: (ruleId: string) => Severity | undefined): RestrictedConfig {
  const ignored: string[] = [];
  const out: ConfigData = {};
  if (data.root !== undefined) out.root = data.root;
  if (data.include !== undefined) out.include = data.include;
  if (data.exclude !== undefined) out.exclude = data.exclude;
  if (data.gitignore !== undefined) out.gitignore = data.gitignore;

  if (data.rules) {
    out.rules = quieterOnly(data.rules, defaultSeverity, 'rules', ignored);
  }
  if (data.runbooks) {
    const { requiredSections, ...rest } = data.runbooks;
    if (requiredSections) {
      const sections = quieterOnly(requiredSections, (id) => DEFAULT_REQUIRED_SECTIONS[id as keyof RequiredSections] ?? 'off', 'runbooks.requiredSections', ignored);
      out.runbooks = { requiredSections: sections as RequiredSections };
    }
    for (const key of Object.keys(rest)) ignored.push(`runbooks.${key}`);
  }
  if (data.limits) {
    const limits: NonNullable<ConfigData['limits']> = {};
    const { maxFileSizeMB, maxRunbookSizeKB, maxFindings } = data.limits;
    if (maxFileSizeMB !== undefined) smaller(maxFileSizeMB * 1024 * 1024 <= DEFAULT_LIMITS.maxFileBytes, () => (limits.maxFileSizeMB = maxFileSizeMB), 'limits.maxFileSizeMB', ignored);
    if (maxRunbookSizeKB !== undefined) smaller(maxRunbookSizeKB * 1024 <= DEFAULT_LIMITS.maxRunbookBytes, () => (limits.maxRunbookSizeKB = maxRunbookSizeKB), 'limits.maxRunbookSizeKB', ignored);
    if (maxFindings !== undefined) smaller(maxFindings <= DEFAULT_LIMITS.maxFindings, () => (limits.maxFindings = maxFindings), 'limits.maxFindings', ignored);
    out.limits = limits;
  }
  const handled = new Set(['root', 'include', 'exclude', 'gitignore', 'rules', 'runbooks', 'limits']);
  for (const key of Object.keys(data)) if (!handled.has(key)) ignored.push(key);
  return { data: out, ignored };
}

/** Settings no louder than the default (an unknown id has none, so it is dropped). */
function quieterOnly(settings: Readonly<Record<string, SeveritySetting>>, defaultOf: (id: string) => SeveritySetting | undefined, path: string, ignored: string[]): Record<string, SeveritySetting> {
  const kept: Record<string, SeveritySetting> = {};
  for (const [id, setting] of Object.entries(settings)) {
    const fallback = defaultOf(id);
    if (fallback !== undefined && LOUDNESS.indexOf(setting) <= LOUDNESS.indexOf(fallback)) kept[id] = setting;
    else ignored.push(`${path}.${id}`);
  }
  return kept;
}

function smaller(allowed: boolean, keep: () => void, path: string, ignored: string[]): void {
  if (allowed) keep();
  else ignored.push(path);
}
