// `--format github`: GitHub Actions workflow commands, which GitHub turns into
// annotations on the pull request's diff. The summary line is plain log text.

import type { Finding, Severity } from '../../service';
import { summaryLine, visible } from './stylish';
import type { Formatter } from './types';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

export const github: Formatter = (report) => {
  const lines = report.files.flatMap((file) => file.findings.map((f) => annotation(file.path, f)));
  lines.push(summaryLine(report.summary));
  return `${lines.join('\n')}\n`;
};

function annotation(path: string, f: Finding): string {
  const { start, end } = f.range;
  // GitHub takes columns only for an annotation within one line (its API rejects them
  // otherwise), so a range across lines is annotated by its lines alone.
  const oneLine = start.line === end.line;
  const properties: Record<string, number | string | undefined> = {
    file: path,
    line: start.line + 1,
    col: oneLine ? start.character + 1 : undefined,
    endLine: end.line + 1,
    endColumn: oneLine ? end.character + 1 : undefined,
    title: f.ruleId,
  };
  const list = Object.entries(properties)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  // Line breaks are escaped for GitHub; other control characters from a checked file are shown as `\x1b` (never sent raw into the log).
  return `::${COMMAND[f.severity]} ${list}::${escapeData(f.message.replace(/[^\r\n]+/g, visible))}`;
}

/** The escaping of @actions/core's `issueCommand` for the message. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Properties also escape the characters that delimit them. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
