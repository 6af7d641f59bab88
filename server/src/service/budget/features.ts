// The budget arithmetic where the SLO is written: findings of the budget rules, one hint per
// objective and alert (the shells show them as inlay hints or code lenses), the same numbers in
// hover and in the outline's `detail`.

import type { FileConfig } from '../config/resolve';
import { internalError } from '../rules/internal-error';
import { BUDGET_RULES } from '../rules/registry';
import type { Finding, Position, Range } from '../types';
import type { DocumentSymbol, Hover } from '../editor/types';
import type { BudgetFact } from './facts';
import { evaluateBudgets, type BudgetItem, type BudgetSettings } from './evaluate';

export interface BudgetHint {
  /** End of the line of the value the hint is about (the objective's target, the alert's threshold or key). */
  position: Position;
  /** The line the hint is about, for code lenses. */
  range: Range;
  label: string;
  /** Markdown: the numbers and how they are computed. */
  tooltip: string;
  kind: 'objective' | 'alert';
}

export function budgetSettings(config: FileConfig, now: Date): BudgetSettings {
  return { ...config.budget, now };
}

export function budgetItems(facts: readonly BudgetFact[] | undefined, config: FileConfig, now: Date): BudgetItem[] {
  return facts && facts.length > 0 ? evaluateBudgets(facts, budgetSettings(config, now)) : [];
}

/** Each budget rule's findings; a rule that throws becomes an internal-error finding, the others still run. */
export function budgetFindings(items: readonly BudgetItem[], settings: BudgetSettings): Finding[] {
  const findings: Finding[] = [];
  const key = `${settings.minimumBudgetSeconds}\u0000${settings.slothPeriodSeconds}`;
  for (const item of items) {
    let hit = byItem.get(item);
    if (hit?.key !== key) byItem.set(item, (hit = { key, findings: itemFindings(item, settings) }));
    for (const finding of hit.findings) findings.push(finding);
  }
  return findings;
}

/**
 * The budget rules judge each item on its own: an item's findings are kept with it (items are memoized per
 * fact, see evaluate.ts), so an edit re-runs the rules only for the objectives and alerts it changed.
 */
const byItem = new WeakMap<BudgetItem, { key: string; findings: readonly Finding[] }>();

function itemFindings(item: BudgetItem, settings: BudgetSettings): Finding[] {
  const findings: Finding[] = [];
  for (const rule of BUDGET_RULES) {
    try {
      rule.check([item], settings, (range, message) => findings.push({ ruleId: rule.id, severity: rule.defaultSeverity, message, range }));
    } catch (error) {
      findings.push(internalError(rule.id, error, item.fact.anchor));
    }
  }
  return findings;
}

export function budgetHints(items: readonly BudgetItem[], text: string): BudgetHint[] {
  const lineEnds = lineLengths(text);
  return items.map((item) => {
    const line = item.fact.anchor.start.line;
    const position = { line, character: lineEnds[line] ?? item.fact.anchor.end.character };
    return { position, range: { start: { line, character: 0 }, end: position }, label: item.text, tooltip: item.details, kind: item.type === 'objective' ? 'objective' : 'alert' };
  });
}

/** The hover with the budget of the innermost objective or alert around `position` added. */
export function withBudgetHover(hover: Hover | undefined, items: readonly BudgetItem[], position: Position): Hover | undefined {
  const around = items.filter((item) => contains(item.fact.scope, position)).sort((a, b) => size(a.fact.scope) - size(b.fact.scope));
  const item = around[0];
  if (!item) return hover;
  if (!hover) return { contents: item.details, range: item.fact.scope };
  return { contents: `${hover.contents}\n\n---\n\n${item.details}`, range: hover.range };
}

/** Symbols of an objective, an SLO or an alert condition carry its budget in `detail`. */
export function withBudgetDetails(symbols: DocumentSymbol[], items: readonly BudgetItem[]): DocumentSymbol[] {
  if (items.length === 0) return symbols;
  const byStart = new Map<string, string[]>();
  for (const item of items) {
    const key = `${item.fact.scope.start.line}:${item.fact.scope.start.character}`;
    byStart.set(key, [...(byStart.get(key) ?? []), item.text]);
  }
  const visit = (symbol: DocumentSymbol): DocumentSymbol => {
    const texts = byStart.get(`${symbol.range.start.line}:${symbol.range.start.character}`);
    const children = symbol.children.map(visit);
    if (!texts) return { ...symbol, children };
    return { ...symbol, detail: [symbol.detail, ...texts].filter((t) => t).join(' · '), children };
  };
  return symbols.map(visit);
}

function contains(range: Range, p: Position): boolean {
  const afterStart = p.line > range.start.line || (p.line === range.start.line && p.character >= range.start.character);
  const beforeEnd = p.line < range.end.line || (p.line === range.end.line && p.character <= range.end.character);
  return afterStart && beforeEnd;
}

function size(range: Range): number {
  return (range.end.line - range.start.line) * 1e6 + (range.end.character - range.start.character);
}

/** UTF-16 length of each line without its line break. */
function lineLengths(text: string): number[] {
  return text.split(/\r?\n|\r/).map((line) => line.length);
}
