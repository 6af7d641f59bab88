// Extracts the named objects and their references from one validated object, for the
// workspace index. Tolerant of any shape: the schema reports what is malformed.

import type { Node } from 'yaml';
import type { KindId } from '../kinds';
import { isObject } from '../kinds';
import type { Range } from '../types';
import { locate, type PathSegment } from '../yaml/locate';
import type { PositionMap } from '../yaml/positions';
import type { Entity, Reference } from './types';
import { snapshotManifest } from '../readiness/snapshot';

export interface ExtractInput {
  kindId: KindId;
  value: Record<string, unknown>;
  node: Node | null | undefined;
  positions: PositionMap;
}

export function extractEntities(input: ExtractInput): Entity[] {
  switch (input.kindId) {
    case 'openslo-v1':
    case 'openslo-v1alpha':
      return openslo(input);
    case 'sloth-prometheus-v1':
      return sloth(input, [], input.value);
    case 'sloth-k8s-v1':
      return isObject(input.value.spec) ? sloth(input, ['spec'], input.value.spec) : [];
    case 'readiness-manifest':
      return manifest(input);
    case 'prr-config':
    case 'openslo-unsupported':
      return [];
  }
}

/**
 * A manifest is named by metadata.name and refers to SLOs (OpenSLO or Sloth) by name, and to
 * runbooks by relative path (alerts, the runbook list, the rollback procedure).
 */
function manifest(input: ExtractInput): Entity[] {
  const metadata = isObject(input.value.metadata) ? input.value.metadata : {};
  const spec = isObject(input.value.spec) ? input.value.spec : {};
  const refs: Reference[] = list(spec.slos).flatMap(([slo, i]) =>
    typeof slo.ref === 'string' && slo.ref !== ''
      ? [{ targetKind: 'SLO', name: slo.ref, via: 'slos[].ref', range: rangeAt(input, ['spec', 'slos', i, 'ref']), ...(typeof slo.file === 'string' && slo.file !== '' ? { file: slo.file } : {}) }]
      : []);
  const runbook = (path: unknown, at: PathSegment[], via: string, label?: unknown) => {
    if (typeof path === 'string' && isRelativeFile(path)) refs.push({ targetKind: 'Runbook', name: path, via, range: rangeAt(input, at), ...(typeof label === 'string' ? { label } : {}) });
  };
  list(spec.alerts).forEach(([alert, i]) => runbook(alert.runbook, ['spec', 'alerts', i, 'runbook'], 'alerts[].runbook', alert.name));
  if (Array.isArray(spec.runbooks)) spec.runbooks.forEach((path, i) => runbook(path, ['spec', 'runbooks', i], 'runbooks[]'));
  const rollback = isObject(spec.release) && isObject(spec.release.rollback) ? spec.release.rollback : {};
  runbook(rollback.procedure, ['spec', 'release', 'rollback', 'procedure'], 'release.rollback.procedure', 'Rollback');
  const name = typeof metadata.name === 'string' ? metadata.name : '';
  const range = rangeAt(input, ['metadata', 'name']);
  return [{ family: 'manifest', kind: 'ServiceReadiness', name, range, refs, snapshot: snapshotManifest(input.node, input.value, input.positions, range.start.line) }];
}

function rangeAt(input: ExtractInput, path: readonly PathSegment[]): Range {
  const located = locate(input.node, path);
  const node = located.value ?? located.key ?? input.node;
  const [start, end] = node?.range ?? [0, 0];
  return input.positions.nodeRange(start, end);
}

/** The range of the key `key` inside the mapping at `path` (the mapping's own range without one). */
function keyRangeAt(input: ExtractInput, path: readonly PathSegment[], key: string | undefined): Range {
  const located = key === undefined ? undefined : locate(input.node, [...path, key]).key;
  if (!located) return rangeAt(input, path);
  const [start, end] = located.range ?? [0, 0];
  return input.positions.nodeRange(start, end);
}

function openslo(input: ExtractInput): Entity[] {
  const { value } = input;
  const kind = String(value.kind);
  const metadata = isObject(value.metadata) ? value.metadata : {};
  if (typeof metadata.name !== 'string') return [];
  const spec = isObject(value.spec) ? value.spec : {};
  const refs: Reference[] = [];
  const ref = (targetKind: string, path: PathSegment[], name: unknown, via: string) => {
    if (typeof name === 'string' && name !== '') refs.push({ targetKind, name, via, range: rangeAt(input, path) });
  };
  const entity: Entity = { family: 'openslo', kind, name: metadata.name, range: rangeAt(input, ['metadata', 'name']), refs };
  if (kind === 'SLO') {
    ref('SLI', ['spec', 'indicatorRef'], spec.indicatorRef, 'indicatorRef');
    ref('Service', ['spec', 'service'], spec.service, 'service');
    if (isObject(spec.indicator)) metricSourceRefs(spec.indicator.spec, ['spec', 'indicator', 'spec'], ref);
    list(spec.alertPolicies).forEach(([policy, i]) => {
      ref('AlertPolicy', ['spec', 'alertPolicies', i, 'alertPolicyRef'], policy.alertPolicyRef, 'alertPolicyRef');
      if (isObject(policy.spec)) alertPolicyRefs(policy.spec, ['spec', 'alertPolicies', i, 'spec'], ref);
    });
    entity.objectives = list(spec.objectives).map(([objective, i]) => {
      // A composite SLO's objectives name (or hold) an SLI each.
      ref('SLI', ['spec', 'objectives', i, 'indicatorRef'], objective.indicatorRef, `objectives[${i}].indicatorRef`);
      if (isObject(objective.indicator)) metricSourceRefs(objective.indicator.spec, ['spec', 'objectives', i, 'indicator', 'spec'], ref);
      return objectiveOf(input, objective, i);
    });
  } else if (kind === 'SLI') {
    metricSourceRefs(spec, ['spec'], ref);
    entity.metric = isObject(spec.thresholdMetric) ? 'thresholdMetric' : isObject(spec.ratioMetric) ? 'ratioMetric' : undefined;
  } else if (kind === 'AlertPolicy') {
    alertPolicyRefs(spec, ['spec'], ref);
  }
  return [entity];
}

