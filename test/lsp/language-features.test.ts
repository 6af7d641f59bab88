// Hover, completion, document symbols, document links, go-to-definition and folding ranges
// through the real server, on open buffers (open files count as existing for links and
// runbook paths).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  InsertTextMode,
  type ClientCapabilities,
  type CompletionItem,
  type DocumentLink,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type Location,
  type ProtocolConnection,
  type SymbolInformation,
} from 'vscode-languageserver-protocol';
import { withServer } from './server-process';
import { FILES, MANIFEST, OPENSLO, positionOf, withCursor } from '../unit/editor-fixtures';

const BASE = 'file:///ws/checkout/';
const CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true },
  textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true }, hover: { contentFormat: ['markdown', 'plaintext'] } },
};

async function openAll(connection: ProtocolConnection): Promise<void> {
  for (const [path, text] of Object.entries(FILES)) {
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: BASE + path, languageId: path.endsWith('.md') ? 'markdown' : 'yaml', version: 1, text } });
  }
}

const request = <T>(connection: ProtocolConnection, method: string, path: string, extra: object = {}) =>
  connection.sendRequest(method, { textDocument: { uri: BASE + path }, ...extra }) as Promise<T>;

test('the server advertises hover, completion, symbols, links, definition and folding', async () => {
  await withServer({ capabilities: CAPABILITIES }, async (server) => {
    const { capabilities } = server.initialize;
    assert.equal(capabilities.hoverProvider, true);
    assert.equal(capabilities.definitionProvider, true);
    assert.deepEqual(capabilities.documentLinkProvider, { resolveProvider: false });
    assert.ok(capabilities.documentSymbolProvider);
    assert.deepEqual(capabilities.completionProvider, { triggerCharacters: ['#'] });
    assert.equal(capabilities.foldingRangeProvider, true);
  });
});

test('hover: Markdown with the schema description, and what a reference resolves to', async () => {
  await withServer({ capabilities: CAPABILITIES }, async (server) => {
    await openAll(server.connection);
    const tier = await request<Hover>(server.connection, 'textDocument/hover', 'readiness.yaml', { position: positionOf(MANIFEST, 'tier', 1) });
    assert.deepEqual(tier.range, { start: { line: 7, character: 2 }, end: { line: 7, character: 6 } });
    assert.equal((tier.contents as { kind: string }).kind, 'markdown');
    assert.match((tier.contents as { value: string }).value, /^`spec\.tier` · integer · required\n\nCriticality tier: [\s\S]*\n\nAllowed values: `1`, `2`, `3`, `4`  \nExample: `2`$/);
    const ref = await request<Hover>(server.connection, 'textDocument/hover', 'slos/availability.openslo.yaml', { position: positionOf(OPENSLO, 'checkout-requests-success', 3, 2) });
    assert.match((ref.contents as { value: string }).value, /→ SLI `checkout-requests-success` in line 4 of this file$/);
    const nothing = await request<Hover | null>(server.connection, 'textDocument/hover', 'readiness.yaml', { position: { line: 4, character: 5 } });
    assert.equal(nothing, null);
    const unknown = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///ws/not-open.yaml' }, position: { line: 0, character: 0 } });
    assert.equal(unknown, null);
  });
});

