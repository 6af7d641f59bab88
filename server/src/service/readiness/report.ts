// The readiness report of a workspace: every manifest in the index judged as a service,
// with SLO references resolved through the index and runbooks read through the engine's
// io, then a summary. Pure: the shells pass the index, texts, configuration and clock in.

import type { AchievedLevel, ReadinessReport, ServiceReport } from '../../protocol/report';
import type { FileConfig } from '../config/resolve';
import type { LocatedEntity } from '../entities/types';
import type { EngineIO } from '../runbook/types';
import { nearest } from '../schema/suggest';
import type { Finding } from '../types';
import type { WorkspaceIndex } from '../workspace/index';
import { valueAt } from './snapshot';
import { READINESS_CHECKS } from './registry';
import { runbookInfo, type RunbookInfo } from './runbook-info';
import { judgeService } from './service';
import type { CheckContext, RunbookState, SloResolution } from './types';
import { decodeLenient, resolveWrittenPath } from '../uri';
import type { BudgetItem } from '../budget/evaluate';
import { sloBudgetLines } from './slo-budgets';

/** Cross-file findings a manifest gets that other checks judge (an SLO or runbook that is not there). */
const JUDGED_ELSEWHERE = new Set(['unresolved-reference', 'runbook-not-found']);
const COMMON_FAILURES = 10;

export interface ReportSources {
  now: Date;
  index: WorkspaceIndex;
  io?: EngineIO;
  configFor(uri: string): FileConfig;
  /** The findings of an indexed YAML file, as `check` gives them. */
  findings(uri: string): Finding[];
  /** The error budget of each objective and alert of an indexed SLO file (for one line per SLO). */
  budgets?(uri: string): readonly BudgetItem[];
  /** Folder the paths are shown relative to (a URI). */
  root?: string;
  /** Only manifests that are these files or lie under these folders (URIs). */
  uris?: readonly string[];
}

export function buildReport(sources: ReportSources): ReadinessReport {
  const today = sources.now.toISOString().slice(0, 10);
  const display = displayer(sources.root);
  const findings = memo((uri: string) => sources.findings(uri));
  const runbooks = memo((uri: string): RunbookInfo | null => {
    const text = sources.io?.readFile(uri);
    return text === undefined ? null : runbookInfo(uri, text, sources.configFor(uri).runbooks);
  });
  const services: ServiceReport[] = [];
  for (const uri of manifestUris(sources)) {
    const config = sources.configFor(uri);
    for (const entity of sources.index.entitiesOf(uri)) {
      const snapshot = entity.snapshot;
      if (entity.family !== 'manifest' || !snapshot) continue;
      // The checker moved the entity to its document's place in a multi-document file.
      const doc = { snapshot, shift: entity.range.start.line - snapshot.nameLine };
      const files = new Set<string>();
      const spec = (typeof snapshot.value.spec === 'object' && snapshot.value.spec !== null && !Array.isArray(snapshot.value.spec) ? snapshot.value.spec : {}) as Record<string, unknown>;
      const tier = spec.tier;
      const errors = findings(uri).filter((f) => f.severity === 'error' && !JUDGED_ELSEWHERE.has(f.ruleId) && f.range.start.line >= doc.shift && f.range.start.line < doc.shift + snapshot.lineCount);
      const context: CheckContext = {
        uri,
        spec,
        get: (path) => valueAt(snapshot.value, path),
        tier: typeof tier === 'number' && [1, 2, 3, 4].includes(tier) ? tier : undefined,
        today,
        ages: config.readiness.ages,
        runbookAge: config.runbooks.staleAfterDays,
        manifestErrors: errors.map((f) => ({ message: f.message, range: f.range, ruleId: f.ruleId })),
        slo: (ref, file) => {
          const resolved = resolveSlo(sources, findings, uri, ref, file);
          if (resolved.state === 'valid' || resolved.state === 'invalid') files.add(resolved.uri);
          return resolved;
        },
        runbook: (path) => {
          const state = resolveRunbook(sources, runbooks, uri, path);
          if (state.state === 'found') files.add(state.uri);
          return state;
        },
      };
      const judged = judgeService({ uri, doc, nameRange: entity.range, context, settings: config.readiness, display, files: () => [...files] });
      const budgets = sources.budgets ? sloBudgetLines(context, { index: sources.index, budgets: sources.budgets, location: (file, item) => ({ uri: file, path: display(file), range: item.fact.anchor }) }) : [];
      services.push(budgets.length > 0 ? { ...judged, budgets } : judged);
    }
  }
  services.sort((a, b) => compare(a.name, b.name) || compare(a.file.path, b.file.path) || a.file.range.start.line - b.file.range.start.line);
  return { version: 1, date: today, ...(sources.root ? { root: sources.root } : {}), services, summary: summarize(services) };
}

