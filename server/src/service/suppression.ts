// Inline suppression: `# prr-disable-next-line RULE[, RULE]` and `# prr-disable-file RULE`
// in YAML (and in a runbook's front matter), `<!-- prr-disable-next-line RULE -->` and
// `<!-- prr-disable-file RULE -->` in Markdown. Comments that silence nothing, and rule ids
// that do not exist, are findings of their own (`unused-suppression`). Every other finding
// gets two fixes that write such a comment for it.

import type { Finding, Fix, Position, TextEdit } from './types';
import type { PositionMap } from './yaml/positions';
import type { TextFacts } from './text-facts';
import { nearest } from './schema/suggest';
import { isDelimiterRow } from './limits';

export const UNUSED_SUPPRESSION = 'unused-suppression';

export type CommentSyntax = 'yaml' | 'markdown';

interface Entry {
  id: string;
  /** Characters of the id within its line. */
  start: number;
  end: number;
  used: boolean;
}

interface Directive {
  scope: 'next-line' | 'file';
  line: number;
  html: boolean;
  /** For `next-line`: the line it silences. */
  target?: number;
  entries: Entry[];
  /** Where the list of ids ends in the line (to add one). */
  listEnd: number;
}

const YAML_DIRECTIVE = /^([ \t]*#[ \t]*prr-disable-(next-line|file))(?=[ \t]|$)(.*)$/;
const HTML_DIRECTIVE = /^([ \t]*<!--[ \t]*prr-disable-(next-line|file))(?=[ \t]|-->)(.*?)-->[ \t]*$/;
const FENCE = /^[ \t]{0,3}(`{3,}|~{3,})/;

/** The lines of a text (any line-break style) and, for Markdown, where its front matter is. */
class Lines {
  readonly positions: PositionMap;
  readonly count: number;
  /** Inclusive line range inside the front matter fences. */
  readonly frontmatter?: { first: number; last: number; close: number };

  readonly markdown: boolean;

  readonly text: string;

  constructor(facts: TextFacts, syntax: CommentSyntax) {
    const text = (this.text = facts.text);
    this.markdown = syntax === 'markdown';
    this.positions = facts.positions;
    this.count = this.positions.positionAt(text.length).line + 1;
    if (syntax === 'markdown' && /^\uFEFF?---[ \t]*$/.test(this.at(0))) {
      for (let line = 1; line < this.count; line++) {
        if (/^(---|\.\.\.)[ \t]*$/.test(this.at(line))) {
          this.frontmatter = { first: 1, last: line - 1, close: line };
          break;
        }
      }
    }
  }

  at(line: number): string {
    const start = this.positions.offsetAt({ line, character: 0 });
    const end = line + 1 < this.count ? this.positions.offsetAt({ line: line + 1, character: 0 }) : this.text.length;
    return this.text.slice(start, end).replace(/\r?\n$|\r$/, '');
  }

  inFrontmatter(line: number): boolean {
    return this.frontmatter !== undefined && line >= this.frontmatter.first && line <= this.frontmatter.last;
  }

  private closed?: Set<number>;

  /**
   * Markdown lines a comment line may not go before: inside a fenced code block (the comment would be code, and
   * directives there are not read) and a table's rows after its header (a line between them ends the table).
   */
  closedToComments(line: number): boolean {
    if (!this.markdown) return false;
    if (!this.closed) {
      const closed = (this.closed = new Set<number>());
      let fence: string | undefined;
      for (let at = this.frontmatter ? this.frontmatter.close + 1 : 0; at < this.count; at++) {
        const text = this.at(at);
        const opener = FENCE.exec(text);
        if (fence !== undefined) closed.add(at);
        if (opener && (fence === undefined || (opener[1][0] === fence[0] && opener[1].length >= fence.length && text.trim() === opener[1]))) {
          fence = fence === undefined ? opener[1] : undefined;
        } else if (fence === undefined && text.includes('|') && isDelimiterRow(text.trimStart()) && at > 0 && this.at(at - 1).includes('|')) {
          for (; at < this.count && this.at(at).trim() !== ''; at++) closed.add(at);
        }
      }
    }
    return this.closed.has(line);
  }
}

function parseDirectives(lines: Lines, syntax: CommentSyntax): Directive[] {
  const directives: Directive[] = [];
  let fence: string | undefined;
  for (let line = 0; line < lines.count; line++) {
    const text = lines.at(line).replace(/^\uFEFF/, '');
    const offset = lines.at(line).length - text.length;
    let html = false;
    let match: RegExpExecArray | null = null;
    if (syntax === 'yaml' || lines.inFrontmatter(line)) {
      match = YAML_DIRECTIVE.exec(text);
    } else if (!(lines.frontmatter && line <= lines.frontmatter.close)) {
      const opener = FENCE.exec(text);
      if (opener && (fence === undefined || (opener[1][0] === fence[0] && opener[1].length >= fence.length && text.trim() === opener[1]))) {
        fence = fence === undefined ? opener[1] : undefined;
        continue;
      }
      if (fence !== undefined) continue;
      match = HTML_DIRECTIVE.exec(text);
      html = true;
    }
    if (!match) continue;
    const listStart = offset + match[1].length;
    const reason = /\s--(\s|$)/.exec(match[3]);
    const list = reason ? match[3].slice(0, reason.index) : match[3];
    const entries: Entry[] = [];
    for (const id of list.matchAll(/[^\s,]+/g)) entries.push({ id: id[0], start: listStart + id.index, end: listStart + id.index + id[0].length, used: false });
    const listEnd = entries.length > 0 ? entries[entries.length - 1].end : listStart;
    directives.push({ scope: match[2] as Directive['scope'], line, html, entries, listEnd });
  }
  // A next-line comment silences the next line that is not itself such a comment (they stack).
  const lineOf = new Set(directives.map((d) => d.line));
  for (const directive of directives) {
    if (directive.scope !== 'next-line') continue;
    const target = contentLine(directive.line + 1, lineOf);
    if (target < lines.count) directive.target = target;
  }
  return directives;
}

/** The first line from `line` on that is not a suppression comment. */
function contentLine(line: number, directiveLines: ReadonlySet<number>): number {
  let at = line;
  while (directiveLines.has(at)) at++;
  return at;
}

/**
 * Drops the findings that a comment silences and adds a finding for each comment (or rule
 * id in one) that silences nothing or names no rule. `known`: every rule id.
 */
export function applySuppressions(facts: TextFacts, findings: readonly Finding[], syntax: CommentSyntax, known: ReadonlySet<string>): Finding[] {
  if (!facts.includes('prr-disable')) return [...findings];
  const lines = new Lines(facts, syntax);
  const directives = parseDirectives(lines, syntax);
  if (directives.length === 0) return [...findings];
  const lineOf = new Set(directives.map((d) => d.line));
  const silenced = (finding: Finding): boolean => {
    // A finding anchored on a comment line (a runbook's "first line") belongs to the line below.
    const line = contentLine(finding.range.start.line, lineOf);
    let hit = false;
    for (const directive of directives) {
      if (directive.scope === 'next-line' && directive.target !== line) continue;
      for (const entry of directive.entries) {
        if (entry.id !== finding.ruleId) continue;
        entry.used = true;
        hit = true;
      }
    }
    return hit;
  };
  const kept = findings.filter((f) => !silenced(f));
  const unused = unusedFindings(directives, lines, known).filter((f) => !silenced(f));
  return unused.length === 0 ? kept : [...kept, ...unused].sort(byPosition);
}

function unusedFindings(directives: readonly Directive[], lines: Lines, known: ReadonlySet<string>): Finding[] {
  const findings: Finding[] = [];
  const range = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });
  for (const directive of directives) {
    const keyword = `prr-disable-${directive.scope}`;
    const bad = directive.entries.filter((e) => !known.has(e.id) || (!e.used && e.id !== UNUSED_SUPPRESSION));
    const wholeLine = bad.length === directive.entries.length;
    const removeLine: Fix = { title: 'Remove the suppression comment', edits: [removeLineEdit(lines, directive.line)], isPreferred: true };
    if (directive.entries.length === 0) {
      const at = lines.at(directive.line).indexOf(keyword);
      findings.push(unused(range(directive.line, at, at + keyword.length), `\`${keyword}\` names no rule; add the rule ids to silence, or remove the comment`, [removeLine]));
      continue;
    }
    for (const entry of bad) {
      const index = directive.entries.indexOf(entry);
      const removeId: Fix = wholeLine ? removeLine : { title: `Remove \`${entry.id}\` from the suppression comment`, edits: [removeEntryEdit(directive, index)], isPreferred: true };
      const where = range(directive.line, entry.start, entry.end);
      if (!known.has(entry.id)) {
        const meant = nearest(entry.id, [...known]);
        const rename: Fix[] = meant ? [{ title: `Change to \`${meant}\``, edits: [{ range: where, newText: meant }], isPreferred: true }] : [];
        const message = `unknown rule \`${entry.id}\` in a suppression comment${meant ? ` — did you mean \`${meant}\`?` : ''}`;
        findings.push(unused(where, message, [...rename, meant ? { title: removeId.title, edits: removeId.edits ?? [] } : removeId]));
      } else {
        const message = directive.scope === 'file'
          ? `\`${entry.id}\` is disabled for this file, but reports nothing in it`
          : `\`${entry.id}\` is disabled for the next line, but reports nothing there`;
        findings.push(unused(where, message, [removeId]));
      }
    }
  }
  return findings;
}

