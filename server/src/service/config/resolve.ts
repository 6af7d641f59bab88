// `.prr.yaml` files, merged into the configuration that applies to one file. Layers come
// from the shells (found by walking up from the file); globs in a layer are relative to
// that layer's folder. Nearer layers win: rule severities and required sections key by
// key, include lists as a whole, custom schema lists as a whole; excludes add up.

import { DEFAULT_REQUIRED_SECTIONS, type RequiredSections } from '../runbook/sections';
import type { RunbookOptions } from '../runbook/types';
import type { Severity } from '../types';
import { mergeReadiness, type ReadinessConfigData, type ReadinessSettings } from '../readiness/settings';
import { DEFAULT_LIMITS, type Limits } from '../limits';
import { DEFAULT_BUDGET_SETTINGS } from '../budget/evaluate';
import { prometheusSeconds } from '../budget/duration';
import { compileGlobs } from './glob';
import { fileUriOf, resolveWrittenPath } from '../uri';

export type SeveritySetting = Severity | 'off';

/** The validated content of one `.prr.yaml` (see schemas/prr-config-v1.schema.json). */
export interface ConfigData {
  root?: boolean;
  include?: { runbooks?: string[]; manifests?: string[] };
  exclude?: string[];
  gitignore?: boolean;
  rules?: Record<string, SeveritySetting>;
  runbooks?: { requiredSections?: RequiredSections; synonyms?: Record<string, string[]>; staleAfterDays?: number };
  readiness?: ReadinessConfigData;
  limits?: LimitsData;
  budget?: { slothWindow?: string; minimumBudget?: string };
  /** Extra JSON Schema files every readiness manifest must also satisfy, relative to the file's folder. */
  schemas?: string[];
}

/** `limits:` in `.prr.yaml`. */
export interface LimitsData {
  maxFileSizeMB?: number;
  maxRunbookSizeKB?: number;
  maxFindings?: number;
}

export interface ConfigLayer {
  /** Absolute folder of the `.prr.yaml` (POSIX separators). */
  folder: string;
  data: ConfigData;
}

/** Everything the engine needs to know about the configuration for one file. */
export interface FileConfig {
  severities: Readonly<Record<string, SeveritySetting>>;
  runbooks: RunbookOptions;
  gitignore: boolean;
  /** Readiness report settings: per-check weight, level, blocking tiers; ages of dated records. */
  readiness: ReadinessSettings;
  /** Size limits and the findings cap per file (`limits:`). */
  limits: Limits;
  /** Error-budget settings (`budget:`): Sloth's SLO period and the smallest budget not reported, in seconds. */
  budget: { slothPeriodSeconds: number; minimumBudgetSeconds: number };
  /** URIs of the custom schemas (`schemas:`) readiness manifests must also satisfy: the nearest layer's list. */
  customSchemas: readonly string[];
  /** Set in a workspace the user has not trusted: files a `.prr.yaml` names (custom schemas) are not read, not even to report on them. */
  untrusted?: true;
  isRunbookFile(path: string): boolean;
  isManifestFile(path: string): boolean;
  isExcluded(path: string): boolean;
}

export const DEFAULT_RUNBOOK_GLOBS = ['**/runbooks/**/*.md', '**/*.runbook.md'];
export const DEFAULT_MANIFEST_GLOBS = ['**/readiness.{yaml,yml}', '**/*.readiness.{yaml,yml}'];
const ALWAYS_EXCLUDED = ['**/node_modules/**', '**/.git/**'];
/** Section indexes are never runbooks, whatever the globs say. */
const INDEX_FILE = /(^|\/)(_index|index|readme)\.(md|markdown)$/i;

