// The default format: one line a finding, `path:line:col  severity  rule-id  message`,
// then a summary. Tests, scripts and users read these lines: keep them stable.

import type { Finding, Severity } from '../../service';
import type { Colors } from '../color';
import type { Summary } from '../report';
import type { Formatter } from './types';

export const stylish: Formatter = (report, { colors }) => {
  const lines: string[] = [];
  for (const file of report.files) {
    for (const finding of file.findings) lines.push(formatFinding(file.path, finding, colors));
  }
  lines.push(summaryLine(report.summary));
  return `${lines.join('\n')}\n`;
};

export function formatFinding(path: string, f: Finding, colors?: Colors): string {
  const severity = colors ? SEVERITY_COLOR[f.severity](colors)(f.severity) : f.severity;
  const ruleId = colors ? colors.dim(f.ruleId) : f.ruleId;
  return `${visible(path)}:${f.range.start.line + 1}:${f.range.start.character + 1}  ${severity}  ${ruleId}  ${visible(f.message)}`;
}

/**
 * Control characters from a checked file (a key may hold ESC, a line break) shown as escapes: printed raw,
 * they could clear or retitle the terminal, or break the one-line-a-finding format.
 */
export function visible(text: string): string {
  return text.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
}

const SEVERITY_COLOR: Record<Severity, (c: Colors) => (text: string) => string> = {
  error: (c) => c.red,
  warning: (c) => c.yellow,
  info: (c) => c.blue,
  hint: (c) => c.gray,
};

export function summaryLine(summary: Summary): string {
  const counts: [string, number][] = [['error', summary.errors], ['warning', summary.warnings], ['info', summary.infos], ['hint', summary.hints]];
  const parts = counts.filter(([, n]) => n > 0).map(([severity, n]) => `${n} ${plural(severity, n)}`);
  const checked = `${summary.files} ${plural('file', summary.files)} checked`;
  return parts.length === 0 ? `no problems; ${checked}` : `${parts.join(', ')} in ${summary.filesWithFindings} ${plural('file', summary.filesWithFindings)}; ${checked}`;
}

function plural(word: string, n: number): string {
  return n === 1 ? word : `${word}s`;
}
