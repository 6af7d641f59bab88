// Shared value types of the engine. Positions follow LSP conventions (0-based line,
// UTF-16 character offset) so the shells can pass them through without conversion.

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
  /** Other places that explain the finding (the other copy of a duplicate, say). */
  related?: RelatedLocation[];
  /** Ways to fix it; edits apply to the finding's own document. */
  fixes?: Fix[];
}

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  edits?: TextEdit[];
  /** A file to create (e.g. a missing runbook from its template). */
  createFile?: { uri: string; text: string };
  /** The one fix that is clearly right. */
  isPreferred?: boolean;
  /** Silences the finding with a `prr-disable` comment instead of fixing it (fix-all never applies these). */
  suppression?: boolean;
}

export interface RelatedLocation {
  uri: string;
  range: Range;
  message: string;
}

/** A rule's identity and documentation; checks live next to it or in the schema mapper. */
export interface RuleMeta {
  id: string;
  description: string;
  defaultSeverity: Severity;
  /** The rule attaches fixes to (some of) its findings. */
  fixable?: boolean;
}

/** What the engine knows about an input document: where it came from and its text. */
export interface SourceDocument {
  uri: string;
  text: string;
}

/** Moves a range down by `lines` (chunks start at line starts, so characters stay). */
export function shiftRange(range: Range, lines: number): Range {
  if (lines === 0) return range;
  return { start: { line: range.start.line + lines, character: range.start.character }, end: { line: range.end.line + lines, character: range.end.character } };
}

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];
