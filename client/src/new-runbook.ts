// "PRR: New Runbook": asks for the alert or service name, writes runbooks/<name>.md from
// the runbook template (the same one the engine's quick fixes use) and opens it.

import * as vscode from 'vscode';
import { runbookTemplate } from '../../server/src/service/runbook/template';
import { writeTextAtomic } from './write-atomic';

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** `given` (a command argument, from a keybinding or a test) skips the name prompt. */
export async function newRunbook(log: vscode.LogOutputChannel, given?: unknown): Promise<vscode.Uri | undefined> {
  if ((vscode.workspace.workspaceFolders ?? []).length === 0) {
    void vscode.window.showErrorMessage('PRR: open a folder first; the runbook is created in its runbooks/ folder.');
    return undefined;
  }
  const folder = await pickFolder();
  if (!folder) return undefined; // the folder pick was cancelled
  const name = typeof given === 'string' && NAME.test(given.trim()) ? given : await vscode.window.showInputBox({
    title: 'PRR: New Runbook',
    prompt: 'The alert (or service) this runbook answers; the file will be runbooks/<name>.md',
    placeHolder: 'CheckoutHighErrorRate',
    validateInput: (value) => (NAME.test(value.trim()) ? undefined : 'Use letters, digits, dots, dashes and underscores, starting with a letter or digit.'),
  });
  if (!name) return undefined;
  const uri = vscode.Uri.joinPath(folder.uri, 'runbooks', `${name.trim()}.md`);
  if (await exists(uri)) {
    void vscode.window.showInformationMessage(`PRR: ${vscode.workspace.asRelativePath(uri)} already exists; opening it.`);
  } else {
    const today = new Date().toISOString().slice(0, 10);
    await writeTextAtomic(uri, runbookTemplate({ name: name.trim(), today }), { overwrite: false });
    log.info(`created ${uri.toString()}`);
  }
  await vscode.window.showTextDocument(uri);
  return uri;
}

async function pickFolder(): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: 'Where should the runbook go?' });
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
