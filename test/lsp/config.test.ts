// .prr.yaml through the real server: it applies to the files below it, an edit of the open
// config re-checks open documents, and a broken config is reported while the last valid
// one stays in force.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { withServer } from './server-process';

const MANIFEST = 'apiVersion: prr/v1\nkind: ServiceReadiness\nmetadata:\n  name: svc\nspec:\n  owner: team-a\n  tier: 5\n';

test('the nearest .prr.yaml sets severities; editing it re-checks; a broken edit keeps the last valid one', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'prr-lsp-config-'));
  try {
    writeFileSync(join(folder, '.prr.yaml'), 'rules:\n  invalid-enum: warning\n');
    const manifest = pathToFileURL(join(folder, 'readiness.yaml')).href;
    const config = pathToFileURL(join(folder, '.prr.yaml')).href;
    await withServer({ rootUri: pathToFileURL(folder).href }, async (server) => {
      const first = server.nextDiagnostics(manifest, (p) => p.diagnostics.length === 1);
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: manifest, languageId: 'yaml', version: 1, text: MANIFEST } });
      assert.equal((await first).diagnostics[0].severity, 2, 'warning, as .prr.yaml says');

      // Editing the open config (unsaved) applies at once.
      const silenced = server.nextDiagnostics(manifest, (p) => p.diagnostics.length === 0);
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: config, languageId: 'yaml', version: 1, text: 'rules:\n  invalid-enum: off\n' } });
      await silenced;

      // A broken config is reported on itself, and the manifest keeps the last valid settings.
      const configFindings = server.nextDiagnostics(config, (p) => p.version === 2);
      const manifestAgain = server.nextDiagnostics(manifest);
      await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: config, version: 2 }, contentChanges: [{ text: 'rules:\n  invalid-enum: offf\n' }] });
      const broken = await configFindings;
      assert.deepEqual(broken.diagnostics.map((d) => [d.code, d.range.start.line]), [['invalid-enum', 1]]);
      assert.match(String(broken.diagnostics[0].message), /got `offf` — did you mean `off`\?$/);
      // Every open document is re-checked after a config change; the manifest stays silenced.
      assert.deepEqual((await manifestAgain).diagnostics, [], 'the last valid config (invalid-enum: off) stays in force');
    });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
