// What the editor features (hover, completion, symbols, links, definition, folding) take and give.
// Plain data in LSP's shape (0-based lines, UTF-16 characters), so the shells pass it through.

import type { DocumentKind } from '../kinds';
import type { DocumentCache } from './cache';
import type { FileConfig } from '../config/resolve';
import type { EngineIO } from '../runbook/types';
import type { SchemaAt, SchemaStore } from '../schema/navigate';
import type { Finding, Range } from '../types';
import type { WorkspaceIndex } from '../workspace/index';

export interface Hover {
  /** Markdown. */
  contents: string;
  range: Range;
}

export type SymbolKindName = 'object' | 'section' | 'item' | 'heading';

export interface DocumentSymbol {
  name: string;
  detail?: string;
  kind: SymbolKindName;
  /** The whole extent of the symbol. */
  range: Range;
  /** The part to select and reveal (a name); inside `range`. */
  selectionRange: Range;
  children: DocumentSymbol[];
}

export interface DocumentLink {
  range: Range;
  target: string;
  tooltip?: string;
}

export interface Location {
  uri: string;
  range: Range;
}

/** What a feature needs to know beyond the document: the engine's index, schemas and I/O. */
export interface FeatureContext {
  uri: string;
  /** The document's file path (decoded from a `file:` URI). */
  path: string;
  config: FileConfig;
  index: WorkspaceIndex;
  schemas: SchemaStore;
  /** The usable custom schemas (`schemas:` in `.prr.yaml`): readiness manifests are described by them too. Read when asked. */
  customSchemas(): readonly SchemaAt[];
  io?: EngineIO;
  /** The kind the file's name gives it (a manifest by name, `.prr.yaml`), if any. */
  namedAs?: DocumentKind;
  /** Whether the Markdown file at `uri` counts as a runbook (by configuration, or because something points at it). */
  isRunbook(uri: string): boolean;
  /** Parsed forms of documents, built once per text. */
  cache: DocumentCache;
  /** The document's findings, as `check` gives them (for hover on a finding's range). */
  findings(): readonly Finding[];
  /** The documentation page of a rule, when the engine knows where the pages are. */
  docsUrl(ruleId: string): string | undefined;
}

/** Lines to fold, 0-based, both included (LSP's FoldingRange without characters). */
export interface FoldingRange {
  startLine: number;
  endLine: number;
  kind?: 'comment' | 'imports' | 'region';
}
