// `prr rules`: every rule the engine knows — id, default severity, whether its findings
// carry fixes, and its documentation — as a table or as JSON.

import { createEngine, type RuleMeta } from '../service';
import { rulesDocsBaseUrl } from '../node/docs-location';
import { colorEnabled, createColors, type Colors } from './color';
import { choice, parseCommandLine, UsageError, type OptionsConfig } from './options';

export const RULES_OPTIONS = {
  format: { type: 'string', short: 'f' },
  'no-color': { type: 'boolean' },
} as const satisfies OptionsConfig;

const RULES_FORMATS = ['stylish', 'json'] as const;

interface RuleRow {
  id: string;
  description: string;
  defaultSeverity: RuleMeta['defaultSeverity'];
  fixable: boolean;
  docs: string | null;
}

export function rulesCommand(args: readonly string[]): number {
  const { values, positionals } = parseCommandLine(args, RULES_OPTIONS);
  const format = choice('format', values.format, RULES_FORMATS, 'stylish');
  if (positionals.length > 0) throw new UsageError(`'prr rules' takes no arguments; got '${positionals.join(' ')}'`);
  const engine = createEngine({ docsBaseUrl: rulesDocsBaseUrl() });
  const rows: RuleRow[] = engine.rules.map((r) => ({ id: r.id, description: r.description, defaultSeverity: r.defaultSeverity, fixable: r.fixable === true, docs: engine.docsUrl(r.id) ?? null }));
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify({ version: 1, rules: rows }, null, 2)}\n`);
  } else {
    const colors = createColors(colorEnabled({ noColorFlag: values['no-color'] === true, env: process.env, isTTY: process.stdout.isTTY === true }));
    process.stdout.write(table(rows, colors));
  }
  return 0;
}

function table(rows: readonly RuleRow[], colors: Colors): string {
  const header = ['rule', 'severity', 'fixable', 'docs'];
  const cells = rows.map((r) => [r.id, r.defaultSeverity, r.fixable ? 'yes' : 'no', r.docs ?? '']);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((text, i) => (i === c.length - 1 ? text : text.padEnd(widths[i]))).join('  ').trimEnd();
  return `${[colors.bold(line(header)), ...cells.map(line)].join('\n')}\n`;
}