function unused(range: Finding['range'], message: string, fixes: Fix[]): Finding {
  return { ruleId: UNUSED_SUPPRESSION, severity: 'warning', message, range, fixes };
}

/** The whole line with its line break (or the break before it, on a last line without one). */
function removeLineEdit(lines: Lines, line: number): TextEdit {
  const start = { line, character: 0 };
  if (line + 1 < lines.count) return { range: { start, end: { line: line + 1, character: 0 } }, newText: '' };
  const end = { line, character: lines.at(line).length };
  if (line === 0) return { range: { start, end }, newText: '' };
  return { range: { start: { line: line - 1, character: lines.at(line - 1).length }, end }, newText: '' };
}

/** One id with its separator: `a, b` loses `, b` or `a, `. */
function removeEntryEdit(directive: Directive, index: number): TextEdit {
  const entries = directive.entries;
  const [from, to] = index > 0 ? [entries[index - 1].end, entries[index].end] : [entries[0].start, entries[1].start];
  return { range: { start: { line: directive.line, character: from }, end: { line: directive.line, character: to } }, newText: '' };
}

/** Adds "Disable RULE for this line" and "Disable RULE for this file" to every finding. */
export function addDisableFixes(facts: TextFacts, findings: readonly Finding[], syntax: CommentSyntax): Finding[] {
  if (findings.length === 0) return [...findings];
  const lines = new Lines(facts, syntax);
  const directives = facts.includes('prr-disable') ? parseDirectives(lines, syntax) : [];
  const eol = facts.includes('\r\n') ? '\r\n' : '\n'; // as lineBreak() in fixes/text.ts
  const bom = facts.text.startsWith('\uFEFF') ? 1 : 0;
  return findings.map((finding) => {
    if (finding.ruleId === UNUSED_SUPPRESSION) return finding;
    const added = [lineFix(finding, lines, directives, eol, bom), fileFix(finding.ruleId, lines, directives, eol, bom)].filter((f): f is Fix => f !== undefined);
    return added.length === 0 ? finding : { ...finding, fixes: [...(finding.fixes ?? []), ...added] };
  });
}

