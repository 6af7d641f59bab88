// Quick fixes: the fixes the engine attached to findings, offered as code actions with
// workspace edits. An edit is tied to the document version it was computed for, so a
// client never applies it to text that has changed since.

import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Fix } from '../service';

export interface EditSupport {
  /** The client takes `documentChanges` (versioned edits). */
  documentChanges: boolean;
  /** The client can create files in a workspace edit. */
  createFiles: boolean;
}

export function codeActionsFor(document: TextDocument, findings: readonly Finding[], diagnostics: readonly Diagnostic[], range: Range, support: EditSupport): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const finding of findings) {
    if (!finding.fixes || !overlaps(finding.range, range)) continue;
    const diagnostic = diagnostics.find((d) => d.code === finding.ruleId && sameRange(d.range, finding.range) && d.message === finding.message);
    for (const fix of finding.fixes) {
      const edit = workspaceEdit(document, fix, support);
      if (!edit) continue;
      actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, edit, ...(diagnostic ? { diagnostics: [diagnostic] } : {}), ...(fix.isPreferred ? { isPreferred: true } : {}) });
    }
  }
  return actions;
}

function workspaceEdit(document: TextDocument, fix: Fix, support: EditSupport): WorkspaceEdit | undefined {
  if (fix.createFile) {
    if (!support.createFiles) return undefined;
    const { uri, text } = fix.createFile;
    return {
      documentChanges: [
        { kind: 'create', uri, options: { ignoreIfExists: true } },
        { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: text }] },
      ],
    };
  }
  const edits = fix.edits ?? [];
  if (edits.length === 0) return undefined;
  return support.documentChanges
    ? { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }] }
    : { changes: { [document.uri]: edits } };
}

function overlaps(a: Range, b: Range): boolean {
  return !(before(a.end, b.start) || before(b.end, a.start));
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
