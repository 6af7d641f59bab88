// Custom schemas (`schemas:` in .prr.yaml) through the real server: a manifest is checked
// against the team's schema; editing the open schema file (unsaved) and then changing it
// on disk each re-check the manifest; the .prr.yaml entry of an unusable schema is reported.
// Also: the prr/readinessReport request answers an empty report, not an error, when it throws.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { withServer } from './server-process';

const MANIFEST = 'apiVersion: prr/v1\nkind: ServiceReadiness\nmetadata:\n  name: svc\nspec:\n  owner: team-a\n  tier: 2\n  costCenter: CC-1\n';
const schema = (pattern: string) => JSON.stringify({ properties: { spec: { properties: { costCenter: { type: 'string', pattern } } } } });

test('a custom schema applies in the editor, and a change of it (open buffer, then disk) re-checks the manifest', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'prr-lsp-custom-'));
  try {
    writeFileSync(join(folder, '.prr.yaml'), 'schemas: [team.schema.json]\n');
    writeFileSync(join(folder, 'team.schema.json'), schema('^CC-[0-9]{4}$'));
    const manifest = pathToFileURL(join(folder, 'readiness.yaml')).href;
    const schemaUri = pathToFileURL(join(folder, 'team.schema.json')).href;
    await withServer({ rootUri: pathToFileURL(folder).href, capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } } }, async (server) => {
      const first = server.nextDiagnostics(manifest, (p) => p.diagnostics.length > 0);
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: manifest, languageId: 'yaml', version: 1, text: MANIFEST } });
      const initial = (await first).diagnostics;
      assert.deepEqual(initial.map((d) => [d.code, d.range.start.line, d.message]), [['invalid-format', 7, '`spec.costCenter` must match `^CC-[0-9]{4}$`; got `CC-1`']]);

      // The schema edited in the editor, unsaved: the manifest follows the buffer.
      const relaxed = server.nextDiagnostics(manifest, (p) => p.diagnostics.length === 0);
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: schemaUri, languageId: 'json', version: 1, text: schema('^CC-[0-9]+$') } });
      await relaxed;

      // Closed, and changed on disk: the file watcher's event re-checks it.
      writeFileSync(join(folder, 'team.schema.json'), schema('^CC-[0-9]{2}$'));
      const again = server.nextDiagnostics(manifest, (p) => p.diagnostics.length === 1 && String(p.diagnostics[0]!.message).includes('{2}'));
      await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: schemaUri } });
      await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: schemaUri, type: 2 }] });
      await again;

      // An unusable schema is reported on its .prr.yaml entry.
      const config = pathToFileURL(join(folder, '.prr.yaml')).href;
      const configFindings = server.nextDiagnostics(config);
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: config, languageId: 'yaml', version: 1, text: 'schemas:\n  - team.schema.json\n  - nowhere.json\n' } });
      assert.deepEqual((await configFindings).diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]), [['custom-schema', 2, 4]]);
    });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('prr/readinessReport is guarded: a throw is logged and answered with an empty report', async () => {
  process.env.PRR_TEST_THROW = 'prr/readinessReport';
  try {
    await withServer({}, async (server) => {
      const report = await server.connection.sendRequest('prr/readinessReport', {});
      assert.deepEqual((report as { services: unknown[] }).services, []);
      await server.nextLog(/prr\/readinessReport failed: Error: PRR_TEST_THROW/, 2000);
    });
  } finally {
    delete process.env.PRR_TEST_THROW;
  }
});
