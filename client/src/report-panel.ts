// "PRR: Show Readiness Report": the report in a webview panel — the same HTML as
// `prr report --format html` (strict CSP, theme colors), re-rendered when the report
// changes. Clicking a check or location reveals it in the editor; Export… and Refresh
// come back from the page as messages.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ReadinessReport, ReportRange } from '../../server/src/protocol/report';
import { renderHtml } from '../../server/src/report';
import { exportReport } from './report-export';
import type { ReportModel } from './report-model';

type Message = { type: 'reveal'; uri: string; range: ReportRange } | { type: 'export' } | { type: 'refresh' };

export class ReportPanel implements vscode.Disposable {
  private static current: ReportPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  static async show(model: ReportModel, client: () => LanguageClient | undefined): Promise<void> {
    if (ReportPanel.current) ReportPanel.current.panel.reveal();
    else ReportPanel.current = new ReportPanel(model, client);
    // With every check (the status bar alone fetches summaries).
    const report = await model.full();
    if (!report && !client()?.isRunning()) void vscode.window.showWarningMessage('PRR: the language server is not running, so there is no readiness report; run PRR: Restart Server.');
    ReportPanel.current?.render(report);
  }

  private constructor(private readonly model: ReportModel, private readonly client: () => LanguageClient | undefined, readonly panel = vscode.window.createWebviewPanel(
    'prr.readinessReport',
    'Readiness Report',
    vscode.ViewColumn.Active,
    { enableScripts: true, enableFindWidget: true, localResourceRoots: [] },
  )) {
    this.render(model.hasChecks ? model.current : undefined);
    this.disposables.push(
      model.retain(),
      // A summary that was on its way when the panel opened is not enough: ask again.
      model.onDidChange((report) => (model.hasChecks ? this.render(report) : void model.full())),
      panel.webview.onDidReceiveMessage((message: Message) => void this.onMessage(message)),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  dispose(): void {
    ReportPanel.current = undefined;
    for (const d of this.disposables) d.dispose();
  }

  private render(report: ReadinessReport | undefined): void {
    this.panel.webview.html = report ? renderHtml(report, { webview: true }) : LOADING;
  }

  private async onMessage(message: Message): Promise<void> {
    if (message.type === 'export') return exportReport(await this.model.full());
    if (message.type === 'refresh') return void (await this.model.refresh());
    if (message.type === 'reveal') {
      const client = this.client();
      const uri = client ? client.protocol2CodeConverter.asUri(message.uri) : vscode.Uri.parse(message.uri);
      const { start, end } = message.range;
      const selection = new vscode.Range(start.line, start.character, end.line, end.character);
      // Beside the report, so the report stays in view while the manifest is edited.
      await vscode.window.showTextDocument(uri, { selection, viewColumn: vscode.ViewColumn.Beside, preserveFocus: false });
    }
  }
}

const LOADING = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'"><title>Readiness report</title></head><body><p>Computing the readiness report…</p></body></html>`;