test('completion: keys with a plain-text skeleton inserted as is, enum values, reference names', async () => {
  await withServer({ capabilities: CAPABILITIES }, async (server) => {
    await openAll(server.connection);
    const complete = async (marked: string) => {
      const { text, position } = withCursor(marked);
      await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: `${BASE}readiness.yaml`, version: Date.now() }, contentChanges: [{ text }] });
      return request<CompletionItem[]>(server.connection, 'textDocument/completion', 'readiness.yaml', { position });
    };
    const head = 'apiVersion: prr/v1\nkind: ServiceReadiness\nmetadata:\n  name: svc\nspec:\n  owner: a\n';
    const keys = await complete(`${head}  al|\n`);
    const alerts = keys.find((i) => i.label === 'alerts')!;
    assert.deepEqual(alerts, {
      label: 'alerts',
      kind: 10, // Property
      detail: 'list of objects',
      documentation: alerts.documentation,
      sortText: '1008',
      filterText: 'alerts',
      textEdit: { range: { start: { line: 6, character: 2 }, end: { line: 6, character: 4 } }, newText: 'alerts:\n    - name: \n      severity: \n      runbook: ' },
      insertTextFormat: 1, // PlainText
      insertTextMode: InsertTextMode.asIs,
    });
    assert.match((alerts.documentation as { value: string }).value, /^The alerts that watch the service\./);
    assert.equal(keys[0].label, 'tier', 'required keys first');

    const tiers = await complete(`${head}  tier: |\n`);
    assert.deepEqual(tiers.map((i) => [i.label, i.kind, i.textEdit?.newText]), [['1', 20, '1'], ['2', 20, '2'], ['3', 20, '3'], ['4', 20, '4']]);

    const refs = await complete(`${head}  tier: 1\n  slos:\n    - ref: check|\n`);
    assert.deepEqual(refs.map((i) => [i.label, i.kind, i.detail]), [
      ['checkout-availability', 18, 'SLO · slos/availability.openslo.yaml:22'],
      ['checkout-latency', 18, 'SLO · slos/latency.sloth.yaml:4'],
    ]);
    const runbooks = await complete(`${head}  tier: 1\n  alerts:\n    - name: A\n      runbook: |\n`);
    assert.deepEqual(runbooks.map((i) => [i.label, i.kind]), [['runbooks/CheckoutHighErrorRate.md', 17], ['runbooks/CheckoutHighLatency.md', 17], ['runbooks/Rollback.md', 17]]);
  });
});

test('document symbols: a tree for clients that support it, a flat list with containers for the others', async () => {
  await withServer({ capabilities: CAPABILITIES }, async (server) => {
    await openAll(server.connection);
    const tree = await request<DocumentSymbol[]>(server.connection, 'textDocument/documentSymbol', 'slos/availability.openslo.yaml');
    assert.deepEqual(tree.map((s) => [s.name, s.kind]), [['SLI checkout-requests-success', 5], ['SLO checkout-availability', 5], ['AlertPolicy checkout-fast-burn', 5]]);
    assert.deepEqual(tree[1].children?.find((c) => c.name === 'alertPolicies')?.children?.map((c) => c.name), ['checkout-fast-burn', 'checkout-slow-burn']);
    const headings = await request<DocumentSymbol[]>(server.connection, 'textDocument/documentSymbol', 'runbooks/CheckoutHighErrorRate.md');
    assert.deepEqual(headings[0].children?.map((c) => [c.name, c.detail, c.kind]), [['Overview', 'Meaning', 15], ['Troubleshooting', 'Diagnosis', 15], ['Mitigation', undefined, 15]]);
  });
  await withServer({}, async (server) => {
    await openAll(server.connection);
    const flat = await request<SymbolInformation[]>(server.connection, 'textDocument/documentSymbol', 'slos/latency.sloth.yaml');
    assert.deepEqual(flat.map((s) => [s.name, s.containerName ?? null, s.location.uri]), [
      ['Sloth service checkout-api', null, `${BASE}slos/latency.sloth.yaml`],
      ['slos', 'Sloth service checkout-api', `${BASE}slos/latency.sloth.yaml`],
      ['checkout-latency', 'slos', `${BASE}slos/latency.sloth.yaml`],
    ]);
  });
});

