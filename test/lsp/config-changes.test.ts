// The editor's workspace index follows the configuration as `prr check` does: a `.prr.yaml`
// edited to exclude a folder takes that folder's files out (and back in when the exclude goes),
// a watched-file event for a file .gitignore ignores does not put it in, and a `.prr.yaml` is
// checked even when its own `exclude` matches it. Each was a reported parity defect.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer, type ServerSession } from './server-process';

const SERVICE = 'apiVersion: openslo/v1\nkind: Service\nmetadata:\n  name: svc\nspec:\n  description: x\n';

async function withWorkspace(files: Record<string, string>, body: (server: ServerSession, dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'prr-cfg-'));
  try {
    mkdirSync(join(dir, '.git'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const server = await startServer({ rootUri: pathToFileURL(dir).href, capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } } });
    try {
      await server.nextLog(/indexed \d+ files/, 10_000);
      await body(server, dir);
    } finally {
      await server.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const codes = (p: { diagnostics: { code?: unknown }[] }) => p.diagnostics.map((d) => d.code);
const open = (server: ServerSession, uri: string, text: string) => server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });

test('editing exclude in .prr.yaml takes a folder out of the index and puts it back', async () => {
  await withWorkspace({ 'a/svc.yaml': SERVICE, 'vendor/svc.yaml': SERVICE, '.prr.yaml': 'root: true\n' }, async (server, dir) => {
    const svc = pathToFileURL(join(dir, 'a', 'svc.yaml')).href;
    const config = pathToFileURL(join(dir, '.prr.yaml')).href;
    const first = server.nextDiagnostics(svc, (p) => codes(p).includes('duplicate-name'));
    await open(server, svc, SERVICE);
    await first;
    await open(server, config, 'root: true\n');
    const cleared = server.nextDiagnostics(svc, (p) => !codes(p).includes('duplicate-name'));
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: config, version: 2 }, contentChanges: [{ text: 'root: true\nexclude: ["vendor/**"]\n' }] });
    await cleared;
    const back = server.nextDiagnostics(svc, (p) => codes(p).includes('duplicate-name'));
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: config, version: 3 }, contentChanges: [{ text: 'root: true\n' }] });
    await back;
  });
});

test('a watched-file event for a file .gitignore ignores, or under dist/, does not put it in the index', async () => {
  await withWorkspace({ 'a/svc.yaml': SERVICE, '.gitignore': 'gen/\n', '.prr.yaml': 'root: true\n' }, async (server, dir) => {
    const svc = pathToFileURL(join(dir, 'a', 'svc.yaml')).href;
    await open(server, svc, SERVICE);
    assert.deepEqual(codes(await server.nextDiagnostics(svc)), []);
    // Three copies of the Service appear; one event tells of all three. Only b.yaml is a file the scan would read.
    for (const path of ['gen/svc.yaml', 'dist/svc.yaml', 'b.yaml']) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), SERVICE);
    }
    const duplicate = server.nextDiagnostics(svc, (p) => codes(p).includes('duplicate-name'));
    const changes = ['gen/svc.yaml', 'dist/svc.yaml', 'b.yaml'].map((path) => ({ uri: pathToFileURL(join(dir, path)).href, type: 1 }));
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
    const [finding] = (await duplicate).diagnostics;
    assert.deepEqual(finding.relatedInformation?.map((r) => r.location.uri.slice(pathToFileURL(dir).href.length)), ['/b.yaml']);
  });
});

test('a .prr.yaml that its own exclude matches is still checked', async () => {
  await withWorkspace({ '.prr.yaml': 'root: true\nexclude: [".*"]\n' }, async (server, dir) => {
    const config = pathToFileURL(join(dir, '.prr.yaml')).href;
    const published = server.nextDiagnostics(config, (p) => p.diagnostics.length > 0);
    await open(server, config, 'root: true\nexclude: [".*"]\nrules:\n  runbook-placeholder: offf\n');
    assert.deepEqual(codes(await published), ['invalid-enum']);
  });
});
