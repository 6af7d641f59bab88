// Capability fallbacks through the real server over stdio: what a client that lacks a
// capability gets instead — plain-text completion without snippets, Commands (executed by the
// server through workspace/applyEdit) without code action literals, SymbolInformation without
// hierarchical symbols, plain-text hover and documentation without Markdown, pushed
// diagnostics without pull — each next to what a capable client gets.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type {
  ApplyWorkspaceEditParams,
  ClientCapabilities,
  CodeAction,
  Command,
  CompletionItem,
  DocumentSymbol,
  Hover,
  MarkupContent,
  ProtocolConnection,
  SymbolInformation,
  TextEdit,
} from 'vscode-languageserver-protocol';
import { withServer } from './server-process';
import { applyEdits } from './edits';

const URI = 'file:///ws/svc.readiness.yaml';
const TEXT = ['apiVersion: prr/v1', 'kind: ServiceReadiness', 'metadata:', '  name: svc', 'spec:', '  owner: team-a', '  tier: 1', '  relase:', '    strategy: canary', '  ', ''].join('\n');
const ALERTS_PLAIN = 'alerts:\n    - name: \n      severity: \n      runbook: ';
const ALERTS_SNIPPET = 'alerts:\n    - name: ${1:}\n      severity: ${2|page,ticket,info|}\n      runbook: ${3:}$0';

/** What VS Code says it supports, for the features concerned. */
const CAPABLE: ClientCapabilities = {
  workspace: { configuration: true, applyEdit: true, workspaceEdit: { documentChanges: true } },
  textDocument: {
    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    diagnostic: {},
  },
};
/** A minimal client: none of the above, no workspace edits with versions, plain text only where it says what it shows. */
const BARE: ClientCapabilities = {
  workspace: { configuration: true, applyEdit: true },
  textDocument: { completion: { completionItem: { documentationFormat: ['plaintext'] } }, hover: { contentFormat: ['plaintext'] } },
};

async function open(connection: ProtocolConnection, text = TEXT): Promise<void> {
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'yaml', version: 1, text } });
}

const at = (line: number, character: number) => ({ textDocument: { uri: URI }, position: { line, character } });

test('completion: a snippet skeleton for clients with snippets, the same skeleton as plain text for the others', async () => {
  for (const [capabilities, format, newText] of [[CAPABLE, 2, ALERTS_SNIPPET], [BARE, 1, ALERTS_PLAIN]] as const) {
    await withServer({ capabilities }, async (server) => {
      await open(server.connection);
      const items = (await server.connection.sendRequest('textDocument/completion', at(9, 2))) as CompletionItem[];
      const alerts = items.find((i) => i.label === 'alerts')!;
      assert.equal(alerts.insertTextFormat, format);
      assert.deepEqual(alerts.textEdit, { range: { start: { line: 9, character: 2 }, end: { line: 9, character: 2 } }, newText });
      // Items without tab stops to offer stay plain text for everyone.
      assert.equal(items.find((i) => i.label === 'system')?.insertTextFormat, 1);
      const documentation = alerts.documentation;
      if (capabilities === CAPABLE) assert.equal((documentation as MarkupContent).kind, 'markdown');
      else assert.match(documentation as string, /^The alerts that watch the service\./, 'plain-text documentation is a string');
    });
  }
});