test('document links and go-to-definition', async () => {
  await withServer({ capabilities: CAPABILITIES }, async (server) => {
    await openAll(server.connection);
    const links = await request<DocumentLink[]>(server.connection, 'textDocument/documentLink', 'readiness.yaml');
    assert.deepEqual(links.map((l) => [l.range.start.line, l.target]), [
      [10, `${BASE}slos/availability.openslo.yaml`],
      [15, `${BASE}runbooks/CheckoutHighErrorRate.md`],
      [21, `${BASE}runbooks/Rollback.md`],
    ]);
    const sli = await request<Location[]>(server.connection, 'textDocument/definition', 'slos/availability.openslo.yaml', { position: positionOf(OPENSLO, 'checkout-requests-success', 3, 2) });
    assert.deepEqual(sli, [{ uri: `${BASE}slos/availability.openslo.yaml`, range: { start: { line: 3, character: 8 }, end: { line: 3, character: 33 } } }]);
    const slo = await request<Location[]>(server.connection, 'textDocument/definition', 'readiness.yaml', { position: positionOf(MANIFEST, 'checkout-latency', 3) });
    assert.deepEqual(slo, [{ uri: `${BASE}slos/latency.sloth.yaml`, range: { start: { line: 3, character: 10 }, end: { line: 3, character: 26 } } }]);
    const runbook = await request<Location[]>(server.connection, 'textDocument/definition', 'readiness.yaml', { position: positionOf(MANIFEST, 'runbooks/Rollback.md', 3) });
    assert.deepEqual(runbook.map((l) => l.uri), [`${BASE}runbooks/Rollback.md`]);
  });
});

test('folding ranges of a runbook: sections by level, front matter, code and comments; kinds the client knows, up to its limit', async () => {
  const uri = `${BASE}runbooks/DiskFull.md`;
  const text = ['---', 'title: Disk full', '---', '# DiskFull', '', '## Diagnosis', '', '```sh', 'df -h', '```', '', '<!--', 'a note', '-->', '', '## Mitigation', '', 'Free space.', ''].join('\n');
  const folding = async (capabilities: ClientCapabilities) => {
    let ranges: FoldingRange[] = [];
    await withServer({ capabilities }, async (server) => {
      await openAll(server.connection);
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
      ranges = await server.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri } });
      const yaml = await request<FoldingRange[]>(server.connection, 'textDocument/foldingRange', 'readiness.yaml');
      assert.deepEqual(yaml, [], 'YAML folds by indentation in the client');
    });
    return ranges;
  };
  const all = [
    { startLine: 0, endLine: 2 },
    { startLine: 3, endLine: 17 },
    { startLine: 5, endLine: 13 },
    { startLine: 7, endLine: 9 },
    { startLine: 11, endLine: 13, kind: 'comment' },
    { startLine: 15, endLine: 17 },
  ];
  assert.deepEqual(await folding(CAPABILITIES), all);
  const limited = await folding({ ...CAPABILITIES, textDocument: { ...CAPABILITIES.textDocument, foldingRange: { rangeLimit: 3, foldingRangeKind: { valueSet: ['region'] } } } });
  assert.deepEqual(limited, all.slice(0, 3), 'the first three; a `comment` kind would have been left out');
  const noComment = await folding({ ...CAPABILITIES, textDocument: { ...CAPABILITIES.textDocument, foldingRange: { foldingRangeKind: { valueSet: ['region', 'imports'] } } } });
  assert.deepEqual(noComment[4], { startLine: 11, endLine: 13 });
});

test('completion in flow style and in JSON files of our kinds', async () => {
  await withServer({ capabilities: CAPABILITIES }, async (server) => {
    await openAll(server.connection);
    const complete = async (path: string, marked: string) => {
      const { text, position } = withCursor(marked);
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: BASE + path, languageId: path.endsWith('.json') ? 'json' : 'yaml', version: 1, text } });
      return request<CompletionItem[]>(server.connection, 'textDocument/completion', path, { position });
    };
    const flow = await complete('flow.readiness.yaml', 'apiVersion: prr/v1\nkind: ServiceReadiness\nmetadata: { name: svc }\nspec: { owner: a, tier: 1, release: { strategy: | } }\n');
    assert.deepEqual(flow.map((i) => [i.label, i.textEdit?.newText]), [['canary', 'canary'], ['blue-green', 'blue-green'], ['rolling', 'rolling'], ['recreate', 'recreate']]);
    const json = await complete('svc.readiness.json', '{\n  "apiVersion": "prr/v1",\n  "kind": "ServiceReadiness",\n  "metadata": { "name": "svc" },\n  "spec": { "owner": "a", "ti|" }\n}\n');
    assert.deepEqual(json.find((i) => i.label === 'tier')?.textEdit, { range: { start: { line: 4, character: 26 }, end: { line: 4, character: 30 } }, newText: '"tier": ' });
  });
});
