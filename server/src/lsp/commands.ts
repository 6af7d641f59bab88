// The server's commands (workspace/executeCommand); one handler serves them all, since a
// connection takes only one. Each computes or checks an edit and asks the client to apply
// it with workspace/applyEdit.
//
// - `prr.applyAllFixes` `[{ uri, version? }]`: fix-all (see fix-all.ts).
// - `prr.applyFix` `[{ uri, version, edit }]`: one quick fix, for clients that take code
//   actions only as Command objects (no `codeActionLiteralSupport`, LSP 3.8): the server
//   answers textDocument/codeAction with Commands that carry the fix's WorkspaceEdit.

import { type CodeAction, type Command, type Connection, type TextDocuments, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { APPLY_ALL_FIXES_COMMAND, FIX_ALL_KIND, fixAllEdit, type FixAllDeps } from './fix-all';
import type { Guard } from './guard';

export const APPLY_FIX_COMMAND = 'prr.applyFix';
export const COMMANDS = [APPLY_ALL_FIXES_COMMAND, APPLY_FIX_COMMAND];

interface Target {
  uri?: unknown;
  version?: unknown;
  edit?: unknown;
}

/** Code actions as the Commands that apply them, for clients without code action literals. */
export function asCommands(actions: readonly CodeAction[], document: TextDocument): Command[] {
  return actions.flatMap((action): Command[] => {
    if (action.kind === FIX_ALL_KIND) return [{ title: action.title, command: APPLY_ALL_FIXES_COMMAND, arguments: [{ uri: document.uri, version: document.version }] }];
    return action.edit ? [{ title: action.title, command: APPLY_FIX_COMMAND, arguments: [{ uri: document.uri, version: document.version, edit: action.edit }] }] : [];
  });
}

export function registerCommands(connection: Connection, documents: TextDocuments<TextDocument>, fixAll: FixAllDeps, guard: Guard): void {
  connection.onExecuteCommand(({ command, arguments: args }) => {
    const target = args?.[0] as Target | undefined;
    return guard.runAsync('workspace/executeCommand', typeof target?.uri === 'string' ? target.uri : undefined, null, () => execute(command, target));
  });

  async function execute(command: string, target: Target | undefined): Promise<null> {
    if (command !== APPLY_ALL_FIXES_COMMAND && command !== APPLY_FIX_COMMAND) return null;
    const document = typeof target?.uri === 'string' ? documents.get(target.uri) : undefined;
    if (!document) return null;
    if (typeof target?.version === 'number' && target.version !== document.version) {
      connection.console.warn(`prr: ${command} skipped: ${document.uri} changed since the fix was computed`);
      return null;
    }
    let edit: WorkspaceEdit | undefined;
    let label: string;
    if (command === APPLY_FIX_COMMAND) {
      if (typeof target?.edit !== 'object' || target.edit === null) return null;
      edit = target.edit as WorkspaceEdit;
      label = 'PRR: Quick fix';
    } else {
      try {
        edit = fixAllEdit(document, fixAll);
      } catch (error) {
        connection.console.error(`prr: fix-all failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
        return null;
      }
      label = 'PRR: Fix all auto-fixable problems';
    }
    if (!edit) return null;
    const result = await connection.workspace.applyEdit({ label, edit });
    if (!result.applied) connection.console.warn(`prr: the client did not apply the edit of ${command}${result.failureReason ? `: ${result.failureReason}` : ''}`);
    return null;
  }
}
