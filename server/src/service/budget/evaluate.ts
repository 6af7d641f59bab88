// From a file's budget facts to numbers and words, under the settings that apply (Sloth's SLO
// period, the clock for calendar windows). A condition learns its SLO's window through the
// names in the facts: inline in an SLO, in a policy an SLO names, or named by such a policy
// (the facts include other files' links, see workspace-links.ts).

import type { Range } from '../types';
import { allowedErrorRatio, budgetSeconds, exhaustionSeconds, sliceBudget, spentBeforeAlert } from './arithmetic';
import { formatDuration, formatPercent, prometheusSeconds, shorthandSeconds, trim } from './duration';
import type { BudgetFact, ConditionFact, LinkFact, ObjectiveFact, SlothAlertFact } from './facts';
import { slothAlertWindows, SLOTH_DEFAULT_PERIOD } from './sloth-windows';
import { resolveWindow, type ResolvedWindow } from './window';

export interface BudgetSettings {
  /** Sloth's SLO period in seconds (`budget.slothWindow`, default 30 d). */
  slothPeriodSeconds: number;
  /** Budgets under this many seconds per window get `slo-budget-too-small` (`budget.minimumBudget`, default 1 m). */
  minimumBudgetSeconds: number;
  now: Date;
}

export const DEFAULT_BUDGET_SETTINGS = { slothPeriodSeconds: SLOTH_DEFAULT_PERIOD, minimumBudgetSeconds: 60 };

export interface ObjectiveBudget {
  type: 'objective';
  fact: ObjectiveFact;
  window: ResolvedWindow;
  allowedRatio: number;
  /** The budget as time per window (for slices: the bad slices allowed × their length). */
  seconds: number;
  slices?: { total: number; badAllowed: number; sliceSeconds: number };
  /** One line, for the inlay hint and the outline. */
  text: string;
  /** Markdown, for hover. */
  details: string;
}

export interface AlertBudget {
  type: 'alert';
  fact: ConditionFact | SlothAlertFact;
  /** Whether it pages (Sloth page alerts; OpenSLO severity `page`, `critical` or `sev1`/`p1`). */
  page: boolean;
  /** The slowest burn rate that fires it. */
  burnRate: number;
  lookbackSeconds?: number;
  alertAfterSeconds: number;
  /** The SLO window it is judged against, when the file links it to one. */
  window?: ResolvedWindow;
  sloName?: string;
  /** At that burn rate, from a full budget: window / burn rate. */
  exhaustionSeconds?: number;
  /** Share of the budget spent before it fires (at that burn rate, from a clean lookback). */
  spentShare?: number;
  /** Sloth's alerts are two windows each: the shares spent before the fastest and the slowest fires. */
  spentRange?: [number, number];
  text: string;
  details: string;
}

export type BudgetItem = ObjectiveBudget | AlertBudget;

const PAGE_SEVERITIES = /^(page|paging|critical|sev-?1|p1)$/i;

export function evaluateBudgets(facts: readonly BudgetFact[], settings: BudgetSettings): BudgetItem[] {
  const items: BudgetItem[] = [];
  const links = linksOf(facts);
  for (const fact of facts) {
    const item = evaluateFact(fact, links, settings);
    if (item) items.push(item);
  }
  return items;
}

/** One fact's item (none for link facts), given the links of all the facts it is evaluated with. */
export function evaluateFact(fact: BudgetFact, links: Links, settings: BudgetSettings): BudgetItem | undefined {
  if (fact.type === 'objective') {
    const window = windowOfObjective(fact, settings);
    return window && memoized(fact, windowKey(window), () => objectiveBudget(fact, settings));
  }
  if (fact.type === 'condition') {
    const linked = windowFor(fact, links, settings);
    return memoized(fact, linked ? `${linked.slo}\u0000${windowKey(linked.window)}` : '', () => conditionBudget(fact, linked));
  }
  if (fact.type === 'sloth-alert') return memoized(fact, String(settings.slothPeriodSeconds), () => slothAlertBudget(fact, settings));
  return undefined;
}

