// The prr language server: a thin shell that feeds documents to the engine and returns
// its findings as diagnostics. Transport (stdio, IPC) is chosen by argv.

import {
  CodeActionKind,
  createConnection,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { textDocuments } from './text-document';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createEngine, DEFAULT_CONFIG } from '../service';
import { ConfigStore, isConfigFile } from '../node/config-store';
import { rulesDocsBaseUrl } from '../node/docs-location';
import { DiagnosticsService } from './diagnostics';
import { DEFAULT_SETTINGS, readSettings, type Settings } from './settings';
import { WorkspaceFeed } from './workspace-feed';
import { codeActionsFor, type EditSupport } from './code-actions';
import { FIX_ALL_KIND, fixAllAction, wantsFixAll, wantsQuickFixes, type FixAllDeps } from './fix-all';
import { asCommands, COMMANDS, registerCommands } from './commands';
import { registerLanguageFeatures } from './language-features';
import { diskIO } from '../node/engine-io';
import { clockOption } from '../node/clock';
import { createIndexingGate, registerReadinessReport } from './readiness-report';
import { createGuard } from './guard';
import { whenIdle } from './idle';
import { registerTrust } from './trust';
import { registerBudgetHints } from './budget-hints';
import { usePlainEnv } from '../node/plain-env';

usePlainEnv();

const connection = createConnection(ProposedFeatures.all);
// A handler that throws is logged with its method and URI and answers empty; the server keeps serving.
const guard = createGuard(connection);
const documents = new TextDocuments(textDocuments);
// Open buffers answer the engine's file questions first: an unsaved runbook counts as existing.
const engine = createEngine({ docsBaseUrl: rulesDocsBaseUrl(), io: diskIO((uri) => documents.get(uri)?.getText()), ...clockOption() });
// The readiness report waits for the first workspace scan (see onInitialized).
const indexing = createIndexingGate();
// An untrusted workspace's .prr.yaml may only lower severities and choose files (service/config/trust.ts).
const trust = registerTrust(connection, () => {
  configs.invalidate();
  refreshAll();
});
const configs = new ConfigStore(engine, { read: (path) => documents.get(pathToFileURL(path).href)?.getText(), trusted: trust.trusted, onIgnored: trust.ignored });
const configFor = (uri: string) => (uri.startsWith('file:') ? configs.configFor(fileURLToPath(uri)) : DEFAULT_CONFIG);
const feed = new WorkspaceFeed(connection, documents, engine, configFor);
// Completion, hover, outline, links, go-to-definition and folding; hover reads the diagnostics' cached findings.
const languageFeatures = registerLanguageFeatures(connection, documents, engine, configFor, (document) => diagnostics.findings(document));
// The error budget of each objective and alert, as inlay hints (code lenses for clients without them).
const budgetHints = registerBudgetHints(connection, documents, () => (settings.enable ? engine : undefined), configFor, guard);

let settings: Settings = DEFAULT_SETTINGS;
let pullMode = false;
let canReadConfiguration = false;
let canRefreshDiagnostics = false;
let canWatchFiles = false;
let workspaceFolders: string[] = [];
let editSupport: EditSupport = { documentChanges: false, createFiles: false };
/** The client takes CodeAction literals; without, code actions go out as Commands (LSP 3.8). */
let codeActionLiterals = false;
const fixAllDeps: FixAllDeps = { engine: () => (settings.enable ? engine : undefined), configFor, editSupport: () => editSupport };
/** Bumped whenever results may change without the document changing (settings, other files). */
let epoch = 0;

const diagnostics = new DiagnosticsService(connection, documents, () => (settings.enable ? engine : undefined), configFor, () => epoch, () => indexing.isOpen());

connection.onInitialize((params): InitializeResult => {
  const capabilities = params.capabilities;
  trust.initialize(params);
  pullMode = capabilities.textDocument?.diagnostic !== undefined;
  canReadConfiguration = capabilities.workspace?.configuration === true;
  canRefreshDiagnostics = capabilities.workspace?.diagnostics?.refreshSupport === true;
  canWatchFiles = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  const workspaceEdit = capabilities.workspace?.workspaceEdit;
  editSupport = { documentChanges: workspaceEdit?.documentChanges === true, createFiles: workspaceEdit?.documentChanges === true && (workspaceEdit.resourceOperations ?? []).includes('create') };
  codeActionLiterals = capabilities.textDocument?.codeAction?.codeActionLiteralSupport !== undefined;
  const folderUris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  workspaceFolders = folderUris.filter((uri) => uri.startsWith('file:')).map((uri) => fileURLToPath(uri));
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      // CodeActionOptions only for clients with code action literals (the spec says so).
      codeActionProvider: codeActionLiterals ? { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] } : true,
      executeCommandProvider: { commands: COMMANDS },
      ...languageFeatures.initialize(capabilities),
      ...budgetHints.initialize(capabilities),
      ...(pullMode ? { diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: false } } : {}),
    },
    serverInfo: { name: 'prr', version: SERVER_VERSION },
  };
});