function lineFix(finding: Finding, lines: Lines, directives: readonly Directive[], eol: string, bom: number): Fix | undefined {
  const line = finding.range.start.line;
  const rule = finding.ruleId;
  if (line < 0 || line >= lines.count) return undefined;
  // Front matter must stay the first thing in a runbook. A comment line inside text that does
  // not parse moves the syntax error rather than silencing it: that one is for the whole file.
  if (lines.frontmatter && (line === 0 || line === lines.frontmatter.close)) return undefined;
  if (rule === 'yaml-syntax') return undefined;
  if (lines.closedToComments(line)) return undefined; // the file-wide comment still works
  const html = lines.markdown && !lines.inFrontmatter(line);
  const title = `Disable ${rule} for this line`;
  const above = directives.find((d) => d.scope === 'next-line' && d.html === html && d.line === line - 1);
  if (above) {
    if (above.entries.some((e) => e.id === rule)) return undefined;
    return { title, edits: [append(above, rule)], suppression: true };
  }
  const character = line === 0 ? bom : 0;
  const indent = /^[ \t]*/.exec(lines.at(line).slice(character))?.[0] ?? '';
  const comment = html ? `<!-- prr-disable-next-line ${rule} -->` : `# prr-disable-next-line ${rule}`;
  return { title, edits: [insert({ line, character }, `${indent}${comment}${eol}`)], suppression: true };
}

function fileFix(rule: string, lines: Lines, directives: readonly Directive[], eol: string, bom: number): Fix | undefined {
  const html = lines.markdown;
  const title = `Disable ${rule} for this file`;
  const existing = directives.find((d) => d.scope === 'file' && d.html === html);
  if (existing) {
    if (existing.entries.some((e) => e.id === rule)) return undefined;
    return { title, edits: [append(existing, rule)], suppression: true };
  }
  const comment = html ? `<!-- prr-disable-file ${rule} -->` : `# prr-disable-file ${rule}`;
  const close = lines.frontmatter?.close;
  if (close === undefined) return { title, edits: [insert({ line: 0, character: bom }, `${comment}${eol}`)], suppression: true };
  if (close + 1 < lines.count) return { title, edits: [insert({ line: close + 1, character: 0 }, `${comment}${eol}`)], suppression: true };
  return { title, edits: [insert({ line: close, character: lines.at(close).length }, `${eol}${comment}`)], suppression: true };
}

function append(directive: Directive, rule: string): TextEdit {
  const at = { line: directive.line, character: directive.listEnd };
  return insert(at, directive.entries.length > 0 ? `, ${rule}` : ` ${rule}`);
}

function insert(at: Position, newText: string): TextEdit {
  return { range: { start: at, end: at }, newText };
}

function byPosition(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}
