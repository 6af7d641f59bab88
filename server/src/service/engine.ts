// The engine's contract: what every shell (language server, CLI, tests) may ask of it.
// The implementation is createEngine in ./index.ts.

import type { Finding, Position, RuleMeta, SourceDocument } from './types';
import type { EngineIO } from './runbook/types';
import type { CompletionItem } from './runbook/complete';
import type { ConfigData, FileConfig, SeveritySetting } from './config/resolve';
import type { DocumentLink, DocumentSymbol, FoldingRange, Hover, Location } from './editor/types';
import type { FixAllResult } from './fixes/fix-all';
import type { ReadinessReport } from '../protocol/report';
import type { LocalCheck } from './local-check';
import type { BudgetHint } from './budget/features';

export interface EngineOptions {
  /** Base URL of the rule documentation pages; `<base><rule-id>.md` is each rule's page. */
  docsBaseUrl?: string;
  /** Editor-level severity overrides (`.prr.yaml` rules win over them); `off` silences a rule. */
  severities?: Readonly<Record<string, SeveritySetting>>;
  /** Answers file-system questions (does a linked file exist?); without it, such checks are skipped. */
  io?: EngineIO;
  /** The clock, for staleness checks. */
  now?: () => Date;
  /**
   * A one-shot check of many files (`prr check`): nothing is kept for re-checking edits — no cache of
   * `---` documents, no per-document results beside each file's — which leaves a quarter less to the
   * garbage collector in a tree of thousands of files.
   */
  batch?: boolean;
}

export interface Engine {
  readonly rules: readonly RuleMeta[];
  /** True for files the engine may have something to say about (by extension). */
  isCandidate(path: string): boolean;
  /**
   * Records a workspace file's current text (from disk or an open buffer) in the index.
   * Returns the other files whose cross-file findings may have changed because of it.
   */
  setFile(document: SourceDocument, config?: FileConfig): string[];
  /** Forgets a file (deleted, or closed and gone from disk); returns the files concerned. */
  removeFile(uri: string): string[];
  /** The findings of a document under `config`: its own, and those that depend on other files. */
  check(document: SourceDocument, config?: FileConfig): Finding[];
  /**
   * Completion items at `position`: in our YAML documents, keys (with skeletons), allowed values,
   * referenced names and runbook paths; in runbooks, the section headings still missing.
   */
  complete(document: SourceDocument, position: Position, config?: FileConfig): CompletionItem[];
  /**
   * What the schema says about the key or value at `position`, what a reference resolves to, or what a runbook heading
   * counts as; on a finding, its rule's docs. `findings`: the document's current findings, when the caller has them
   * cached (the language server, per version); else they are computed.
   */
  hover(document: SourceDocument, position: Position, config?: FileConfig, findings?: readonly Finding[]): Hover | undefined;
  /** The outline: our YAML objects with their sections, or a runbook's headings. */
  symbols(document: SourceDocument, config?: FileConfig): DocumentSymbol[];
  /** Links to the files a document refers to (runbooks, SLO files, a runbook's relative links) that exist. */
  links(document: SourceDocument, config?: FileConfig): DocumentLink[];
  /** Where the object or file that the reference at `position` names is. */
  definition(document: SourceDocument, position: Position, config?: FileConfig): Location[];
  /** A runbook's folding ranges: heading sections by level, front matter, code blocks, comments. */
  foldingRanges(document: SourceDocument, config?: FileConfig): FoldingRange[];
  /** Reads a `.prr.yaml`: its data when it is valid, else undefined (its findings come from `check`). */
  parseConfig(text: string): ConfigData | undefined;
  docsUrl(ruleId: string): string | undefined;
  /** Compiles every shipped schema and runs each kind of check once, so the first real check is not the slow one. */
  warmUp(): void;
  /** More warming up, for idle time: each step leaves the engine as it found it; run the next when idle (see warm-up.ts). */
  idleWarmUp(): Iterator<void>;
  /** Changes the editor-level rule severities without losing the workspace index. */
  setSeverities(severities: Readonly<Record<string, SeveritySetting>>): void;
  /** Applies every preferred fix (no file creation, no suppression comment), round after round; the edits or the new text. */
  fixAll(document: SourceDocument, config?: FileConfig): FixAllResult;
  /** The readiness report of every manifest in the index (or those under `options.uris`), judged on the engine's `now`. */
  report(options?: ReportOptions): ReadinessReport;
  /**
   * The findings of a file the shell did not read because it has `bytes` bytes, more than `config.limits` allow
   * (`check` says the same of a text over the limit): one `file-too-large` finding, or none where the file would get none.
   */
  oversized(uri: string, bytes: number, config?: FileConfig): Finding[];
  /**
   * A YAML file's own check — findings and named objects, no cross-file rules — as plain data for another thread:
   * `prr check` runs it in worker threads and gives each result to the main engine's `adopt`. Not kept: checking the same file again checks it anew.
   */
  localCheck(document: SourceDocument, config?: FileConfig): LocalCheck;
  /** Takes `checked` (another engine's `localCheck` of this very text, under the same configuration) as its own: no re-parse. */
  adopt(document: SourceDocument, checked: LocalCheck, config?: FileConfig): void;
  /** The error budget of each objective and burn-rate alert of a YAML document, one hint each (docs/error-budget.md). */
  budgetHints(document: SourceDocument, config?: FileConfig): BudgetHint[];
  /** Whether the file at `uri` was read as a custom schema (`schemas:`): when it changes, manifests must be checked again. */
  isCustomSchema(uri: string): boolean;
}

export interface ReportOptions {
  /** The configuration of each file (readiness settings, runbook sections); default: the built-in one. */
  configFor?: (uri: string) => FileConfig;
  /** Folder URI the report's paths are relative to. */
  root?: string;
  /** Only manifests that are these files or lie under these folders (URIs). */
  uris?: readonly string[];
}
