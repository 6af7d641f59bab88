// A handler that throws does not take the server down: over stdio, with the test hook
// PRR_TEST_THROW (server/src/lsp/guard.ts) making every handler throw for one document,
// each request about it is answered with its empty result (not an error response), each
// failure is logged with its method and URI, and the other document is served in full.
// No real input is known to make a handler throw (the fuzzer's finds are fixed), hence the hook.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ProtocolConnection } from 'vscode-languageserver-protocol';
import { withServer } from './server-process';

const BAD = 'file:///work/bad/payments.readiness.yaml';
const GOOD = 'file:///work/good/payments.readiness.yaml';
const TEXT = ['apiVersion: prr/v1', 'kind: ServiceReadiness', 'metadata:', '  name: payments', 'spec:', '  owner: team-payments', '  tier: 5', '  lifecyle: production', ''].join('\n');
const CAPABILITIES = {
  workspace: { configuration: true },
  textDocument: {
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } } },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
  },
};
/** Each request, its empty answer and a position where the good document has a real one. */
const REQUESTS: { method: string; empty: unknown; params: (uri: string) => object }[] = [
  { method: 'textDocument/hover', empty: null, params: (uri) => ({ textDocument: { uri }, position: { line: 6, character: 3 } }) },
  { method: 'textDocument/completion', empty: [], params: (uri) => ({ textDocument: { uri }, position: { line: 6, character: 8 } }) },
  { method: 'textDocument/documentSymbol', empty: [], params: (uri) => ({ textDocument: { uri } }) },
  {
    method: 'textDocument/codeAction',
    empty: [],
    params: (uri) => ({ textDocument: { uri }, range: { start: { line: 6, character: 0 }, end: { line: 6, character: 9 } }, context: { diagnostics: [], only: ['source'] } }),
  },
];
const THROWING = [...REQUESTS.map((r) => r.method), 'textDocument/diagnostic'];

function open(connection: ProtocolConnection, uri: string) {
  return connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: TEXT } });
}

test('a throwing handler is logged with method and URI, answers empty, and the other document is still served', async () => {
  process.env.PRR_TEST_THROW = `${THROWING.join(',')} /bad/`; // the server process inherits it
  try {
    await withServer({ capabilities: CAPABILITIES }, async (server) => {
      const { connection } = server;
      await open(connection, BAD);
      await open(connection, GOOD);
      // The failing check publishes no findings for BAD; GOOD gets its tier finding.
      assert.deepEqual((await server.nextDiagnostics(BAD)).diagnostics, []);
      assert.ok((await server.nextDiagnostics(GOOD)).diagnostics.some((d) => d.range.start.line === 6));
      await server.nextLog(new RegExp(`textDocument/diagnostic failed for ${BAD}: Error: PRR_TEST_THROW`));

      for (const { method, empty, params } of REQUESTS) {
        assert.deepEqual(await connection.sendRequest(method, params(BAD)), empty, `${method} on the failing document`);
        await server.nextLog(new RegExp(`${method} failed for ${BAD}`), 2000);
        const answer = await connection.sendRequest(method, params(GOOD));
        assert.notDeepEqual(answer, empty, `${method} on the other document`);
      }

    });
  } finally {
    delete process.env.PRR_TEST_THROW;
  }
});

test('a throwing notification handler (didOpen/didChange) is logged with its URI; other documents are still checked', async () => {
  process.env.PRR_TEST_THROW = 'textDocument/didChange /bad/';
  try {
    await withServer({ capabilities: CAPABILITIES }, async (server) => {
      const { connection } = server;
      await open(connection, BAD); // didOpen runs the didChange handler (onDidChangeContent)
      await server.nextLog(new RegExp(`textDocument/didChange failed for ${BAD}: Error: PRR_TEST_THROW`));
      await open(connection, GOOD);
      assert.ok((await server.nextDiagnostics(GOOD)).diagnostics.some((d) => d.range.start.line === 6));
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri: GOOD, version: 2 }, contentChanges: [{ text: TEXT.replace('tier: 5', 'tier: 1') }] });
      assert.ok(!(await server.nextDiagnostics(GOOD, (p) => p.version === 2)).diagnostics.some((d) => d.range.start.line === 6));
      // The failing document's requests are still answered (its text is kept by the document store).
      assert.ok(Array.isArray(await connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: BAD } })));
    });
  } finally {
    delete process.env.PRR_TEST_THROW;
  }
});

test('without PRR_TEST_THROW the hook is inert: the same document is served in full', async () => {
  assert.equal(process.env.PRR_TEST_THROW, undefined);
  await withServer({ capabilities: CAPABILITIES }, async (server) => {
    await open(server.connection, BAD);
    assert.ok((await server.nextDiagnostics(BAD)).diagnostics.length > 0);
    for (const { method, empty, params } of REQUESTS) {
      assert.notDeepEqual(await server.connection.sendRequest(method, params(BAD)), empty, method);
    }
  });
});