/** Merges layers ordered from the farthest (a root) to the nearest. */
export function resolveConfig(layers: readonly ConfigLayer[]): FileConfig {
  const severities: Record<string, SeveritySetting> = {};
  const required: Record<string, SeveritySetting> = { ...DEFAULT_REQUIRED_SECTIONS };
  const synonyms: Record<string, string[]> = {};
  let staleAfterDays = 180;
  let gitignore = true;
  const budget = { ...DEFAULT_BUDGET_SETTINGS };
  let runbookGlobs = { folder: '/', patterns: DEFAULT_RUNBOOK_GLOBS };
  let manifestGlobs = { folder: '/', patterns: DEFAULT_MANIFEST_GLOBS };
  const excludes: { folder: string; patterns: string[] }[] = [{ folder: '/', patterns: ALWAYS_EXCLUDED }];
  let customSchemas: readonly string[] = [];
  for (const { folder, data } of layers) {
    Object.assign(severities, data.rules);
    Object.assign(required, data.runbooks?.requiredSections);
    for (const [id, more] of Object.entries(data.runbooks?.synonyms ?? {})) synonyms[id] = [...(synonyms[id] ?? []), ...more];
    staleAfterDays = data.runbooks?.staleAfterDays ?? staleAfterDays;
    gitignore = data.gitignore ?? gitignore;
    budget.slothPeriodSeconds = prometheusSeconds(data.budget?.slothWindow) ?? budget.slothPeriodSeconds;
    // `0s` is a minimum too (no objective is under it); prometheusSeconds reads zero as no duration.
    const minimum = data.budget?.minimumBudget;
    budget.minimumBudgetSeconds = prometheusSeconds(minimum) ?? (typeof minimum === 'string' && /^(0+(ms|s|m|h|d|w|y))+$/.test(minimum) ? 0 : budget.minimumBudgetSeconds);
    if (data.include?.runbooks) runbookGlobs = { folder, patterns: data.include.runbooks };
    if (data.include?.manifests) manifestGlobs = { folder, patterns: data.include.manifests };
    if (data.exclude) excludes.push({ folder, patterns: data.exclude });
    // A whole list, not added up: a folder can then drop a parent's schema (`schemas: []`).
    if (data.schemas) customSchemas = schemaUris(folder, data.schemas);
  }
  const runbook = matcher([runbookGlobs]);
  const manifest = matcher([manifestGlobs]);
  const excluded = matcher(excludes);
  return {
    severities,
    runbooks: { requiredSections: required, synonyms, staleAfterDays },
    gitignore,
    readiness: mergeReadiness(layers.map((l) => l.data.readiness)),
    limits: mergeLimits(layers.map((l) => l.data.limits)),
    budget,
    customSchemas,
    isRunbookFile: (path) => runbook(path) && !INDEX_FILE.test(path),
    isManifestFile: manifest,
    isExcluded: excluded,
  };
}

export const DEFAULT_CONFIG: FileConfig = resolveConfig([]);

/** `schemas:` entries as URIs, relative to the layer's folder (an `https://` entry stays one: it is reported, not fetched). */
function schemaUris(folder: string, entries: readonly string[]): string[] {
  const base = fileUriOf(`${folder.endsWith('/') ? folder : `${folder}/`}.prr.yaml`);
  return entries.flatMap((entry) => {
    const uri = resolveWrittenPath(entry, base);
    return uri ? [uri] : [];
  });
}

/** The nearest layer that sets a limit wins, key by key. */
function mergeLimits(layers: readonly (LimitsData | undefined)[]): Limits {
  const limits = { ...DEFAULT_LIMITS };
  const bytes = (mb: number) => Math.round(mb * 1024 * 1024);
  for (const data of layers) {
    if (data?.maxFileSizeMB !== undefined) limits.maxFileBytes = bytes(data.maxFileSizeMB);
    if (data?.maxRunbookSizeKB !== undefined) limits.maxRunbookBytes = Math.round(data.maxRunbookSizeKB * 1024);
    if (data?.maxFindings !== undefined) limits.maxFindings = data.maxFindings;
  }
  return limits;
}

/** A test of absolute paths against globs relative to their folders (in bounded time: see glob.ts). */
function matcher(groups: readonly { folder: string; patterns: readonly string[] }[]): (path: string) => boolean {
  const tests = groups.map(({ folder, patterns }) => {
    const isMatch = compileGlobs(patterns);
    const prefix = folder.endsWith('/') ? folder : `${folder}/`;
    return (path: string) => path.startsWith(prefix) && isMatch(path.slice(prefix.length));
  });
  return (path) => tests.some((t) => t(path.replace(/\\/g, '/')));
}
