// Fix-all, two ways in, as vscode-eslint does it: the `source.fixAll.prr` code action (so
// `editor.codeActionsOnSave` can run it) and the `prr.applyAllFixes` command, which the VS
// Code command "PRR: Fix All Auto-fixable Problems" sends through workspace/executeCommand
// and which answers with workspace/applyEdit (handled in commands.ts). Both apply only what
// the engine's fixAll deems unambiguous, to the document version they were computed for.

import { CodeActionKind, type CodeAction, type WorkspaceEdit } from 'vscode-languageserver/node';
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
