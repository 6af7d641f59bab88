// "PRR: Fix All Auto-fixable Problems": asks the server (workspace/executeCommand) to fix the
// active document; the server answers with workspace/applyEdit, as vscode-eslint does.

import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';

/** The server's command (see server/src/lsp/fix-all.ts). */
const APPLY_ALL_FIXES_COMMAND = 'prr.applyAllFixes';

export async function fixAll(client: LanguageClient | undefined): Promise<void> {
  const document = vscode.window.activeTextEditor?.document;
  if (!document) {
    void vscode.window.showInformationMessage('PRR: open a readiness manifest, SLO file or runbook to fix.');
    return;
  }
  if (!client?.isRunning()) {
    void vscode.window.showWarningMessage('PRR: the language server is not running.');
    return;
  }
  const uri = client.code2ProtocolConverter.asUri(document.uri);
  await client.sendRequest(ExecuteCommandRequest.type, { command: APPLY_ALL_FIXES_COMMAND, arguments: [{ uri, version: document.version }] });
}
