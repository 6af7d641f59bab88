// Fix-all, two ways in, as vscode-eslint does it: the `source.fixAll.prr` code action (so
// `editor.codeActionsOnSave` can run it) and the `prr.applyAllFixes` command, which the VS
// Code command "PRR: Fix All Auto-fixable Problems" sends through workspace/executeCommand
// and which answers with workspace/applyEdit. Both apply only what the engine's fixAll
// deems unambiguous, to the document version they were computed for.

import { CodeActionKind, type CodeAction, type Connection, type TextDocuments, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Engine, FileConfig } from '../service';
import type { EditSupport } from './code-actions';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.prr`;
/** The server-side command; the client's `prr.fixAll` calls it (a different id, since the client registers server commands itself). */
export const APPLY_ALL_FIXES_COMMAND = 'prr.applyAllFixes';

export interface FixAllDeps {
  /** The engine, or undefined while checking is turned off. */
  engine(): Engine | undefined;
  configFor(uri: string): FileConfig;
  editSupport(): EditSupport;
}

/** Whether a code-action request's `only` asks for prr's fix-all (`source`, `source.fixAll` or `source.fixAll.prr`). */
export function wantsFixAll(only: readonly string[] | undefined): boolean {
  return only !== undefined && only.some((kind) => kind === FIX_ALL_KIND || FIX_ALL_KIND.startsWith(`${kind}.`));
}

/** Quick fixes are wanted unless `only` names kinds that exclude them. */
export function wantsQuickFixes(only: readonly string[] | undefined): boolean {
  return only === undefined || only.length === 0 || only.some((kind) => kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${kind}.`));
}

export function fixAllAction(document: TextDocument, deps: FixAllDeps): CodeAction[] {
  const edit = fixAllEdit(document, deps);
  return edit ? [{ title: 'Fix all auto-fixable prr problems', kind: FIX_ALL_KIND, edit }] : [];
}

export function fixAllEdit(document: TextDocument, deps: FixAllDeps): WorkspaceEdit | undefined {
  const engine = deps.engine();
  if (!engine) return undefined;
  const { edits } = engine.fixAll({ uri: document.uri, text: document.getText() }, deps.configFor(document.uri));
  if (edits.length === 0) return undefined;
  return deps.editSupport().documentChanges
    ? { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }] }
    : { changes: { [document.uri]: edits } };
}

/** Handles `prr.applyAllFixes` with arguments `[{ uri, version? }]`: computes the edit and asks the client to apply it. */
export function registerFixAllCommand(connection: Connection, documents: TextDocuments<TextDocument>, deps: FixAllDeps): void {
  connection.onExecuteCommand(async ({ command, arguments: args }) => {
    if (command !== APPLY_ALL_FIXES_COMMAND) return null;
    const target = args?.[0] as { uri?: unknown; version?: unknown } | undefined;
    const document = typeof target?.uri === 'string' ? documents.get(target.uri) : undefined;
    if (!document) return null;
    if (typeof target?.version === 'number' && target.version !== document.version) return null; // the text moved on
    let edit: WorkspaceEdit | undefined;
    try {
      edit = fixAllEdit(document, deps);
    } catch (error) {
      connection.console.error(`prr: fix-all failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return null;
    }
    if (!edit) return null;
    const result = await connection.workspace.applyEdit({ label: 'PRR: Fix all auto-fixable problems', edit });
    if (!result.applied) connection.console.warn(`prr: the client did not apply the fix-all edit${result.failureReason ? `: ${result.failureReason}` : ''}`);
    return null;
  });
}
