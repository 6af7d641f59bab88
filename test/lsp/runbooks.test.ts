// Runbooks through the real server: quick fixes that leave the rest of the file
// byte-identical and remove their finding, a create-file fix for a manifest's missing
// runbook, and completion of the section headings a runbook still lacks.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ClientCapabilities, CodeAction, CompletionItem, Diagnostic, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { withServer } from './server-process';
import { applyEdits } from './edits';

const RUNBOOK_URI = 'file:///ws/runbooks/HighErrors.md';
const RUNBOOK = ['---', 'title: HighErrors', 'lastReviewed: 2026-11-01', '---', '', '# HighErrors', '', '## Meaning', '', 'Errors are high.', '', '## Diagnosis', '',
  'Look at the dashboard.', '', '## Mitigation', '', '1. Roll back.', '', '## Escalation', '', 'Page team-payments.', ''].join('\n');
const EDITING: ClientCapabilities = {
  workspace: { configuration: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } },
  textDocument: { codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } } },
};

test('insert-a-missing-section: the edit removes the finding and changes nothing else', async () => {
  await withServer({ capabilities: EDITING }, async (server) => {
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: RUNBOOK_URI, languageId: 'markdown', version: 1, text: RUNBOOK } });
    const published = await server.nextDiagnostics(RUNBOOK_URI, (p) => p.diagnostics.length > 0);
    const missing = published.diagnostics.find((d) => d.code === 'runbook-missing-section') as Diagnostic;
    assert.match(String(missing.message), /^missing section "Impact"/);
    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: RUNBOOK_URI }, range: missing.range, context: { diagnostics: [missing] },
    })) as CodeAction[];
    const insert = actions.find((a) => a.title === 'Insert a "Impact" section')!;
    assert.equal(insert.isPreferred, undefined); // offered, but fix-all does not write sections (their text is the author's)
    const change = insert.edit!.documentChanges![0] as TextDocumentEdit;
    assert.equal(change.textDocument.version, 1);
    const edited = applyEdits(RUNBOOK, change.edits as TextEdit[]);
    // Everything outside the inserted text is byte-identical.
    const at = edited.indexOf('## Impact');
    const inserted = edited.length - RUNBOOK.length;
    assert.equal(edited.slice(0, at), RUNBOOK.slice(0, at));
    assert.equal(edited.slice(at + inserted), RUNBOOK.slice(at));
    assert.ok(edited.indexOf('## Impact') > edited.indexOf('## Meaning') && edited.indexOf('## Impact') < edited.indexOf('## Diagnosis'));
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: RUNBOOK_URI, version: 2 }, contentChanges: [{ text: edited }] });
    const after = await server.nextDiagnostics(RUNBOOK_URI, (p) => p.version === 2);
    assert.deepEqual(after.diagnostics.filter((d) => d.code === 'runbook-missing-section'), []);
  });
});

test('completion on a heading line offers the missing sections in canonical order', async () => {
  await withServer({}, async (server) => {
    const text = RUNBOOK.replace('## Diagnosis', '## ');
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: RUNBOOK_URI, languageId: 'markdown', version: 1, text } });
    const items = (await server.connection.sendRequest('textDocument/completion', { textDocument: { uri: RUNBOOK_URI }, position: { line: 11, character: 3 } })) as CompletionItem[];
    assert.deepEqual(items.map((i) => i.label), ['## Impact', '## Diagnosis', '## Rollback', '## Verification']);
    const none = (await server.connection.sendRequest('textDocument/completion', { textDocument: { uri: RUNBOOK_URI }, position: { line: 9, character: 3 } })) as CompletionItem[];
    assert.deepEqual(none, []);
  });
});

test('a manifest alert pointing at a missing runbook: a fix creates it from the template', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'prr-rb-'));
  try {
    mkdirSync(join(folder, 'runbooks'));
    const manifestPath = join(folder, 'readiness.yaml');
    const manifest = ['apiVersion: prr/v1', 'kind: ServiceReadiness', 'metadata:', '  name: checkout-api', 'spec:', '  owner: team-a', '  tier: 2', '  alerts:',
      '    - name: CheckoutDown', '      severity: page', '      runbook: runbooks/CheckoutDown.md', ''].join('\n');
    writeFileSync(manifestPath, manifest);
    const uri = pathToFileURL(manifestPath).href;
    await withServer({ capabilities: EDITING }, async (server) => {
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: manifest } });
      const published = await server.nextDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'runbook-not-found'));
      const finding = published.diagnostics.find((d) => d.code === 'runbook-not-found')!;
      assert.deepEqual(finding.range, { start: { line: 10, character: 15 }, end: { line: 10, character: 39 } });
      const actions = (await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: finding.range, context: { diagnostics: [finding] } })) as CodeAction[];
      const [create, fill] = actions[0].edit!.documentChanges! as [{ kind: string; uri: string }, TextDocumentEdit];
      const runbookUri = pathToFileURL(join(folder, 'runbooks', 'CheckoutDown.md')).href;
      assert.deepEqual([create.kind, create.uri], ['create', runbookUri]);
      const text = (fill.edits[0] as TextEdit).newText;
      assert.match(text, /^---\ntitle: CheckoutDown\nservice: checkout-api\nalerts: \[CheckoutDown\]/);
      // The created runbook, once it exists, is clean and the manifest's finding goes.
      const manifestClean = server.nextDiagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'runbook-not-found'));
      const runbookPublished = server.nextDiagnostics(runbookUri);
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: runbookUri, languageId: 'markdown', version: 1, text } });
      assert.deepEqual((await runbookPublished).diagnostics, []);
      await manifestClean;
    });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('a client that cannot create files is not offered the create-file fix', async () => {
  await withServer({}, async (server) => {
    const uri = 'file:///nowhere/readiness.yaml';
    const manifest = 'apiVersion: prr/v1\nkind: ServiceReadiness\nmetadata:\n  name: a\nspec:\n  owner: t\n  tier: 2\n  runbooks: [runbooks/Missing.md]\n';
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: manifest } });
    const published = await server.nextDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'runbook-not-found'));
    const finding = published.diagnostics.find((d) => d.code === 'runbook-not-found')!;
    const actions = (await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: finding.range, context: { diagnostics: [finding] } })) as CodeAction[];
    // Only the fixes that write a suppression comment are left.
    assert.deepEqual(actions.map((a) => a.title), ['Disable runbook-not-found for this line', 'Disable runbook-not-found for this file']);
  });
});
