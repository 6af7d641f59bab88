// The readiness report as Markdown (GitHub-flavoured): a summary, the services table, the
// most common failures, then per service its failed and exempt checks with remedies and its
// passed checks folded away. For pull-request comments, job summaries and wikis.

import type { CheckResult, ReadinessReport, ReportLocation, ServiceReport } from '../protocol/report';
import { byAttention, LEVEL_NAMES, lineRef, plural } from './text';

export function renderMarkdown(report: ReadinessReport): string {
  return [...markdownChunks(report)].join('');
}

/** The report in pieces (the summary, then one per service), for writing a large report without one huge string. */
export function* markdownChunks(report: ReadinessReport): Generator<string> {
  const { summary } = report;
  const out: string[] = ['# Readiness report', ''];
  const levels = (['gold', 'silver', 'bronze', 'none'] as const).map((l) => `${summary.byLevel[l]} ${LEVEL_NAMES[l]}`).join(', ');
  out.push(`${plural(summary.services, 'service')} on ${report.date} · average score **${summary.averageScore}** · ${levels} · **${summary.blocked} blocked**`, '');
  if (report.services.length === 0) {
    out.push('No readiness manifests found.', '');
    yield out.join('\n');
    return;
  }
  out.push('| Service | Owner | Tier | Score | Level | Blocked | Failed | Exempt |', '|---|---|---:|---:|---|---|---:|---:|');
  for (const s of report.services) {
    out.push(row([link(s.name, s.file), s.owner ? code(s.owner) : '—', s.tier === undefined ? '—' : String(s.tier), String(s.score), LEVEL_NAMES[s.level], s.blocked ? `**yes** (${s.blocking.map(code).join(', ')})` : 'no', String(s.counts.fail), String(s.counts.exempt)]));
  }
  out.push('');
  if (summary.commonFailures.length > 0) {
    out.push('## Most common failures', '', '| Check | Services failing |', '|---|---:|');
    for (const f of summary.commonFailures) out.push(row([`${cell(f.title)} (${code(f.id)})`, String(f.services)]));
    out.push('');
  }
  yield out.join('\n');
  for (const s of report.services) yield `\n${service(s).join('\n')}`;
}

function service(s: ServiceReport): string[] {
  const out = [`## ${cell(s.name)}${s.title ? ` — ${cell(s.title)}` : ''}`, ''];
  const facts = [link(s.file.path, s.file), s.owner ? `owner ${code(s.owner)}` : undefined, s.tier === undefined ? 'no valid tier' : `tier ${s.tier}`, `score **${s.score}**`, `level **${LEVEL_NAMES[s.level]}**`, s.blocked ? '**blocked**' : 'not blocked'];
  out.push(facts.filter(Boolean).join(' · '), '');
  for (const note of s.notes) out.push(`> Note: ${cell(note)}`, '');
  if (s.budgets && s.budgets.length > 0) {
    out.push('Error budgets:', '');
    for (const b of s.budgets) out.push(`- ${link(b.slo, b.location)}: ${cell(b.line)}`);
    out.push('');
  }
  const checks = byAttention(s.checks);
  const failed = checks.filter((c) => c.status === 'fail');
  const exempt = checks.filter((c) => c.status === 'exempt');
  const rest = checks.filter((c) => c.status === 'pass' || c.status === 'n/a');
  if (failed.length > 0) {
    out.push(`### Failed (${failed.length})`, '', '| Check | Level | Weight | Where | What | Remedy |', '|---|---|---:|---|---|---|');
    for (const c of failed) out.push(row([`${c.blocking ? '⛔ ' : ''}${cell(c.title)} (${code(c.id)})`, LEVEL_NAMES[c.level], String(c.weight), link(lineRef(c.location), c.location), cell(c.message), cell(c.remedy ?? '')]));
    out.push('');
  }
  if (exempt.length > 0) {
    out.push(`### Exempt (${exempt.length})`, '', '| Check | Until | Reason | Approved by |', '|---|---|---|---|');
    for (const c of exempt) out.push(row([`${cell(c.title)} (${code(c.id)})`, c.exemption?.expires ?? '', cell(c.exemption?.reason ?? ''), cell(c.exemption?.approvedBy ?? '—')]));
    out.push('');
  }
  if (rest.length > 0) {
    const passed = rest.filter((c) => c.status === 'pass').length;
    out.push(`<details><summary>Passed (${passed}) and not applicable (${rest.length - passed})</summary>`, '', '| Check | Status | Where | What |', '|---|---|---|---|');
    for (const c of rest) out.push(row([`${cell(c.title)} (${code(c.id)})`, statusCell(c), link(lineRef(c.location), c.location), cell(c.message)]));
    out.push('', '</details>', '');
  }
  return out;
}

function statusCell(c: CheckResult): string {
  return c.status === 'pass' ? 'pass' : 'n/a';
}

/** A link to a file line: a relative path with a GitHub-style `#L` anchor, or the URI outside the root. */
function link(text: string, location: ReportLocation): string {
  if (location.path === '' && location.uri === '') return cell(text);
  const relative = !location.path.startsWith('/') && !/^[a-z][a-z0-9+.-]*:/i.test(location.path);
  // Parentheses too: an unencoded `)` would end the link's destination early.
  const target = relative ? location.path.split('/').map((part) => encodeURIComponent(part).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)).join('/') : location.uri;
  return `[${cell(text).replace(/[[\]]/g, '\\$&')}](${target}#L${location.range.start.line + 1})`;
}

/** A code span of a value from a file: its backticks cannot end the span, nor its line breaks the line. */
function code(text: string): string {
  return `\`${text.replace(/`/g, "'").replace(/\|/g, '\\|').replace(/\r?\n|\r/g, ' ')}\``;
}

/** Table-cell safe: no pipes, no line breaks, no raw HTML. */
function cell(text: string): string {
  return text.replace(/\r?\n|\r/g, ' ').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}
