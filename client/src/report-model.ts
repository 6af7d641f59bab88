// The readiness report as the client holds it: fetched from the server with the
// `prr/readinessReport` request, and fetched again (debounced) when workspace files change,
// so the status bar and the report panel stay current. Without an open panel only the
// summary of each service is fetched (no checks): a large workspace's full report is tens
// of megabytes, and the status bar needs a few bytes of it.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { READINESS_REPORT_METHOD, type ReadinessReport, type ReadinessReportParams } from '../../server/src/protocol/report';

const RELEVANT = /\.(ya?ml|json|md|markdown)$/i;
const DEBOUNCE_MS = 1000;

export class ReportModel implements vscode.Disposable {
  private report: ReadinessReport | undefined;
  private detailed = false;
  /** Open panels that need every check. */
  private viewers = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<ReadinessReport | undefined> | undefined;
  private readonly changed = new vscode.EventEmitter<ReadinessReport>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  readonly onDidChange = this.changed.event;

  constructor(private readonly client: () => LanguageClient | undefined, private readonly log: vscode.LogOutputChannel) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml,json,md,markdown}');
    const schedule = (uri: vscode.Uri) => RELEVANT.test(uri.path) && this.schedule();
    this.disposables.push(
      watcher,
      watcher.onDidCreate(schedule),
      watcher.onDidChange(schedule),
      watcher.onDidDelete(schedule),
      vscode.workspace.onDidChangeTextDocument((e) => e.contentChanges.length > 0 && schedule(e.document.uri)),
    );
  }

  /** The latest report; its services have no checks unless a panel is open. */
  get current(): ReadinessReport | undefined {
    return this.report;
  }

  /** Whether the latest report has every service's checks. */
  get hasChecks(): boolean {
    return this.detailed;
  }

  /** A panel needs every check while it is open; dispose the result when it closes. */
  retain(): vscode.Disposable {
    this.viewers++;
    return { dispose: () => void this.viewers-- };
  }

  /** Asks the server now; concurrent callers share one request. */
  refresh(): Promise<ReadinessReport | undefined> {
    this.inFlight ??= this.fetch(this.viewers > 0).finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  /** The report with every check (for Export…), from the last refresh when it has them. */
  async full(): Promise<ReadinessReport | undefined> {
    if (this.report && this.detailed) return this.report;
    return this.fetch(true);
  }

  /** Refreshes after the edits have settled. */
  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), DEBOUNCE_MS);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }

  private async fetch(checks: boolean): Promise<ReadinessReport | undefined> {
    const client = this.client();
    // Without a server, only a report as detailed as asked for may stand in: the summary has no checks, and an
    // export or panel built from it would show scores with empty check tables and say nothing.
    if (!client?.isRunning()) {
      if (checks && !this.detailed) this.log.warn('readiness report: the language server is not running (PRR: Restart Server)');
      return checks && !this.detailed ? undefined : this.report;
    }
    try {
      const params: ReadinessReportParams = { checks };
      const report = await client.sendRequest<ReadinessReport>(READINESS_REPORT_METHOD, params);
      this.report = report;
      this.detailed = checks;
      this.changed.fire(report);
      return report;
    } catch (error) {
      this.log.warn(`readiness report failed: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }
}
