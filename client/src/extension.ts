// The VS Code extension: starts the prr language server over IPC and contributes
// the PRR commands. All checking happens in the server.

import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type Middleware, type ServerOptions } from 'vscode-languageclient/node';
import { newRunbook } from './new-runbook';
import { fixAll } from './fix-all';
import { ReportModel } from './report-model';
import { ReportPanel } from './report-panel';
import { exportReport } from './report-export';
import { ReadinessStatusBar } from './status-bar';
import { indexingProgress } from './indexing-progress';
import { initializationOptions, watchTrust } from './trust';

let client: LanguageClient | undefined;
/** Restarts of a crashed server allowed within 3 minutes (docs/security.md). */
const MAX_RESTARTS = 4;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = vscode.window.createOutputChannel('PRR', { log: true });
  context.subscriptions.push(log);
  const progress = indexingProgress();
  client = createClient(context, log, progress.handle);
  watchTrust(context, () => client, log);
  context.subscriptions.push(
    vscode.commands.registerCommand('prr.restartServer', async () => {
      log.info('restarting the prr language server');
      await client?.restart();
    }),
    vscode.commands.registerCommand('prr.newRunbook', (name?: unknown) => newRunbook(log, name)),
    vscode.commands.registerCommand('prr.fixAll', () => fixAll(client)),
  );
  // The readiness report: fetched once the server is up, again as files change.
  const report = new ReportModel(() => client, log);
  const statusBar = new ReadinessStatusBar(report, () => client);
  context.subscriptions.push(
    report,
    statusBar,
    vscode.commands.registerCommand('prr.showReport', () => ReportPanel.show(report, () => client)),
    vscode.commands.registerCommand('prr.exportReport', async (target?: unknown) => exportReport(await report.full(), target)),
  );
  // A server that stops or crashes mid-scan leaves no progress notification open; one that (re)starts is asked
  // for the report again (after a restart the status bar and an open panel would keep the old server's data).
  context.subscriptions.push(client.onDidChangeState(({ newState }) => {
    if (newState !== State.Running) progress.clear();
    else void report.refresh();
  }));
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

function createClient(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, handleWorkDoneProgress: NonNullable<Middleware['handleWorkDoneProgress']>): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
      { scheme: 'file', language: 'json' },
      { scheme: 'untitled', language: 'json' },
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    outputChannel: log,
    // Whether the workspace is trusted: an untrusted .prr.yaml may only lower severities and choose files.
    initializationOptions,
    synchronize: { configurationSection: 'prr' },
    // The server's workspace scan as a notification with a progress bar.
    middleware: { handleWorkDoneProgress },
    // A server that dies is restarted by vscode-languageclient's default error handler, up to
    // MAX_RESTARTS times within 3 minutes; one more crash inside that window stops it, with a
    // message pointing at this output channel (PRR: Restart Server starts it again).
    connectionOptions: { maxRestartCount: MAX_RESTARTS },
  };
  // The id equals the configuration prefix, so `prr.trace.server` traces the protocol.
  return new LanguageClient('prr', 'PRR Language Server', serverOptions, clientOptions);
}
