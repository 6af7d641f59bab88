// "Export…": saves the readiness report as HTML, Markdown or JSON, chosen in the save
// dialog; the same renderers as `prr report --format`.

import * as vscode from 'vscode';
import type { ReadinessReport } from '../../server/src/protocol/report';
import { renderReport, type ReportFormat } from '../../server/src/report';
import { writeTextAtomic } from './write-atomic';

const FILTERS: Record<string, string[]> = { HTML: ['html'], Markdown: ['md'], JSON: ['json'] };

/** `given` (a command argument: a Uri, or from a keybinding a URI string or a path) skips the save dialog. */
export async function exportReport(report: ReadinessReport | undefined, given?: unknown): Promise<void> {
  if (!report) {
    void vscode.window.showWarningMessage('PRR: there is no readiness report yet; the language server may still be indexing, or is not running (PRR: Restart Server).');
    return;
  }
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  // From a keybinding the argument is JSON: a URI string (`file:///…/report.html`) or a path.
  const named = typeof given === 'string' && given !== '' ? (/^[a-z][a-z0-9+.-]+:/i.test(given) ? vscode.Uri.parse(given) : vscode.Uri.file(given)) : undefined;
  const target = given instanceof vscode.Uri ? given : named ?? await vscode.window.showSaveDialog({
    title: 'Export Readiness Report',
    filters: FILTERS,
    ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, `readiness-report-${report.date}.html`) } : {}),
  });
  if (!target) return;
  const format = formatOf(target.path);
  await writeTextAtomic(target, renderReport(report, format), { overwrite: true }); // the save dialog asked
  void vscode.window.showInformationMessage(`PRR: readiness report saved to ${vscode.workspace.asRelativePath(target)}.`);
}

function formatOf(path: string): ReportFormat {
  if (/\.(md|markdown)$/i.test(path)) return 'markdown';
  if (/\.json$/i.test(path)) return 'json';
  return 'html';
}
