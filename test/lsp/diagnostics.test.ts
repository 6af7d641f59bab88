// The built server over stdio and IPC: capabilities, push and pull diagnostics,
// incremental changes, stale versions, and workspace/configuration.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Diagnostic, DocumentDiagnosticReport, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { startServer, withServer } from './server-process';

const URI = 'file:///work/payments.readiness.yaml';
const TEXT = ['apiVersion: prr/v1', 'kind: ServiceReadiness', 'metadata:', '  name: payments', 'spec:', '  owner: team-payments', '  tier: 5', ''].join('\n');
const PULL = { workspace: { configuration: true, diagnostics: { refreshSupport: true } }, textDocument: { diagnostic: { dynamicRegistration: false } } };

function open(connection: import('vscode-languageserver-protocol').ProtocolConnection, text = TEXT, uri = URI) {
  return connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
}

/** Replaces `tier: 5` (line 7) by `tier: <value>` with an incremental change. */
function setTier(connection: import('vscode-languageserver-protocol').ProtocolConnection, version: number, value: string) {
  return connection.sendNotification('textDocument/didChange', {
    textDocument: { uri: URI, version },
    contentChanges: [{ range: { start: { line: 6, character: 8 }, end: { line: 6, character: 100 } }, text: value }],
  });
}

test('initialize: incremental sync; pull diagnostics only for clients that support them', async () => {
  const push = await startServer();
  assert.equal((push.initialize.capabilities.textDocumentSync as { change: number }).change, 2);
  assert.equal(push.initialize.capabilities.diagnosticProvider, undefined);
  assert.equal(push.initialize.serverInfo?.name, 'prr');
  await push.close();
  const pull = await startServer({ capabilities: PULL });
  assert.deepEqual(pull.initialize.capabilities.diagnosticProvider, { interFileDependencies: true, workspaceDiagnostics: false });
  await pull.close();
});

test('push: diagnostics after didOpen carry rule code, docs link, source and version; didChange clears them', async () => {
  await withServer({}, async (server) => {
    await open(server.connection);
    const first = await server.nextDiagnostics(URI);
    assert.equal(first.version, 1);
    assert.equal(first.diagnostics.length, 1);
    const [d] = first.diagnostics as Diagnostic[];
    assert.deepEqual(d.range, { start: { line: 6, character: 8 }, end: { line: 6, character: 9 } });
    assert.equal(d.code, 'invalid-enum');
    assert.equal(d.source, 'prr');
    assert.equal(d.severity, 1);
    assert.equal(d.message, '`spec.tier` must be one of `1`, `2`, `3`, `4`; got `5`');
    assert.ok(existsSync(fileURLToPath(d.codeDescription!.href)), `docs page missing: ${d.codeDescription!.href}`);
    await setTier(server.connection, 2, '1');
    const second = await server.nextDiagnostics(URI);
    assert.equal(second.version, 2);
    assert.deepEqual(second.diagnostics, []);
  });
});

test('push: a burst of edits never publishes out of order or for text the version does not have, and ends at the latest', async () => {
  await withServer({}, async (server) => {
    await open(server.connection);
    await server.nextDiagnostics(URI);
    for (let version = 2; version <= 30; version++) await setTier(server.connection, version, String(version % 2 === 0 ? 9 : 1));
    const latest = await server.nextDiagnostics(URI, (p) => p.version === 30);
    assert.equal(latest.diagnostics.length, 1); // version 30 has tier 9
    // A fast document is checked without a debounce, so some intermediate versions may be
    // published while they are current; each must carry its own version's findings, in order.
    const afterOpen = server.published.filter((p) => p.uri === URI).slice(1);
    const versions = afterOpen.map((p) => p.version ?? 0);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b));
    assert.equal(new Set(versions).size, versions.length);
    for (const p of afterOpen) assert.equal(p.diagnostics.length, (p.version ?? 0) % 2 === 0 ? 1 : 0, `version ${p.version}`);
    // Edits already waiting replace a pending check: 1–3 publications here; checking each version as it
    // comes (no debounce at all) publishes all 29.
    assert.ok(versions.length < 15, `published ${versions.length} of 29 versions: ${versions.join(',')}`);
  });
});

test('push: closing a document clears its diagnostics', async () => {
  await withServer({}, async (server) => {
    await open(server.connection);
    await server.nextDiagnostics(URI);
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: URI } });
    const cleared = await server.nextDiagnostics(URI);
    assert.deepEqual(cleared.diagnostics, []);
  });
});

