// Fix-all through the built server: the `source.fixAll.prr` code action (what
// `editor.codeActionsOnSave` asks for) and the `prr.applyAllFixes` command, which answers
// with workspace/applyEdit as vscode-eslint's does.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ApplyWorkspaceEditParams, ClientCapabilities, CodeAction, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { withServer } from './server-process';
import { applyEdits } from './edits';

const URI = 'file:///ws/svc.readiness.yaml';
const TEXT = ['apiVersion: prr/v1', 'kind: ServiceReadiness', 'metadata:', '  name: svc', 'spec:', '  owner: team-a', '  tier: "2"', '  # how it ships',
  '  relase:', '    strategy: canari', ''].join('\n');
const FIXED = TEXT.replace('"2"', '2').replace('relase', 'release').replace('canari', 'canary');
const EDITING: ClientCapabilities = {
  workspace: { configuration: true, applyEdit: true, workspaceEdit: { documentChanges: true } },
  textDocument: { codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } } },
};

test('source.fixAll.prr: advertised, offered only when asked for, and its edit leaves no fixable finding', async () => {
  await withServer({ capabilities: EDITING }, async (server) => {
    const provider = server.initialize.capabilities.codeActionProvider as { codeActionKinds: string[] };
    assert.ok(provider.codeActionKinds.includes('source.fixAll.prr'));
    assert.deepEqual(server.initialize.capabilities.executeCommandProvider?.commands, ['prr.applyAllFixes', 'prr.applyFix']);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'yaml', version: 1, text: TEXT } });
    const published = await server.nextDiagnostics(URI, (p) => p.diagnostics.length > 0);
    assert.deepEqual(published.diagnostics.map((d) => d.code), ['invalid-type', 'unknown-property']);
    const whole = { start: { line: 0, character: 0 }, end: { line: 10, character: 0 } };
    const request = (only?: string[]) => server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: URI }, range: whole, context: { diagnostics: [], ...(only ? { only } : {}) } }) as Promise<CodeAction[]>;
    assert.ok(!(await request()).some((a) => a.kind === 'source.fixAll.prr'));
    assert.ok(!(await request(['quickfix'])).some((a) => a.kind === 'source.fixAll.prr'));
    assert.deepEqual(await request(['refactor']), []);
    for (const only of [['source.fixAll.prr'], ['source.fixAll'], ['source']]) {
      const actions = await request(only);
      assert.deepEqual(actions.map((a) => [a.kind, a.title]), [['source.fixAll.prr', 'Fix all auto-fixable prr problems']], only.join());
    }
    const [action] = await request(['source.fixAll.prr']);
    const change = action.edit!.documentChanges![0] as TextDocumentEdit;
    assert.equal(change.textDocument.version, 1);
    const edited = applyEdits(TEXT, change.edits as TextEdit[]);
    assert.equal(edited, FIXED);
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: [{ text: edited }] });
    const after = await server.nextDiagnostics(URI, (p) => p.version === 2);
    assert.deepEqual(after.diagnostics, []);
    assert.deepEqual(await request(['source.fixAll.prr']), []); // nothing left to fix
  });
});

test('prr.applyAllFixes: the server sends workspace/applyEdit for the version it was asked about', async () => {
  await withServer({ capabilities: EDITING }, async (server) => {
    const applied: ApplyWorkspaceEditParams[] = [];
    server.connection.onRequest('workspace/applyEdit', (params: ApplyWorkspaceEditParams) => {
      applied.push(params);
      return { applied: true };
    });
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'yaml', version: 3, text: TEXT } });
    await server.nextDiagnostics(URI);
    await server.connection.sendRequest('workspace/executeCommand', { command: 'prr.applyAllFixes', arguments: [{ uri: URI, version: 2 }] });
    assert.equal(applied.length, 0, 'a stale version is not fixed');
    await server.connection.sendRequest('workspace/executeCommand', { command: 'prr.applyAllFixes', arguments: [{ uri: URI, version: 3 }] });
    assert.equal(applied.length, 1);
    const change = applied[0].edit.documentChanges![0] as TextDocumentEdit;
    assert.deepEqual(change.textDocument, { uri: URI, version: 3 });
    assert.equal(applyEdits(TEXT, change.edits as TextEdit[]), FIXED);
  });
});
