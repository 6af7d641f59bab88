// The prr engine: documents in, findings out. Pure — every shell (language server,
// CLI) builds one with createEngine and passes text in; no I/O happens here.

import { OBJECT_RULES, RULES, RUNBOOK_RULES, WORKSPACE_RULES } from './rules/registry';
import type { Finding, Position, RuleMeta, Severity, SourceDocument } from './types';
import { completeSectionHeadings, type CompletionItem } from './runbook/complete';
import { buildRunbookModel } from './runbook/model';
import { parseMarkdown } from './markdown/parse';
import { PositionMap } from './yaml/positions';
import { Validators } from './schema/validators';
import { SHIPPED_SCHEMAS } from './schema/shipped';
import { isYamlPath, YamlChecker, type TextResult } from './check-yaml';
import { fileKey, WorkspaceIndex } from './workspace/index';
import { checkWorkspace } from './workspace/check';
import { checkRunbook, isMarkdownPath, isRunbookPath } from './check-markdown';
import type { EngineIO, RunbookOptions } from './runbook/types';
import { DEFAULT_REQUIRED_SECTIONS } from './runbook/sections';

export type { Finding, RuleMeta, Severity, SourceDocument, Range, Position, RelatedLocation, Fix, TextEdit } from './types';
export type { EngineIO, RunbookOptions } from './runbook/types';
export type { CompletionItem } from './runbook/complete';

export type SeveritySetting = Severity | 'off';

export interface EngineOptions {
  /** Base URL of the rule documentation pages; `<base><rule-id>.md` is each rule's page. */
  docsBaseUrl?: string;
  /** Per-rule severity overrides; `off` silences a rule. */
  severities?: Readonly<Record<string, SeveritySetting>>;
  /** Answers file-system questions (does a linked file exist?); without it, such checks are skipped. */
  io?: EngineIO;
  /** The clock, for staleness checks. */
  now?: () => Date;
  runbooks?: Partial<RunbookOptions>;
}

export interface Engine {
  readonly rules: readonly RuleMeta[];
  /** True for files the engine may have something to say about (by extension). */
  isCandidate(path: string): boolean;
  /**
   * Records a workspace file's current text (from disk or an open buffer) in the index.
   * Returns the other files whose cross-file findings may have changed because of it.
   */
  setFile(document: SourceDocument): string[];
  /** Forgets a file (deleted, or closed and gone from disk); returns the files concerned. */
  removeFile(uri: string): string[];
  /** The findings of a document: its own, and those that depend on other files in the index. */
  check(document: SourceDocument): Finding[];
  docsUrl(ruleId: string): string | undefined;
  /** Completion items at `position` (runbook section headings so far). */
  complete(document: SourceDocument, position: Position): CompletionItem[];
  /** Changes rule severities without losing the workspace index. */
  setSeverities(severities: Readonly<Record<string, SeveritySetting>>): void;
}

export function createEngine(options: EngineOptions = {}): Engine {

  const validators = new Validators(SHIPPED_SCHEMAS);
  const checker = new YamlChecker(validators, OBJECT_RULES);
  const index = new WorkspaceIndex();
  const latest = new Map<string, { text: string; result: TextResult }>();
  const known = new Map(RULES.map((r) => [r.id, r]));
  const runbookOptions: RunbookOptions = { requiredSections: DEFAULT_REQUIRED_SECTIONS, staleAfterDays: 180, ...options.runbooks };
  const now = options.now ?? (() => new Date());
  let severities = options.severities ?? {};

  function local(document: SourceDocument): TextResult {
    if (!isYamlPath(pathOf(document.uri))) return { findings: [], entities: [] };
    const previous = latest.get(document.uri);
    if (previous && previous.text === document.text) return previous.result;
    const path = pathOf(document.uri);
    const result = isYamlPath(path) ? checker.check(document.text, path) : { findings: [], entities: [] };
    latest.set(document.uri, { text: document.text, result });
    return result;
  }

  function setFile(document: SourceDocument): string[] {
    const touched = index.set(document.uri, local(document).entities);
    touched.add(fileKey(document.uri)); // files that point at this one (a manifest at its runbook)
    return index.filesConcerning(touched).filter((uri) => uri !== document.uri);
  }

  function applySeverity(findings: Finding[]): Finding[] {
    const out: Finding[] = [];
    for (const finding of findings) {
      // A finding may carry its own severity (a missing Escalation section is a warning, a
      // missing Mitigation an error); the user's setting for the rule wins over both.
      const setting = severities[finding.ruleId] ?? finding.severity;
      if (setting !== 'off') out.push(setting === finding.severity ? finding : { ...finding, severity: setting });
    }
    return out;
  }

  return {
    rules: RULES,
    isCandidate: (path) => isYamlPath(path) || isMarkdownPath(path),
    setFile,
    removeFile(uri) {
      latest.delete(uri);
      const touched = index.remove(uri);
      touched.add(fileKey(uri));
      return index.filesConcerning(touched);
    },
    check(document) {
      const path = pathOf(document.uri);
      if (isMarkdownPath(path)) {
        if (!isRunbookPath(path) && !index.isReferencedRunbook(document.uri)) return [];
        const input = { uri: document.uri, text: document.text, options: runbookOptions, now: now(), ...(options.io ? { io: options.io } : {}) };
        return applySeverity(checkRunbook(input, RUNBOOK_RULES, validators));
      }
      setFile(document);
      const own = local(document).findings;
      const across = checkWorkspace(WORKSPACE_RULES, document.uri, index, options.io, now());
      const all = across.length === 0 ? own : [...own, ...across].sort(byPosition);
      return applySeverity(all);
    },
    complete(document, position) {
      const path = pathOf(document.uri);
      if (!isMarkdownPath(path) || (!isRunbookPath(path) && !index.isReferencedRunbook(document.uri))) return [];
      const positions = new PositionMap(document.text);
      return completeSectionHeadings(buildRunbookModel(document.text, parseMarkdown(document.text), positions), position);
    },
    setSeverities(next) {
      severities = next;
    },
    docsUrl(ruleId) {
      return options.docsBaseUrl && known.has(ruleId) ? `${options.docsBaseUrl}${ruleId}.md` : undefined;
    },
  };
}

function byPosition(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

function pathOf(uri: string): string {
  return uri.startsWith('file:') ? decodeURIComponent(uri.replace(/^file:\/\//, '')) : uri;
}