connection.onInitialized(indexing.around(async () => {
  if (canWatchFiles) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml,json,md,markdown}' }, { globPattern: '**/.prr.{yaml,yml}' }] });
  }
  // Before anything yields: documents opened right after start then meet compiled schemas.
  const warmStart = performance.now();
  guard.run('initialized (warm-up)', undefined, undefined, () => engine.warmUp());
  connection.console.info(`prr: ready (schemas compiled and checks warmed up in ${Math.round(performance.now() - warmStart)} ms)`);
  // Then, step by step until a document is opened, the parser and the edit path until the JIT has compiled them (a
  // document's own check does that as well, and must not wait for the warm-up).
  whenIdle(guard, 'idle warm-up', engine.idleWarmUp(), () => documents.all().length > 0, (busyMs, complete) =>
    connection.console.info(`prr: warmed up while idle (${Math.round(busyMs)} ms${complete ? '' : ', cut short by the first document'})`));
  await refreshSettings();
  if (workspaceFolders.length > 0) {
    const progress = await connection.window.createWorkDoneProgress();
    const count = await feed.scan(workspaceFolders, progress);
    connection.console.info(`prr: indexed ${count} files in ${workspaceFolders.length} workspace folder(s)`);
  }
}));
// Once the first scan has ended, every open document is checked again: the other files are known now, and the
// findings that waited for them (ABSENCE_RULES in diagnostics.ts) may be due. Without a workspace folder there was
// no scan, only the short wait for `initialized`: documents are re-checked only if a finding was held back meanwhile.
void indexing.opened.then(() => {
  if (workspaceFolders.length > 0 || diagnostics.takeHeldBack()) refreshAll();
});

connection.onDidChangeConfiguration(() => void refreshSettings());

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
  engine.setSeverities(settings.rules);
  refreshAll();
}

/**
 * A `.prr.yaml` changed: its include, exclude and gitignore may take files out of the workspace index or put
 * others in. Rebuilt once the typing pauses (RESCAN_DELAY_MS), in the background, then every open document checked again.
 */
const RESCAN_DELAY_MS = 300;
let rescanTimer: NodeJS.Timeout | undefined;

/** A `.prr.yaml` changed (typed, closed, or on disk): every file's configuration is read again, and the index rebuilt soon. */
function onConfigChange(): void {
  configs.invalidate();
  rescanSoon();
}

function rescanSoon(): void {
  clearTimeout(rescanTimer);
  rescanTimer = setTimeout(() => void guard.runAsync('workspace rescan', undefined, undefined, async () => {
    if ((await feed.rescan()).length > 0) refreshAll();
  }), RESCAN_DELAY_MS);
}

/** Results of open documents may have changed although their text did not: recompute them. */
function refreshAll(): void {
  epoch++;
  if (!pullMode) documents.all().forEach((d) => diagnostics.schedule(d));
  else if (canRefreshDiagnostics) void connection.languages.diagnostics.refresh();
  budgetHints.refresh(); // a `.prr.yaml` may have changed Sloth's period or the minimum budget
}

documents.onDidChangeContent(({ document }) => guard.run('textDocument/didChange', document.uri, undefined, () => {
  if (isConfigFile(document.uri)) onConfigChange();
  const affected = guard.run('textDocument/didChange (indexing)', document.uri, [], () => engine.setFile({ uri: document.uri, text: document.getText() }, configFor(document.uri)));
  if (affected.length > 0 || isConfigFile(document.uri) || engine.isCustomSchema(document.uri)) refreshAll();
  else if (!pullMode) diagnostics.schedule(document);
}));

documents.onDidClose(({ document }) => guard.runAsync('textDocument/didClose', document.uri, undefined, async () => {
  diagnostics.forget(document.uri, !pullMode);
  if (isConfigFile(document.uri)) onConfigChange();
  if ((await feed.loadFromDisk(document.uri)).length > 0 || isConfigFile(document.uri) || engine.isCustomSchema(document.uri)) refreshAll();
}));

connection.onDidChangeWatchedFiles(({ changes }) => guard.runAsync('workspace/didChangeWatchedFiles', changes[0]?.uri, undefined, async () => {
  const configChanged = changes.some((c) => isConfigFile(c.uri));
  if (configChanged) onConfigChange();
  // A custom schema (`schemas:` in .prr.yaml) is read anew by each check: re-checking is enough.
  const schemaChanged = changes.some((c) => engine.isCustomSchema(c.uri));
  if ((await feed.onWatchedFiles(changes)).length > 0 || configChanged || schemaChanged) refreshAll();
}));

connection.languages.diagnostics.on((params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
  const resultId = `${epoch}:${document.version}`;
  if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
  return { kind: DocumentDiagnosticReportKind.Full, resultId, items: diagnostics.compute(document) };
});

connection.onCodeAction(({ textDocument, range, context }) => {
  const document = documents.get(textDocument.uri);
  if (!document) return [];
  return guard.run('textDocument/codeAction', textDocument.uri, [], () => {
    const actions = [
      ...(wantsQuickFixes(context.only) ? codeActionsFor(document, diagnostics.findings(document), context.diagnostics, range, editSupport) : []),
      ...(wantsFixAll(context.only) ? fixAllAction(document, fixAllDeps) : []),
    ];
    return codeActionLiterals ? actions : asCommands(actions, document);
  });
});

process.on('uncaughtException', (error) => {
  connection.console.error(`prr: internal error: ${error.stack ?? error.message}`);
});

registerCommands(connection, documents, fixAllDeps, guard);
registerReadinessReport(connection, engine, configFor, () => workspaceFolders, indexing, guard);

documents.listen(connection);
connection.listen();

declare const SERVER_VERSION: string;
