// The extension's file writes (PRR: New Runbook, report export) through a temporary file
// next to the target and a rename, as the CLI does (server/src/node/write-file.ts), so an
// interrupted write never leaves a half-written file. vscode.workspace.fs keeps it working
// for any file system VS Code can write to; writeFile creates missing parent folders.

import * as vscode from 'vscode';

/** Writes `text` to `target`; `overwrite: false` fails rather than replace a file that appeared meanwhile. */
export async function writeTextAtomic(target: vscode.Uri, text: string, options: { overwrite: boolean }): Promise<void> {
  const name = target.path.slice(target.path.lastIndexOf('/') + 1);
  const temp = vscode.Uri.joinPath(target, '..', `.${name}.prr-${Date.now()}-${Math.random().toString(36).slice(2, 8)}.tmp`);
  await vscode.workspace.fs.writeFile(temp, new TextEncoder().encode(text));
  try {
    await vscode.workspace.fs.rename(temp, target, { overwrite: options.overwrite });
  } catch (error) {
    await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
    throw error;
  }
}