test('pull: textDocument/diagnostic answers, follows edits, and says unchanged for the same version', async () => {
  await withServer({ capabilities: PULL }, async (server) => {
    await open(server.connection);
    const ask = (previousResultId?: string) =>
      server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: URI }, previousResultId }) as Promise<DocumentDiagnosticReport & { resultId?: string; items?: Diagnostic[] }>;
    const first = await ask();
    assert.equal(first.kind, 'full');
    assert.deepEqual(first.items?.map((d) => d.code), ['invalid-enum']);
    const again = await ask(first.resultId);
    assert.equal(again.kind, 'unchanged');
    await setTier(server.connection, 2, '2');
    const fixed = await ask(first.resultId);
    assert.equal(fixed.kind, 'full');
    assert.deepEqual(fixed.items, []);
    assert.equal(server.published.length, 0, 'a pull client gets no pushed diagnostics');
  });
});

test('workspace/configuration: the server asks for `prr` settings and applies rule severities', async () => {
  await withServer({ settings: { rules: { 'invalid-enum': 'warning' } } }, async (server) => {
    await open(server.connection);
    const published = await server.nextDiagnostics(URI, (p) => p.diagnostics.length > 0 && p.diagnostics[0].severity === 2);
    assert.equal(published.diagnostics[0].code, 'invalid-enum');
    assert.ok(server.configurationRequests >= 1);
  });
});

test('a client that answers workspace/configuration with nonsense still gets diagnostics', async () => {
  await withServer({ settings: 'not an object' }, async (server) => {
    await open(server.connection);
    const published = await server.nextDiagnostics(URI, (p) => p.diagnostics.length === 1);
    assert.equal(published.diagnostics[0].severity, 1);
  });
});

test('IPC transport: the same diagnostics as over stdio', async () => {
  await withServer({ transport: 'ipc' }, async (server) => {
    await open(server.connection);
    const published = await server.nextDiagnostics(URI, (p) => p.diagnostics.length === 1);
    assert.equal(published.diagnostics[0].code, 'invalid-enum');
  });
});

test('documents of no prr kind get an empty diagnostics list', async () => {
  await withServer({}, async (server) => {
    const uri = 'file:///work/deploy.yaml';
    await open(server.connection, 'apiVersion: apps/v1\nkind: Deployment\nspec: [\n', uri);
    const published = await server.nextDiagnostics(uri);
    assert.deepEqual(published.diagnostics, []);
  });
});

test('pull: new settings make the server ask the client to re-pull, and results follow them', async () => {
  await withServer({ capabilities: PULL, settings: { rules: { 'invalid-enum': 'off' } } }, async (server) => {
    await open(server.connection);
    await server.refreshed;
    const report = (await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: URI } })) as { items: Diagnostic[] };
    assert.deepEqual(report.items, []);
  });
});

test('the idle warm-up: done while no document is open, cut short by the first one, and never seen in the findings', async () => {
  // The warm-up declares an SLI `warm-up-0-requests`: a real reference to it must stay unresolved.
  const slo = ['apiVersion: openslo/v1', 'kind: SLO', 'metadata:', '  name: real', 'spec:', '  service: warm-up', '  indicatorRef: warm-up-0-requests', '  budgetingMethod: Occurrences',
    '  timeWindow:', '    - duration: 28d', '      isRolling: true', '  objectives:', '    - target: 0.99', ''].join('\n');
  const uri = 'file:///work/slos.yaml';
  const findings = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => `${String(d.code)}: ${d.message}`).sort();
  let settled: string[] = [];
  await withServer({}, async (server) => {
    assert.doesNotMatch(await server.nextLog(/warmed up while idle/, 10_000), /cut short/);
    await open(server.connection, slo, uri);
    settled = findings(await server.nextDiagnostics(uri));
  });
  assert.ok(settled.some((f) => f.startsWith('unresolved-reference') && f.includes('warm-up-0-requests')), settled.join('\n'));
  await withServer({}, async (server) => {
    await open(server.connection, slo, uri);
    // Opened before the server has finished starting, the document may first get its findings without those that say
    // something exists nowhere (held back until the workspace is known; see ABSENCE_RULES in diagnostics.ts).
    assert.deepEqual(findings(await server.nextDiagnostics(uri, (p) => p.diagnostics.length === settled.length)), settled);
    assert.match(await server.nextLog(/warmed up while idle/, 10_000), /cut short by the first document/);
  });
});