test('code actions: CodeAction literals for capable clients; Commands that the server applies through workspace/applyEdit for the others', async () => {
  await withServer({ capabilities: CAPABLE }, async (server) => {
    assert.deepEqual(server.initialize.capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.prr'] });
    await open(server.connection);
    const actions = (await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: URI }, range: { start: { line: 7, character: 3 }, end: { line: 7, character: 3 } }, context: { diagnostics: [] } })) as CodeAction[];
    const rename = actions.find((a) => a.title === 'Rename `relase` to `release`')!;
    assert.equal(rename.kind, 'quickfix');
    assert.ok(rename.edit?.documentChanges);
  });
  await withServer({ capabilities: BARE }, async (server) => {
    // CodeActionOptions are for clients with literal support only: here, just `true`.
    assert.equal(server.initialize.capabilities.codeActionProvider, true);
    assert.deepEqual(server.initialize.capabilities.executeCommandProvider?.commands, ['prr.applyAllFixes', 'prr.applyFix']);
    const applied: ApplyWorkspaceEditParams[] = [];
    server.connection.onRequest('workspace/applyEdit', (params: ApplyWorkspaceEditParams) => {
      applied.push(params);
      return { applied: true };
    });
    await open(server.connection);
    const request = (only?: string[]) => server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: URI }, range: { start: { line: 7, character: 3 }, end: { line: 7, character: 3 } }, context: { diagnostics: [], ...(only ? { only } : {}) },
    }) as Promise<Command[]>;
    const commands = await request();
    assert.deepEqual(commands.map((c) => [c.title, c.command]), [
      ['Rename `relase` to `release`', 'prr.applyFix'],
      ['Remove `relase`', 'prr.applyFix'],
      ['Disable unknown-property for this line', 'prr.applyFix'],
      ['Disable unknown-property for this file', 'prr.applyFix'],
    ]);
    for (const command of commands) assert.deepEqual(Object.keys(command).sort(), ['arguments', 'command', 'title'], 'a Command, not a CodeAction');
    const rename = commands.find((c) => c.title === 'Rename `relase` to `release`')!;
    assert.equal(rename.command, 'prr.applyFix');
    const edit = { changes: { [URI]: [{ range: { start: { line: 7, character: 2 }, end: { line: 7, character: 8 } }, newText: 'release' }] } };
    assert.deepEqual(rename.arguments, [{ uri: URI, version: 1, edit }], 'plain `changes`: this client takes no versioned edits');
    await server.connection.sendRequest('workspace/executeCommand', { command: rename.command, arguments: rename.arguments });
    assert.equal(applied.length, 1);
    assert.deepEqual(applied[0].edit, edit);
    assert.equal(applyEdits(TEXT, applied[0].edit.changes![URI] as TextEdit[]), TEXT.replace('relase', 'release'));
    // Fix-all, asked for by kind, is the server's fix-all command.
    assert.deepEqual(await request(['source.fixAll']), [{ title: 'Fix all auto-fixable prr problems', command: 'prr.applyAllFixes', arguments: [{ uri: URI, version: 1 }] }]);
    // Once the text has moved on, a Command computed for the old version is not applied.
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: [{ text: `${TEXT}\n` }] });
    await server.connection.sendRequest('workspace/executeCommand', { command: rename.command, arguments: rename.arguments });
    assert.equal(applied.length, 1, 'stale: not applied');
  });
});

test('document symbols: a tree for clients with hierarchical symbols, SymbolInformation with containers for the others', async () => {
  await withServer({ capabilities: CAPABLE }, async (server) => {
    await open(server.connection);
    const tree = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: URI } })) as DocumentSymbol[];
    assert.deepEqual(tree.map((s) => [s.name, s.children?.map((c) => c.name)]), [['ServiceReadiness svc', ['metadata', 'owner', 'tier', 'relase']]]);
  });
  await withServer({ capabilities: BARE }, async (server) => {
    await open(server.connection);
    const flat = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: URI } })) as SymbolInformation[];
    assert.deepEqual(flat.map((s) => [s.name, s.containerName ?? null, s.location.range.start.line]), [
      ['ServiceReadiness svc', null, 0], ['metadata', 'ServiceReadiness svc', 2], ['owner', 'ServiceReadiness svc', 5], ['tier', 'ServiceReadiness svc', 6], ['relase', 'ServiceReadiness svc', 7],
    ]);
  });
});

test('hover: Markdown for clients that render it, the same text without markup for the others', async () => {
  await withServer({ capabilities: CAPABLE }, async (server) => {
    await open(server.connection);
    const hover = (await server.connection.sendRequest('textDocument/hover', at(7, 4))) as Hover;
    assert.equal((hover.contents as MarkupContent).kind, 'markdown');
    assert.match((hover.contents as MarkupContent).value, /^\*\*unknown-property\*\* · default `error` · \[docs\]\(file:\/\/\S+\/unknown-property\.md\)\n\n/);
  });
  await withServer({ capabilities: BARE }, async (server) => {
    await open(server.connection);
    const finding = (await server.connection.sendRequest('textDocument/hover', at(7, 4))) as Hover;
    assert.equal((finding.contents as MarkupContent).kind, 'plaintext');
    assert.match((finding.contents as MarkupContent).value, /^unknown-property · default error · docs \(file:\/\/\S+\/unknown-property\.md\)\n\nA property the schema does not define, usually a typo of one it does\.$/);
    const tier = (await server.connection.sendRequest('textDocument/hover', at(6, 3))) as Hover;
    assert.match((tier.contents as MarkupContent).value, /^spec\.tier · integer · required\n\nCriticality tier: [^`*]*\n\nAllowed values: 1, 2, 3, 4\nExample: 2$/);
  });
});

test('diagnostics: pulled by clients that pull, pushed to the others', async () => {
  await withServer({ capabilities: CAPABLE }, async (server) => {
    assert.ok(server.initialize.capabilities.diagnosticProvider);
    await open(server.connection);
    const report = (await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: URI } })) as { items: { code: string }[] };
    assert.deepEqual(report.items.map((d) => d.code), ['unknown-property']);
  });
  await withServer({ capabilities: BARE }, async (server) => {
    assert.equal(server.initialize.capabilities.diagnosticProvider, undefined);
    await open(server.connection);
    const pushed = await server.nextDiagnostics(URI);
    assert.deepEqual(pushed.diagnostics.map((d) => d.code), ['unknown-property']);
  });
});
