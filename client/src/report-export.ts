// "Export…": saves the readiness report as HTML, Markdown or JSON, chosen in the save
// dialog; the same renderers as `prr report --format`.

import * as vscode from 'vscode';
import type { ReadinessReport } from '../../server/src/protocol/report';
import { renderReport, type ReportFormat } from '../../server/src/report';

const FILTERS: Record<string, string[]> = { HTML: ['html'], Markdown: ['md'], JSON: ['json'] };

export async function exportReport(report: ReadinessReport | undefined): Promise<void> {
  if (!report) {
    void vscode.window.showWarningMessage('PRR: there is no readiness report yet; the language server may still be indexing.');
    return;
  }
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    title: 'Export Readiness Report',
    filters: FILTERS,
    ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, `readiness-report-${report.date}.html`) } : {}),
  });
  if (!target) return;
  const format = formatOf(target.path);
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(renderReport(report, format)));
  void vscode.window.showInformationMessage(`PRR: readiness report saved to ${vscode.workspace.asRelativePath(target)}.`);
}

function formatOf(path: string): ReportFormat {
  if (/\.(md|markdown)$/i.test(path)) return 'markdown';
  if (/\.json$/i.test(path)) return 'json';
  return 'html';
}
