// A runbook whose front matter says it was last reviewed longer ago than the configured
// age (`staleAfterDays`, 180 by default). Systems change under runbooks: commands, dashboards
// and contacts go out of date, and a runbook nobody has walked through recently is the one
// that fails during an incident. The fix sets `lastReviewed` to today; it is offered, not
// preferred (fix-all must not claim reviews that did not happen).

import { isMap, isScalar, type Node } from 'yaml';
import type { RunbookModel } from '../../runbook/model';
import type { RunbookRule } from '../../runbook/types';
import type { Range } from '../../types';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 24 * 60 * 60 * 1000;

export const rule: RunbookRule = {
  id: 'runbook-stale-review',
  defaultSeverity: 'warning',
  fixable: true,
  description: 'A runbook\'s `lastReviewed` date is older than the configured age (180 days by default).',
  check({ model, options, now, report }) {
    const limit = options.staleAfterDays;
    if (!model.frontmatter || !Number.isFinite(limit) || limit < 0) return;
    const found = findLastReviewed(model.frontmatter);
    if (!found) return;
    const reviewed = parseDate(found.date);
    if (reviewed === undefined) return; // not a date: the front-matter schema reports it
    const age = Math.floor((now.getTime() - reviewed) / DAY_MS);
    if (age <= limit) return;
    const range = rangeInFile(model, found.start, found.start + found.date.length);
    const today = now.toISOString().slice(0, 10);
    report(range, `\`lastReviewed\` is ${found.date}, ${age} days ago; runbooks go stale after ${limit} days: walk through this one, fix what changed, and update the date`, {
      fixes: [{ title: `Set \`lastReviewed\` to ${today} (after reviewing the runbook)`, edits: [{ range, newText: today }] }],
    });
  },
};

/** The date text of `lastReviewed` and its offset in the front matter's YAML (inside any quotes). */
function findLastReviewed(frontmatter: NonNullable<RunbookModel['frontmatter']>): { date: string; start: number } | undefined {
  const yaml = frontmatter.value;
  const contents = frontmatter.parsed().documents[0]?.doc.contents as Node | null | undefined;
  if (!isMap(contents)) return undefined;
  for (let i = contents.items.length - 1; i >= 0; i--) {
    const pair = contents.items[i];
    if (!isScalar(pair.key) || pair.key.value !== 'lastReviewed') continue;
    const value = pair.value;
    if (!isScalar(value) || !value.range) return undefined;
    const date = value.value instanceof Date ? value.value.toISOString().slice(0, 10) : typeof value.value === 'string' ? value.value.trim() : undefined;
    if (date === undefined) return undefined;
    const source = yaml.slice(value.range[0], value.range[1]);
    const at = source.indexOf(date);
    return at < 0 ? undefined : { date, start: value.range[0] + at };
  }
  return undefined;
}

/** Milliseconds of the date at UTC midnight, or undefined when it is no real YYYY-MM-DD date. */
function parseDate(text: string): number | undefined {
  const m = DATE.exec(text);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(ms).toISOString().slice(0, 10) === text ? ms : undefined;
}

/** Front-matter offsets to a file range: the YAML starts on the line after the opening fence. */
function rangeInFile(model: RunbookModel, start: number, end: number): Range {
  const frontmatter = model.frontmatter as NonNullable<RunbookModel['frontmatter']>;
  const fenceStart = frontmatter.node.position?.start.offset ?? 0;
  const newline = model.text.indexOf('\n', fenceStart);
  const base = newline + 1;
  if (newline >= 0 && model.text.slice(base, base + frontmatter.value.length) === frontmatter.value) return model.positions.rangeOf(base + start, base + end);
  // The YAML is not a verbatim slice (should not happen): count lines instead.
  const lines = frontmatter.value.slice(0, start).split(/\r\n|\r|\n/);
  const line = frontmatter.line + lines.length - 1;
  const character = lines[lines.length - 1].length;
  return { start: { line, character }, end: { line, character: character + (end - start) } };
}
