// The status-bar item: score and level of the service that owns the active file (its
// manifest, an SLO file or runbook it refers to, or a file in its folder), else the
// workspace summary. Clicking it opens the readiness report.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { owningService } from './owning-service';
import type { ReportModel } from './report-model';

const LEVEL = { none: 'no level', bronze: 'Bronze', silver: 'Silver', gold: 'Gold' } as const;

export class ReadinessStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('prr.readiness', vscode.StatusBarAlignment.Left, 20);
  private readonly disposables: vscode.Disposable[] = [this.item];

  constructor(private readonly model: ReportModel, private readonly client: () => LanguageClient | undefined) {
    this.item.name = 'PRR Readiness';
    this.item.command = 'prr.showReport';
    this.disposables.push(model.onDidChange(() => this.update()), vscode.window.onDidChangeActiveTextEditor(() => this.update()));
  }

  update(): void {
    const report = this.model.current;
    if (!report || report.services.length === 0) {
      this.item.hide();
      return;
    }
    const editor = vscode.window.activeTextEditor;
    const client = this.client();
    const uri = editor && client ? client.code2ProtocolConverter.asUri(editor.document.uri) : undefined;
    const service = uri ? owningService(report, uri) : undefined;
    if (service) {
      this.item.text = `$(checklist) ${service.name} ${service.score} · ${LEVEL[service.level]}${service.blocked ? ' $(error)' : ''}`;
      this.item.tooltip = new vscode.MarkdownString(`**${service.name}**: readiness score ${service.score} of 100, level ${LEVEL[service.level]}` +
        `${service.blocked ? `, **blocked** at its tier by ${service.blocking.map((b) => `\`${b}\``).join(', ')}` : ''}; ${service.counts.fail} failed, ${service.counts.exempt} exempt.\n\nClick to open the readiness report.`);
      this.item.backgroundColor = service.blocked ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    } else {
      const { summary } = report;
      this.item.text = `$(checklist) PRR ${summary.averageScore} · ${summary.services} service${summary.services === 1 ? '' : 's'}`;
      this.item.tooltip = `Readiness: ${summary.services} services, average score ${summary.averageScore}; ${summary.byLevel.gold} Gold, ${summary.byLevel.silver} Silver, ${summary.byLevel.bronze} Bronze, ${summary.byLevel.none} without a level; ${summary.blocked} blocked. Click to open the readiness report.`;
      this.item.backgroundColor = summary.blocked > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    }
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
