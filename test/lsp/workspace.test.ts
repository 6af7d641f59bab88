// Cross-file findings through the real server: references and duplicates follow edits
// in other open documents, the initial workspace scan, and watched-file events.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ProtocolConnection } from 'vscode-languageserver-protocol';
import { withServer } from './server-process';

const SLO_URI = 'file:///ws/slo.yaml';
const SLI_URI = 'file:///ws/sli.yaml';
const slo = ['apiVersion: openslo/v1', 'kind: SLO', 'metadata:', '  name: checkout-availability', 'spec:', '  service: checkout',
  '  indicatorRef: checkout-requests', '  budgetingMethod: Occurrences', '  timeWindow:', '    - duration: 28d', '      isRolling: true',
  '  objectives:', '    - target: 0.999', ''].join('\n');
const sli = (name: string) => ['apiVersion: openslo/v1', 'kind: SLI', 'metadata:', `  name: ${name}`, 'spec:', '  ratioMetric:', '    counter: true',
  '    good:', '      metricSource:', '        type: Prometheus', '        spec:', '          query: sum(ok)', '    total:', '      metricSource:',
  '        type: Prometheus', '        spec:', '          query: sum(all)', ''].join('\n');

function open(connection: ProtocolConnection, uri: string, text: string) {
  return connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
}

const codes = (p: { diagnostics: { code?: unknown }[] }) => p.diagnostics.map((d) => d.code);

test('a reference resolves when another open document defines its target, and breaks when that changes', async () => {
  await withServer({}, async (server) => {
    await open(server.connection, SLO_URI, slo);
    const unresolved = await server.nextDiagnostics(SLO_URI, (p) => codes(p).includes('unresolved-reference'));
    const finding = unresolved.diagnostics.find((d) => d.code === 'unresolved-reference')!;
    assert.deepEqual(finding.range, { start: { line: 6, character: 16 }, end: { line: 6, character: 33 } });
    assert.equal(finding.message, '`indicatorRef` refers to SLI `checkout-requests`, which is not defined anywhere in the workspace');

    await open(server.connection, SLI_URI, sli('checkout-requests'));
    await server.nextDiagnostics(SLO_URI, (p) => !codes(p).includes('unresolved-reference'));

    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: SLI_URI, version: 2 },
      contentChanges: [{ range: { start: { line: 3, character: 8 }, end: { line: 3, character: 25 } }, text: 'checkout-request' }],
    });
    const broken = await server.nextDiagnostics(SLO_URI, (p) => codes(p).includes('unresolved-reference'));
    assert.match(String(broken.diagnostics.find((d) => d.code === 'unresolved-reference')!.message), /did you mean `checkout-request`\?$/);
  });
});

test('duplicates across open documents point at each other through relatedInformation', async () => {
  await withServer({}, async (server) => {
    await open(server.connection, SLI_URI, sli('checkout-requests'));
    await open(server.connection, 'file:///ws/other.yaml', sli('checkout-requests'));
    const published = await server.nextDiagnostics(SLI_URI, (p) => codes(p).includes('duplicate-name'));
    const duplicate = published.diagnostics.find((d) => d.code === 'duplicate-name')!;
    assert.equal(duplicate.message, 'SLI `checkout-requests` is defined more than once: also at other.yaml:4');
    assert.deepEqual(duplicate.relatedInformation?.map((r) => r.location.uri), ['file:///ws/other.yaml']);
  });
});

test('the workspace scan indexes files on disk; a deleted file stops resolving references', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'prr-ws-'));
  try {
    writeFileSync(join(folder, 'sli.yaml'), sli('checkout-requests'));
    const sloUri = pathToFileURL(join(folder, 'slo.yaml')).href;
    await withServer({ rootUri: pathToFileURL(folder).href }, async (server) => {
      await open(server.connection, sloUri, slo);
      await server.nextDiagnostics(sloUri, (p) => !codes(p).includes('unresolved-reference'));
      rmSync(join(folder, 'sli.yaml'));
      await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(folder, 'sli.yaml')).href, type: 3 }] });
      await server.nextDiagnostics(sloUri, (p) => codes(p).includes('unresolved-reference'));
    });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
