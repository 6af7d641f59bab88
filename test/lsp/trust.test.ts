// Workspace trust over stdio: with `initializationOptions: { trusted: false }` a `.prr.yaml`
// may only lower severities and choose files — raising a rule or a required section is
// ignored (and logged), lowering and `off` are honoured — until the client says the user
// trusted the workspace (prr/workspaceTrusted), when the whole file applies.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { withServer } from './server-process';
import { workspace } from '../cli/run-prr';
import { WORKSPACE_TRUSTED_NOTIFICATION } from '../../server/src/protocol/trust';

const CONFIG = [
  'rules:',
  '  unknown-property: warning      # lower than its default (error): honoured',
  '  runbook-placeholder: error     # louder than its default (warning): not while untrusted',
  'runbooks:',
  '  requiredSections:',
  '    rollback: error              # a section not required by default: not while untrusted',
  '    escalation: off              # lower: honoured',
  'limits:',
  '  maxFindings: 100000            # larger than the default: not while untrusted',
  '',
].join('\n');
const MANIFEST = ['apiVersion: prr/v1', 'kind: ServiceReadiness', 'metadata:', '  name: payments', 'spec:', '  owner: team-payments', '  tier: 2', '  lifecyle: production', ''].join('\n');
const RUNBOOK = ['# Disk full', '', '## Meaning', '', 'TODO', ''].join('\n');

const byRule = (p: PublishDiagnosticsParams, rule: string): Diagnostic[] => p.diagnostics.filter((d) => d.code === rule);
const missing = (p: PublishDiagnosticsParams, section: RegExp): Diagnostic[] => byRule(p, 'runbook-missing-section').filter((d) => section.test(typeof d.message === 'string' ? d.message : d.message.value));

test('untrusted: .prr.yaml only lowers severities; trusted once the client says so', async () => {
  const dir = workspace({ '.prr.yaml': CONFIG, 'svc.readiness.yaml': MANIFEST, 'runbooks/DiskFull.md': RUNBOOK });
  try {
    const root = pathToFileURL(dir).href;
    await withServer({ rootUri: root, initializationOptions: { trusted: false } }, async (server) => {
      const manifest = `${root}/svc.readiness.yaml`;
      const runbook = `${root}/runbooks/DiskFull.md`;
      await server.nextLog(/indexed \d+ files/, 20_000);
      const published = [server.nextDiagnostics(manifest), server.nextDiagnostics(runbook)];
      for (const [uri, languageId] of [[manifest, 'yaml'], [runbook, 'markdown']]) {
        await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text: readFileSync(new URL(uri), 'utf8') } });
      }
      const [untrustedManifest, untrustedRunbook] = await Promise.all(published);
      assert.deepEqual(byRule(untrustedManifest, 'unknown-property').map((d) => d.severity), [2], 'lowered to warning');
      assert.deepEqual(byRule(untrustedRunbook, 'runbook-placeholder').map((d) => d.severity), [2], 'raise ignored: still a warning');
      assert.equal(missing(untrustedRunbook, /rollback/i).length, 0, 'rollback not required');
      assert.equal(missing(untrustedRunbook, /escalation/i).length, 0, 'escalation off: honoured');
      assert.ok(missing(untrustedRunbook, /impact/i).length > 0, 'the default sections still apply');
      const log = await server.nextLog(/untrusted workspace: ignored in /);
      assert.ok(log.includes(join(dir, '.prr.yaml')), log);
      assert.match(log, /rules\.runbook-placeholder, runbooks\.requiredSections\.rollback, limits\.maxFindings$/);

      const republished = [server.nextDiagnostics(runbook, () => true, 10_000), server.nextDiagnostics(manifest, () => true, 10_000)];
      await server.connection.sendNotification(WORKSPACE_TRUSTED_NOTIFICATION);
      const [trustedRunbook, trustedManifest] = await Promise.all(republished);
      assert.deepEqual(byRule(trustedRunbook, 'runbook-placeholder').map((d) => d.severity), [1]);
      assert.equal(missing(trustedRunbook, /rollback/i)[0]?.severity, 1);
      assert.equal(missing(trustedRunbook, /escalation/i).length, 0);
      assert.deepEqual(byRule(trustedManifest, 'unknown-property').map((d) => d.severity), [2]);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('without initializationOptions the workspace is trusted (other editors, the CLI)', async () => {
  const dir = workspace({ '.prr.yaml': CONFIG, 'runbooks/DiskFull.md': RUNBOOK });
  try {
    const root = pathToFileURL(dir).href;
    await withServer({ rootUri: root }, async (server) => {
      const runbook = `${root}/runbooks/DiskFull.md`;
      await server.nextLog(/indexed \d+ files/, 20_000);
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: runbook, languageId: 'markdown', version: 1, text: RUNBOOK } });
      const published = await server.nextDiagnostics(runbook);
      assert.deepEqual(byRule(published, 'runbook-placeholder').map((d) => d.severity), [1]);
      assert.equal(missing(published, /rollback/i)[0]?.severity, 1);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