/**
 * Each fact's item, for as long as the window it is judged against stays the same. Facts are never changed
 * once extracted, and after an edit the facts of the documents it did not touch are the very same objects:
 * a file of thousands of objectives then costs lookups, not thousands of formatted texts, per keystroke.
 * Keyed weakly by the fact, so it holds nothing the engine has let go of.
 */
const memo = new WeakMap<BudgetFact, { key: string; item: BudgetItem | undefined }>();

function memoized(fact: BudgetFact, key: string, make: () => BudgetItem | undefined): BudgetItem | undefined {
  const hit = memo.get(fact);
  if (hit && hit.key === key) return hit.item;
  const item = make();
  memo.set(fact, { key, item });
  return item;
}

function windowKey(window: ResolvedWindow): string {
  let key = windowKeys.get(window);
  if (key === undefined) windowKeys.set(window, (key = `${window.seconds}\u0000${window.label}`));
  return key;
}

/** A rolling window resolves to the same object every time (window.ts): its key is made once, and compares as the same string. */
const windowKeys = new WeakMap<ResolvedWindow, string>();

function windowOfObjective(fact: ObjectiveFact, settings: BudgetSettings): ResolvedWindow | undefined {
  if (fact.window !== 'sloth') return resolveWindow(fact.window, settings.now);
  const seconds = settings.slothPeriodSeconds;
  const short = formatDuration(seconds);
  return { seconds, short, label: `${short} (Sloth's SLO period)` };
}

function objectiveBudget(fact: ObjectiveFact, settings: BudgetSettings): ObjectiveBudget | undefined {
  const window = windowOfObjective(fact, settings);
  if (!window) return undefined;
  const allowedRatio = allowedErrorRatio(fact.target);
  // Only Timeslices counts whole bad slices; RatioTimeslices averages the slices' success ratios (OpenSLO's
  // budgeting-method examples), so its budget is time, as for Occurrences.
  const sliceSeconds = fact.method === 'Timeslices' ? shorthandSeconds(fact.slice) : undefined;
  const per = `per ${window.short}`;
  const ratioText = `${formatPercent(allowedRatio)} may fail`;
  if (sliceSeconds !== undefined && sliceSeconds <= window.seconds) {
    const slices = sliceBudget(fact.target, window.seconds, sliceSeconds);
    const text = `${count(slices.badAllowed)} bad ${formatDuration(sliceSeconds)} slices of ${count(slices.slices)} (${formatDuration(slices.seconds)}) ${per}`;
    const details = [
      `**Error budget** (${fact.method}): ${count(slices.badAllowed)} of the ${count(slices.slices)} ${formatDuration(sliceSeconds)} slices in the window may be bad — ${formatDuration(slices.seconds)} of bad slices ${per}.`,
      `Window: ${window.label}. Allowed error ratio 1 − ${trim(fact.target, 10)} = ${trim(allowedRatio, 12)}; bad slices allowed = ⌊slices × ratio⌋.`,
    ].join('\n\n');
    return { type: 'objective', fact, window, allowedRatio, seconds: slices.seconds, slices: { total: slices.slices, badAllowed: slices.badAllowed, sliceSeconds }, text, details };
  }
  const seconds = budgetSeconds(fact.target, window.seconds);
  const text = fact.method === 'Occurrences'
    ? `${formatDuration(seconds)} of error budget ${per} (${ratioText})`
    : `${formatDuration(seconds)} of error budget ${per}`;
  const how = fact.method === 'Occurrences'
    ? ` — ${ratioText}: ${oneIn(allowedRatio)}; the time is what a full outage at even traffic would use`
    : fact.method === 'RatioTimeslices' ? ' — the average of the slices\' success ratios may fall short of 100 % by the allowed ratio; the time is what a full outage would use' : '';
  const details = [
    `**Error budget**: ${formatDuration(seconds)} ${per}${how}.`,
    `Window: ${window.label}. Allowed error ratio 1 − ${trim(fact.target, 10)} = ${trim(allowedRatio, 12)}; budget = window × ratio.`,
  ].join('\n\n');
  return { type: 'objective', fact, window, allowedRatio, seconds, text, details };
}

