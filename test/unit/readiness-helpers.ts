// Test helpers for the readiness report: a manifest with `spec` lines of the test's
// choosing, an in-memory workspace (files the engine can read through its io), and the
// report of it judged on a fixed day.

import { createEngine, resolveConfig, type CheckResult, type ConfigData, type ReadinessReport, type ServiceReport } from '../../server/src/service';

export const TODAY = '2026-12-01';
export const ROOT = 'file:///ws';

/** A manifest `svc` (owner team-a, tier 2 unless the lines set them) with these `spec` lines (indented two spaces). */
export function manifestWith(specLines: string, name = 'svc'): string {
  const lines = specLines === '' ? [] : specLines.split('\n');
  const has = (key: string) => lines.some((l) => l.startsWith(`  ${key}:`));
  return ['apiVersion: prr/v1', 'kind: ServiceReadiness', 'metadata:', `  name: ${name}`, 'spec:',
    ...(has('owner') ? [] : ['  owner: team-a']), ...(has('tier') ? [] : ['  tier: 2']), ...lines, ''].join('\n');
}

/** A valid Sloth SLO `name` (no alerts), so references to it resolve to a valid SLO. */
export function slothSlo(name: string, service = 'svc'): string {
  return ['version: prometheus/v1', `service: ${service}`, 'slos:', `  - name: ${name}`, '    objective: 99.9', '    sli:', '      events:',
    '        error_query: sum(rate(errors[{{.window}}]))', '        total_query: sum(rate(total[{{.window}}]))', '    alerting:',
    '      page_alert:', '        disable: true', '      ticket_alert:', '        disable: true', ''].join('\n');
}

/** A runbook with every default-required section, reviewed on `reviewed`. */
export function runbook(reviewed = '2026-11-01', sections = ['Meaning', 'Impact', 'Diagnosis', 'Mitigation', 'Escalation']): string {
  return ['---', `lastReviewed: ${reviewed}`, '---', '', '# Alert', '', ...sections.flatMap((s) => [`## ${s}`, '', s === 'Mitigation' ? '1. Do the thing.' : 'Text.', '']), ''].join('\n');
}

export interface Workspace {
  /** Path (relative to the workspace) → text. The manifest goes to `svc.readiness.yaml` unless given. */
  files: Record<string, string>;
  config?: ConfigData;
  today?: string;
}

export function reportOf({ files, config, today = TODAY }: Workspace): ReadinessReport {
  const texts = new Map(Object.entries(files).map(([path, text]) => [`${ROOT}/${path}`, text]));
  const engine = createEngine({ io: { exists: (uri) => texts.has(uri), readFile: (uri) => texts.get(uri) }, now: () => new Date(`${today}T12:00:00Z`) });
  const fileConfig = resolveConfig(config ? [{ folder: '/ws', data: config }] : []);
  for (const [uri, text] of texts) if (/\.ya?ml$/.test(uri)) engine.setFile({ uri, text }, fileConfig);
  return engine.report({ root: ROOT, configFor: () => fileConfig });
}

/** The one service of a workspace whose manifest has these spec lines. */
export function serviceOf(specLines: string, others: Record<string, string> = {}, options: Omit<Workspace, 'files'> = {}): ServiceReport {
  const report = reportOf({ files: { 'svc.readiness.yaml': manifestWith(specLines), ...others }, ...options });
  if (report.services.length !== 1) throw new Error(`expected one service, got ${report.services.length}`);
  return report.services[0];
}

export function checkOf(service: ServiceReport, id: string): CheckResult {
  const check = service.checks.find((c) => c.id === id);
  if (!check) throw new Error(`no check ${id}`);
  return check;
}

/** The text a location's range covers in `text` (single-line ranges). */
export function textAt(text: string, range: CheckResult['location']['range']): string {
  const line = text.split('\n')[range.start.line] ?? '';
  return range.start.line === range.end.line ? line.slice(range.start.character, range.end.character) : `${line.slice(range.start.character)}…`;
}