/** An objective's place, its op/value keys, and the SLI it names itself (a composite SLO's), for openslo-objective-op-value. */
function objectiveOf(input: ExtractInput, objective: Record<string, unknown>, i: number): NonNullable<Entity['objectives']>[number] {
  const at: PathSegment[] = ['spec', 'objectives', i];
  return {
    range: keyRangeAt(input, at, Object.keys(objective)[0]),
    ...('op' in objective ? { op: keyRangeAt(input, at, 'op') } : {}),
    ...('value' in objective ? { value: keyRangeAt(input, at, 'value') } : {}),
    ...(typeof objective.indicatorRef === 'string' && objective.indicatorRef !== '' ? { indicatorRef: objective.indicatorRef } : {}),
    ...(isObject(objective.indicator) ? { inline: true } : {}),
  };
}

type RefAdder = (targetKind: string, path: PathSegment[], name: unknown, via: string) => void;

function alertPolicyRefs(spec: Record<string, unknown>, base: PathSegment[], ref: RefAdder): void {
  list(spec.conditions).forEach(([c, i]) => ref('AlertCondition', [...base, 'conditions', i, 'conditionRef'], c.conditionRef, 'conditionRef'));
  list(spec.notificationTargets).forEach(([t, i]) => ref('AlertNotificationTarget', [...base, 'notificationTargets', i, 'targetRef'], t.targetRef, 'targetRef'));
}

/** metricSourceRef can sit under thresholdMetric, or under ratioMetric's good, bad, total or raw. */
function metricSourceRefs(spec: unknown, base: PathSegment[], ref: RefAdder): void {
  if (!isObject(spec)) return;
  const sources: [PathSegment[], unknown][] = [];
  if (isObject(spec.thresholdMetric)) sources.push([['thresholdMetric'], spec.thresholdMetric.metricSource]);
  if (isObject(spec.ratioMetric)) {
    for (const part of ['good', 'bad', 'total', 'raw']) {
      const metric = spec.ratioMetric[part];
      if (isObject(metric)) sources.push([['ratioMetric', part], metric.metricSource]);
    }
  }
  for (const [path, source] of sources) {
    if (isObject(source)) ref('DataSource', [...base, ...path, 'metricSource', 'metricSourceRef'], source.metricSourceRef, 'metricSourceRef');
  }
}

function sloth(input: ExtractInput, base: PathSegment[], spec: Record<string, unknown>): Entity[] {
  const service = typeof spec.service === 'string' ? spec.service : '';
  const k8s = input.kindId === 'sloth-k8s-v1';
  return list(spec.slos).flatMap(([slo, i]) => {
    if (typeof slo.name !== 'string') return [];
    const range = rangeAt(input, [...base, 'slos', i, 'name']);
    // Without a service there is no real ID; the schema reports the missing service.
    const id = service === '' ? undefined : `${service}-${slo.name}`;
    const refs = alertRunbooks(input, [...base, 'slos', i, 'alerting'], slo.alerting, k8s ? ['pageAlert', 'ticketAlert'] : ['page_alert', 'ticket_alert']);
    return [{ family: 'sloth' as const, kind: 'SLO', name: slo.name, ...(id ? { id } : {}), range, refs }];
  });
}

/** Runbook links in Sloth alert annotations (`runbook_url`, `runbook`) that name a file in the repository. */
function alertRunbooks(input: ExtractInput, at: PathSegment[], alerting: unknown, alertKeys: readonly string[]): Reference[] {
  if (!isObject(alerting)) return [];
  const refs: Reference[] = [];
  const label = typeof alerting.name === 'string' ? alerting.name : undefined;
  const scan = (annotations: unknown, path: PathSegment[]) => {
    if (!isObject(annotations)) return;
    for (const key of ['runbook_url', 'runbook']) {
      const value = annotations[key];
      if (typeof value === 'string' && isRelativeFile(value)) refs.push({ targetKind: 'Runbook', name: value, via: `annotations.${key}`, range: rangeAt(input, [...path, key]), ...(label ? { label } : {}) });
    }
  };
  scan(alerting.annotations, [...at, 'annotations']);
  for (const key of alertKeys) if (isObject(alerting[key])) scan((alerting[key] as Record<string, unknown>).annotations, [...at, key, 'annotations']);
  return refs;
}

/** The mapping items of a list, each with its index in the list (other items are skipped, not renumbered). */
/** A path to a Markdown file in the repository (not a URL, not absolute). */
function isRelativeFile(path: string): boolean {
  return /\.(md|markdown)(#.*)?$/i.test(path) && !/^[a-z][a-z0-9+.-]*:/i.test(path) && !path.startsWith('/');
}

function list(value: unknown): [Record<string, unknown>, number][] {
  return Array.isArray(value) ? value.flatMap((item, i) => (isObject(item) ? [[item, i] as [Record<string, unknown>, number]] : [])) : [];
}