/** A file's links by name, built once per file: a 50,000-line file has thousands of conditions and links. */
export interface Links {
  /** For a condition's name, the policies that list it. */
  policiesNaming: Map<string, string[]>;
  /** For a policy's name, the first SLO link (in file order) with a window that names it, by its index. */
  firstSloNaming: Map<string, number>;
  slos: LinkFact[];
}

export function linksOf(facts: readonly BudgetFact[]): Links {
  const links: Links = { policiesNaming: new Map(), firstSloNaming: new Map(), slos: [] };
  for (const fact of facts) {
    if (fact.type === 'policy-link') {
      for (const ref of fact.refs) {
        const named = links.policiesNaming.get(ref);
        if (named) named.push(fact.name);
        else links.policiesNaming.set(ref, [fact.name]);
      }
    } else if (fact.type === 'slo-link' && fact.window) {
      for (const ref of fact.refs) if (!links.firstSloNaming.has(ref)) links.firstSloNaming.set(ref, links.slos.length);
      links.slos.push(fact);
    }
  }
  return links;
}

/** The window of the SLO a condition belongs to, through the names in this file: the first SLO that names one of its policies. */
function windowFor(fact: ConditionFact, links: Links, settings: BudgetSettings): { window: ResolvedWindow; slo: string } | undefined {
  const policies = new Set<string>();
  if (fact.inPolicy) policies.add(fact.inPolicy);
  if (fact.name) for (const policy of links.policiesNaming.get(fact.name) ?? []) policies.add(policy);
  let first = Infinity;
  for (const policy of policies) first = Math.min(first, links.firstSloNaming.get(policy) ?? Infinity);
  const slo = links.slos[first];
  const window = slo?.window ? resolveWindow(slo.window, settings.now) : undefined;
  return window && slo ? { window, slo: slo.name } : undefined;
}

function conditionBudget(fact: ConditionFact, linked: { window: ResolvedWindow; slo: string } | undefined): AlertBudget | undefined {
  // Only "burn rate above the threshold" conditions spend budget before they fire.
  if (fact.op !== undefined && fact.op !== 'gt' && fact.op !== 'gte') return undefined;
  const lookbackSeconds = shorthandSeconds(fact.lookback);
  const alertAfterSeconds = shorthandSeconds(fact.alertAfter) ?? 0;
  const page = PAGE_SEVERITIES.test(fact.severity ?? '');
  const base = { type: 'alert' as const, fact, page, burnRate: fact.threshold, ...(lookbackSeconds !== undefined ? { lookbackSeconds } : {}), alertAfterSeconds };
  const delay = lookbackSeconds === undefined ? undefined : lookbackSeconds + alertAfterSeconds;
  const over = `burn rate ${trim(fact.threshold, 4)}× over ${fact.lookback ?? '?'}${fact.alertAfter ? ` for ${fact.alertAfter}` : ''}`;
  if (!linked) {
    const text = `${over}: budget gone in window ÷ ${trim(fact.threshold, 4)} (no SLO in the workspace uses this condition)`;
    const details = `**Burn-rate alert**: ${over}. At this burn rate a full budget lasts the SLO window ÷ ${trim(fact.threshold, 4)}. No SLO in the workspace names a policy with this condition (by \`alertPolicyRef\`/\`conditionRef\` or inline), so no times are shown.`;
    return { ...base, text, details };
  }
  const { window } = linked;
  const exhaustion = exhaustionSeconds(fact.threshold, window.seconds);
  const spent = delay === undefined ? undefined : spentBeforeAlert(fact.threshold, lookbackSeconds ?? 0, alertAfterSeconds, window.seconds);
  const text = `${over}: budget gone in ${formatDuration(exhaustion)}${spent === undefined ? '' : `; fires after ${formatPercent(spent)} of it is spent`}`;
  const details = [
    `**Burn-rate alert** on SLO \`${linked.slo}\` (window ${window.label}).`,
    `At burn rate ${trim(fact.threshold, 4)} (errors at ${trim(fact.threshold, 4)}× the allowed rate) a full budget is gone in window ÷ burn rate = ${formatDuration(exhaustion)}.`,
    spent === undefined ? '' : `Starting from a clean ${fact.lookback}, errors at exactly this rate make the condition true after the whole lookback window${alertAfterSeconds ? ` and it fires ${fact.alertAfter} later` : ''}: by then burn rate × (lookback + alertAfter) ÷ window = ${formatPercent(spent)} of the budget is spent.`,
  ].filter((p) => p !== '').join('\n\n');
  return { ...base, window, sloName: linked.slo, exhaustionSeconds: exhaustion, ...(spent !== undefined ? { spentShare: spent } : {}), text, details };
}

