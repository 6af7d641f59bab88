// What the budget arithmetic needs of one object, read once when the document is checked and
// cached with its findings: objectives (target, window, budgeting method), burn-rate alert
// conditions, and the names that link an SLO to its alert policies and a policy to its conditions
// (resolved across the file in evaluate.ts). Nothing here depends on configuration or the clock.

import type { Node } from 'yaml';
import { isObject, type KindId } from '../kinds';
import type { Range } from '../types';
import { locate, type PathSegment } from '../yaml/locate';
import type { PositionMap } from '../yaml/positions';
import { parseShorthand, v1alphaUnit } from './duration';
import type { WindowSpec } from './window';

export type BudgetingMethod = 'Occurrences' | 'Timeslices' | 'RatioTimeslices';

export interface ObjectiveFact {
  type: 'objective';
  slo: string;
  /** `[0]` or the objective's displayName. */
  label: string;
  /** Sloth SLOs have no window of their own: the configured Sloth period applies. */
  window: WindowSpec | 'sloth';
  method: BudgetingMethod;
  /** As a fraction. */
  target: number;
  /** The field that holds the target when it is written as a percentage (Sloth's `objective`, OpenSLO's `targetPercent`). */
  percentField?: 'objective' | 'targetPercent';
  /** The timeSliceWindow as written (Timeslices, RatioTimeslices). */
  slice?: string;
  /** Where the hint goes (the target's value) and the object or list item it is about. */
  anchor: Range;
  scope: Range;
}

export interface ConditionFact {
  type: 'condition';
  /** The AlertCondition's name (standalone or inline). */
  name?: string;
  severity?: string;
  op?: string;
  threshold: number;
  lookback?: string;
  alertAfter?: string;
  /** The SLO it sits in (inline), or the AlertPolicy it sits in. */
  inSlo?: string;
  inPolicy?: string;
  anchor: Range;
  scope: Range;
  thresholdRange: Range;
  lookbackRange?: Range;
}

export interface SlothAlertFact {
  type: 'sloth-alert';
  slo: string;
  severity: 'page' | 'ticket';
  target: number;
  anchor: Range;
  scope: Range;
}

/** An SLO's window and the alert policies it names; an AlertPolicy's conditions by name. */
export interface LinkFact {
  type: 'slo-link' | 'policy-link';
  name: string;
  window?: WindowSpec;
  /** Names of the policies (for an SLO) or conditions (for a policy). */
  refs: string[];
}

export type BudgetFact = ObjectiveFact | ConditionFact | SlothAlertFact | LinkFact;

interface Reader {
  node: Node | null | undefined;
  positions: PositionMap;
}

export function extractBudgetFacts(kindId: KindId, value: Record<string, unknown>, node: Node | null | undefined, positions: PositionMap): BudgetFact[] {
  const reader = { node, positions };
  switch (kindId) {
    case 'openslo-v1':
    case 'openslo-v1alpha':
      return openslo(reader, value, kindId === 'openslo-v1');
    case 'sloth-prometheus-v1':
      return sloth(reader, [], value, false);
    case 'sloth-k8s-v1':
      return isObject(value.spec) ? sloth(reader, ['spec'], value.spec, true) : [];
    default:
      return [];
  }
}

function openslo(reader: Reader, value: Record<string, unknown>, v1: boolean): BudgetFact[] {
  const spec = isObject(value.spec) ? value.spec : {};
  const name = isObject(value.metadata) && typeof value.metadata.name === 'string' ? value.metadata.name : '';
  if (value.kind === 'SLO') return slo(reader, name, spec, v1);
  if (!v1) return [];
  if (value.kind === 'AlertPolicy') return policy(reader, name, spec, ['spec']);
  if (value.kind === 'AlertCondition') {
    const condition = conditionFact(reader, spec, ['spec'], [], name);
    return condition ? [condition] : [];
  }
  return [];
}

function slo(reader: Reader, name: string, spec: Record<string, unknown>, v1: boolean): BudgetFact[] {
  const windows = spec[v1 ? 'timeWindow' : 'timeWindows'];
  const window = Array.isArray(windows) ? windowOf(windows[0], v1) : undefined;
  const method = ['Occurrences', 'Timeslices', 'RatioTimeslices'].includes(String(spec.budgetingMethod)) ? (spec.budgetingMethod as BudgetingMethod) : 'Occurrences';
  const facts: BudgetFact[] = [];
  const policies: string[] = [];
  if (window) {
    list(spec.objectives).forEach(([objective, i]) => {
      const percent = typeof objective.targetPercent === 'number';
      const raw = percent ? (objective.targetPercent as number) / 100 : objective.target;
      if (typeof raw !== 'number' || !(raw >= 0 && raw < 1)) return;
      const at: PathSegment[] = ['spec', 'objectives', i];
      const slice = typeof objective.timeSliceWindow === 'string' ? objective.timeSliceWindow : undefined;
      facts.push({
        type: 'objective', slo: name, label: typeof objective.displayName === 'string' ? objective.displayName : `[${i}]`,
        window, method, target: raw, ...(slice ? { slice } : {}), ...(percent ? { percentField: 'targetPercent' as const } : {}),
        anchor: rangeOf(reader, [...at, percent ? 'targetPercent' : 'target']), scope: rangeOf(reader, at),
      });
    });
  }
  list(spec.alertPolicies).forEach(([item, i]) => {
    if (typeof item.alertPolicyRef === 'string') policies.push(item.alertPolicyRef);
    if (isObject(item.spec)) {
      const inline = isObject(item.metadata) && typeof item.metadata.name === 'string' ? item.metadata.name : `${name}#${i}`;
      policies.push(inline);
      facts.push(...policy(reader, inline, item.spec, ['spec', 'alertPolicies', i, 'spec']));
    }
  });
  facts.push({ type: 'slo-link', name, ...(window ? { window } : {}), refs: policies });
  return facts;
}

