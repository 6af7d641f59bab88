// "Export…": saves the readiness report as HTML, Markdown or JSON, chosen in the save
// dialog; the same renderers as `prr report --format`.

import * as vscode from 'vscode';
import type { ReadinessReport } from '../../server/src/protocol/report';
import { renderReport, type ReportFormat } from '../../server/src/report';
import { writeTextAtomic } from './write-atomic';

const FILTERS: Record<string, string[]> = { HTML: ['html'], Markdown: ['md'], JSON: ['json'] };

/** `given` (a command argument, from a keybinding or a test) skips the save dialog. */
export async function exportReport(report: ReadinessReport | undefined, given?: unknown): Promise<void> {
  if (!report) {
    void vscode.window.showWarningMessage('PRR: there is no readiness report yet; the language server may still be indexing.');
    return;
  }
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = given instanceof vscode.Uri ? given : await vscode.window.showSaveDialog({
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