function slothAlertBudget(fact: SlothAlertFact, settings: BudgetSettings): AlertBudget {
  const period = settings.slothPeriodSeconds;
  const windows = slothAlertWindows(fact.severity, period);
  const slowest = windows.reduce((a, b) => (b.factor < a.factor ? b : a));
  const shares = windows.map((w) => spentBeforeAlert(w.factor, w.longSeconds, 0, period));
  const parts = windows.map((w) => `${trim(w.factor, 2)}× over ${formatDuration(w.longSeconds)}/${formatDuration(w.shortSeconds)} (gone in ${formatDuration(exhaustionSeconds(w.factor, period))}, fires after ${formatPercent(spentBeforeAlert(w.factor, w.longSeconds, 0, period))})`);
  const text = `${fact.severity}: ${parts.join('; ')}`;
  const details = [
    `**Sloth ${fact.severity} alert** (SLO period ${formatDuration(period)}): Sloth writes two multi-window burn-rate alerts, each firing when both its long and its short window burn faster than its factor:`,
    ...windows.map((w) => `- ${trim(w.factor, 2)}× over ${formatDuration(w.longSeconds)} and ${formatDuration(w.shortSeconds)}: a full budget is gone in ${formatDuration(exhaustionSeconds(w.factor, period))}; it fires after ${formatPercent(spentBeforeAlert(w.factor, w.longSeconds, 0, period))} of the budget is spent (${w.errorBudgetPercent} % by design).`),
    `Factor = errorBudgetPercent ÷ 100 × period ÷ long window.`,
  ].join('\n');
  const window: ResolvedWindow = { seconds: period, short: formatDuration(period), label: formatDuration(period) };
  return {
    type: 'alert', fact, page: fact.severity === 'page', burnRate: slowest.factor, lookbackSeconds: slowest.longSeconds, alertAfterSeconds: 0, window, sloName: fact.slo,
    exhaustionSeconds: exhaustionSeconds(slowest.factor, period), spentShare: spentBeforeAlert(slowest.factor, slowest.longSeconds, 0, period),
    spentRange: [Math.min(...shares), Math.max(...shares)], text, details,
  };
}

/** `1 in 1 000 events`. */
function oneIn(ratio: number): string {
  return ratio > 0 ? `1 in ${count(Math.round(1 / ratio))} events` : 'no events';
}

/** Thousands separated by a space, as SI writes them (`40 320`). */
function count(n: number): string {
  return n.toLocaleString('en-US').replace(/,/g, ' ');
}

/** Where an item's hint and hover belong. */
export function anchorOf(item: BudgetItem): Range {
  return item.fact.anchor;
}

/** Sloth's period from `budget.slothWindow`, if it is a duration. */
export function slothPeriodOf(text: string | undefined): number | undefined {
  return prometheusSeconds(text);
}
