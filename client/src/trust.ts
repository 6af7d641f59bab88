// Workspace trust (VS Code's restricted mode): the server is told whether the workspace is
// trusted when it starts and the moment the user trusts it. While it is not, a `.prr.yaml`
// may only lower severities and choose files; the extension says so once, and only when
// the workspace has a `.prr.yaml` for it to apply to.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { WORKSPACE_TRUSTED_NOTIFICATION, type PrrInitializationOptions } from '../../server/src/protocol/trust';

/** initializationOptions, computed at each (re)start so a restarted server sees the current trust. */
export function initializationOptions(): PrrInitializationOptions {
  return { trusted: vscode.workspace.isTrusted };
}

export function watchTrust(context: vscode.ExtensionContext, client: () => LanguageClient | undefined, log: vscode.LogOutputChannel): void {
  if (vscode.workspace.isTrusted) return;
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => {
    log.info('workspace trusted: .prr.yaml files apply in full');
    void client()?.sendNotification(WORKSPACE_TRUSTED_NOTIFICATION);
  }));
  void vscode.workspace.findFiles('**/.prr.{yaml,yml}', '**/node_modules/**', 1).then((found) => {
    if (found.length === 0) return;
    const message = 'PRR: this workspace is not trusted, so its .prr.yaml files may only lower rule severities and choose files; their other settings are ignored until you trust it.';
    log.warn(message);
    void vscode.window.showInformationMessage(message);
  });
}
