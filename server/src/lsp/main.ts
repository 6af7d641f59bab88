// The prr language server: a thin shell that feeds open documents to the engine and
// returns its findings as diagnostics. Transport (stdio, IPC) is chosen by argv.

import {
  createConnection,
  DocumentDiagnosticReportKind,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createEngine, type Engine } from '../service';
import { rulesDocsBaseUrl } from '../node/docs-location';
import { DiagnosticsService } from './diagnostics';
import { DEFAULT_SETTINGS, readSettings, type Settings } from './settings';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const docsBaseUrl = rulesDocsBaseUrl();

let settings: Settings = DEFAULT_SETTINGS;
let engine: Engine = createEngine({ docsBaseUrl });
let pullMode = false;
let canReadConfiguration = false;
let canRefreshDiagnostics = false;
/** Bumped when settings change, so pull clients do not keep results computed under old ones. */
let generation = 0;

const diagnostics = new DiagnosticsService(connection, documents, () => (settings.enable ? engine : undefined));

connection.onInitialize((params): InitializeResult => {
  const capabilities = params.capabilities;
  pullMode = capabilities.textDocument?.diagnostic !== undefined;
  canReadConfiguration = capabilities.workspace?.configuration === true;
  canRefreshDiagnostics = capabilities.workspace?.diagnostics?.refreshSupport === true;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      ...(pullMode ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
    },
    serverInfo: { name: 'prr', version: SERVER_VERSION },
  };
});

connection.onInitialized(() => {
  void refreshSettings();
});

connection.onDidChangeConfiguration(() => {
  void refreshSettings();
});

async function refreshSettings(): Promise<void> {
  if (!canReadConfiguration) return;
  let next: Settings;
  try {
    next = readSettings(await connection.workspace.getConfiguration('prr'));
  } catch (error) {
    connection.console.warn(`prr: could not read settings, keeping the current ones: ${String(error)}`);
    return;
  }
  if (JSON.stringify(next) === JSON.stringify(settings)) return;
  settings = next;
  engine = createEngine({ docsBaseUrl, severities: settings.rules });
  generation++;
  diagnostics.invalidateAll();
  if (!pullMode) documents.all().forEach((d) => diagnostics.schedule(d));
  else if (canRefreshDiagnostics) void connection.languages.diagnostics.refresh();
}

documents.onDidChangeContent(({ document }) => {
  if (!pullMode) diagnostics.schedule(document);
});

documents.onDidClose(({ document }) => diagnostics.forget(document.uri, !pullMode));

connection.languages.diagnostics.on((params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
  const resultId = `${generation}:${document.version}`;
  if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
  return { kind: DocumentDiagnosticReportKind.Full, resultId, items: diagnostics.compute(document) };
});

process.on('uncaughtException', (error) => {
  connection.console.error(`prr: internal error: ${error.stack ?? error.message}`);
});

documents.listen(connection);
connection.listen();

declare const SERVER_VERSION: string;