function policy(reader: Reader, name: string, spec: Record<string, unknown>, at: PathSegment[]): BudgetFact[] {
  const facts: BudgetFact[] = [];
  const refs: string[] = [];
  list(spec.conditions).forEach(([item, i]) => {
    if (typeof item.conditionRef === 'string') refs.push(item.conditionRef);
    if (!isObject(item.spec)) return;
    const conditionName = isObject(item.metadata) && typeof item.metadata.name === 'string' ? item.metadata.name : undefined;
    const fact = conditionFact(reader, item.spec, [...at, 'conditions', i, 'spec'], [...at, 'conditions', i], conditionName, name);
    if (fact) facts.push(fact);
  });
  facts.push({ type: 'policy-link', name, refs });
  return facts;
}

function conditionFact(reader: Reader, spec: Record<string, unknown>, at: PathSegment[], scopeAt: PathSegment[], name?: string, inPolicy?: string): ConditionFact | undefined {
  const condition = isObject(spec.condition) ? spec.condition : undefined;
  if (!condition || condition.kind !== 'burnrate' || typeof condition.threshold !== 'number' || !Number.isFinite(condition.threshold)) return undefined;
  const c = [...at, 'condition'];
  return {
    type: 'condition', ...(name ? { name } : {}), ...(inPolicy ? { inPolicy } : {}),
    ...(typeof spec.severity === 'string' ? { severity: spec.severity } : {}),
    ...(typeof condition.op === 'string' ? { op: condition.op } : {}),
    threshold: condition.threshold,
    ...(typeof condition.lookbackWindow === 'string' ? { lookback: condition.lookbackWindow, lookbackRange: rangeOf(reader, [...c, 'lookbackWindow']) } : {}),
    ...(typeof condition.alertAfter === 'string' ? { alertAfter: condition.alertAfter } : {}),
    anchor: rangeOf(reader, [...c, 'threshold']),
    scope: rangeOf(reader, scopeAt),
    thresholdRange: rangeOf(reader, [...c, 'threshold']),
  };
}

function windowOf(window: unknown, v1: boolean): WindowSpec | undefined {
  if (!isObject(window)) return undefined;
  const calendar = isObject(window.calendar) ? window.calendar : undefined;
  // v1: rolling only when it says so; v1alpha: a window without `calendar` reads as rolling (see the schema).
  const rolling = window.isRolling === true || (!v1 && window.isRolling !== false && !calendar);
  const startTime = calendar && typeof calendar.startTime === 'string' ? { startTime: calendar.startTime } : {};
  if (v1) {
    const parsed = parseShorthand(window.duration);
    return parsed ? { ...parsed, rolling, ...startTime, written: String(window.duration) } : undefined;
  }
  const parsed = v1alphaUnit(window.count, window.unit);
  return parsed ? { ...parsed, rolling, ...startTime, written: `${String(window.count)} ${String(window.unit)}` } : undefined;
}

function sloth(reader: Reader, base: PathSegment[], spec: Record<string, unknown>, k8s: boolean): BudgetFact[] {
  const facts: BudgetFact[] = [];
  list(spec.slos).forEach(([item, i]) => {
    if (typeof item.objective !== 'number' || !(item.objective >= 0 && item.objective <= 100)) return;
    const at = [...base, 'slos', i];
    const name = typeof item.name === 'string' ? item.name : `[${i}]`;
    const target = item.objective / 100;
    facts.push({ type: 'objective', slo: name, label: name, window: 'sloth', method: 'Occurrences', target, percentField: 'objective', anchor: rangeOf(reader, [...at, 'objective']), scope: rangeOf(reader, at) });
    const alerting = isObject(item.alerting) ? item.alerting : undefined;
    if (!alerting) return;
    for (const severity of ['page', 'ticket'] as const) {
      const key = k8s ? `${severity}Alert` : `${severity}_alert`;
      const alert = isObject(alerting[key]) ? alerting[key] : undefined;
      if (alert?.disable === true) continue;
      const anchorAt = alert ? [...at, 'alerting', key] : [...at, 'alerting'];
      facts.push({ type: 'sloth-alert', slo: name, severity, target, anchor: keyRangeOf(reader, anchorAt), scope: rangeOf(reader, anchorAt) });
    }
  });
  return facts;
}

function rangeOf(reader: Reader, path: readonly PathSegment[]): Range {
  const located = locate(reader.node, path);
  const node = located.value ?? located.key ?? reader.node;
  const [start, end] = node?.range ?? [0, 0];
  return reader.positions.nodeRange(start, end);
}

/** The key of the pair at `path` (where a hint about the whole value reads well). */
function keyRangeOf(reader: Reader, path: readonly PathSegment[]): Range {
  const located = locate(reader.node, path);
  const node = located.key ?? located.value ?? reader.node;
  const [start, end] = node?.range ?? [0, 0];
  return reader.positions.nodeRange(start, end);
}

function list(value: unknown): [Record<string, unknown>, number][] {
  return Array.isArray(value) ? value.flatMap((item, i) => (isObject(item) ? [[item, i] as [Record<string, unknown>, number]] : [])) : [];
}