function manifestUris(sources: ReportSources): string[] {
  const wanted = sources.uris?.map((u) => u.replace(/\/+$/, ''));
  return sources.index.uris()
    .filter((uri) => sources.index.entitiesOf(uri).some((e) => e.family === 'manifest'))
    .filter((uri) => !wanted || wanted.some((w) => uri === w || uri.startsWith(`${w}/`)))
    .sort();
}

function resolveSlo(sources: ReportSources, findings: (uri: string) => Finding[], manifest: string, ref: string, file: string | undefined): SloResolution {
  let found: LocatedEntity[] = sources.index.find('SLO', ref, ['openslo', 'sloth']);
  if (file !== undefined) {
    const target = resolveWrittenPath(file, manifest);
    found = found.filter((e) => e.uri === target);
  }
  if (found.length === 0) {
    const match = nearest(ref, sources.index.namesOf('SLO', ['openslo', 'sloth']));
    return { state: 'missing', candidates: match && match !== ref ? [match] : [] };
  }
  if (found.length > 1) return { state: 'ambiguous', uris: [...new Set(found.map((e) => e.uri))] };
  const [slo] = found;
  const errors = findings(slo.uri).filter((f) => f.severity === 'error');
  if (errors.length > 0) return { state: 'invalid', uri: slo.uri, range: slo.range, errors: errors.length, first: { message: errors[0].message, range: errors[0].range } };
  return { state: 'valid', uri: slo.uri, range: slo.range };
}

function resolveRunbook(sources: ReportSources, runbooks: (uri: string) => RunbookInfo | null, manifest: string, path: string): RunbookState {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) return { state: 'external' };
  if (!sources.io) return { state: 'unchecked' };
  const uri = resolveWrittenPath(path, manifest);
  if (uri === undefined) return { state: 'missing', uri: path };
  const info = runbooks(uri);
  if (info === null) return sources.io.exists(uri) ? { state: 'unreadable', uri } : { state: 'missing', uri };
  return { state: 'found', uri, ...info };
}

function summarize(services: readonly ServiceReport[]): ReadinessReport['summary'] {
  const byLevel: Record<AchievedLevel, number> = { none: 0, bronze: 0, silver: 0, gold: 0 };
  const failures = new Map<string, { title: string; services: number }>();
  for (const service of services) {
    byLevel[service.level]++;
    for (const check of service.checks) {
      if (check.status !== 'fail') continue;
      const entry = failures.get(check.id) ?? { title: check.title, services: 0 };
      entry.services++;
      failures.set(check.id, entry);
    }
  }
  const order = new Map(READINESS_CHECKS.map((c, i) => [c.id, i]));
  const commonFailures = [...failures.entries()]
    .sort(([a, x], [b, y]) => y.services - x.services || (order.get(a) ?? 0) - (order.get(b) ?? 0))
    .slice(0, COMMON_FAILURES)
    .map(([id, { title, services: count }]) => ({ id, title, services: count }));
  const total = services.reduce((sum, s) => sum + s.score, 0);
  return {
    services: services.length,
    byLevel,
    blocked: services.filter((s) => s.blocked).length,
    averageScore: services.length === 0 ? 0 : Math.floor(total / services.length),
    commonFailures,
  };
}

/** URIs as people read them: relative to the root when inside it, else the file path. */
function displayer(root: string | undefined): (uri: string) => string {
  // `file:///` (a report run from `/`) keeps its slashes: stripping them all made every path `//…`.
  const prefix = root === undefined ? undefined : root.endsWith('/') ? root : `${root}/`;
  // Memoized: every check of a service names the same few files, and the report is kept.
  return memo((uri) => {
    const inside = prefix !== undefined && uri.startsWith(prefix) ? uri.slice(prefix.length) : uri.startsWith('file://') ? uri.slice('file://'.length) : uri;
    return decodeLenient(inside);
  });
}

function memo<T>(compute: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    if (!cache.has(key)) cache.set(key, compute(key));
    return cache.get(key) as T;
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
