// Checks a Markdown runbook: parses it once, validates its front matter against the
// runbook front-matter schema, and runs the runbook rules over its sections.

import { RUNBOOK_FRONTMATTER_SCHEMA_ID } from './kinds';
import { parseMarkdown } from './markdown/parse';
import { buildRunbookModel } from './runbook/model';
import type { EngineIO, RunbookOptions, RunbookRule } from './runbook/types';
import { checkAgainstSchema } from './schema/check';
import type { Validators } from './schema/validators';
import { internalError } from './rules/internal-error';
import { shiftRange, type Finding } from './types';
import { PositionMap } from './yaml/positions';
import { shiftFixes } from './fixes/text';
import { markdownTooComplex, tooComplexFinding } from './limits';

const MARKDOWN_PATH = /\.(md|markdown)$/i;

export function isMarkdownPath(path: string): boolean {
  return MARKDOWN_PATH.test(path);
}

export interface MarkdownCheckInput {
  uri: string;
  text: string;
  options: RunbookOptions;
  now: Date;
  io?: EngineIO;
}

export function checkRunbook(input: MarkdownCheckInput, rules: readonly RunbookRule[], validators: Validators): Finding[] {
  const positions = new PositionMap(input.text);
  const complex = markdownTooComplex(input.text);
  if (complex) return [tooComplexFinding(positions, complex)];
  const model = buildRunbookModel(input.text, parseMarkdown(input.text), positions, input.options.synonyms);
  const findings: Finding[] = [...checkFrontmatter(model.frontmatter, validators)];
  for (const rule of rules) {
    try {
      rule.check({
        ...input,
        model,
        report: (range, message, extra) => findings.push({ ruleId: rule.id, severity: extra?.severity ?? rule.defaultSeverity, message, range, ...(extra?.fixes ? { fixes: extra.fixes } : {}) }),
      });
    } catch (error) {
      findings.push(internalError(rule.id, error, positions.lineRangeAt(0)));
    }
  }
  return findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** Front matter is YAML between `---` fences; its findings are shifted to the file's lines. */
function checkFrontmatter(frontmatter: ReturnType<typeof buildRunbookModel>['frontmatter'], validators: Validators): Finding[] {
  if (!frontmatter) return [];
  const parsed = frontmatter.parsed();
  const findings: Finding[] = [];
  for (const document of parsed.documents) {
    findings.push(...document.findings);
    const value = document.value;
    // Empty front matter (`---` `---`) says nothing; a list or a lone value where keys belong is the schema's to report.
    if (value === null || value === undefined) continue;
    const target = { node: document.doc.contents, value, basePath: [], damage: document.damage, rootName: 'front matter' };
    const schemaFindings = checkAgainstSchema(validators.get(RUNBOOK_FRONTMATTER_SCHEMA_ID), target, parsed.positions);
    // Hugo and other generators add keys of their own: an unknown key is worth a look, not an error.
    findings.push(...schemaFindings.map((f) => (f.ruleId === 'unknown-property' ? { ...f, ruleId: 'frontmatter-unknown-key', severity: 'warning' as const } : f)));
  }
  return findings.map((f) => ({ ...f, range: shiftRange(f.range, frontmatter.line), ...(f.fixes ? { fixes: shiftFixes(f.fixes, frontmatter.line) } : {}) }));
}
