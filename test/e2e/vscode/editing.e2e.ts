// What a user sees while editing examples/: activation, diagnostics with rule code, range and
// message, the quick fix that removes one, schema completion, hover and the snippets.

import * as vscode from 'vscode';
import * as assert from 'node:assert/strict';
import { diagnosticsOf, ruleOf, test, workspaceFile } from './harness';

const EXTENSION_ID = 'prr-dev.prr';
const PAYMENTS = 'payments-worker/payments-worker.readiness.yaml';

test('the extension activates', async () => {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  await extension.activate();
  assert.equal(extension.isActive, true);
  const commands = await vscode.commands.getCommands(true);
  for (const id of ['prr.restartServer', 'prr.newRunbook', 'prr.fixAll', 'prr.showReport', 'prr.exportReport']) {
    assert.ok(commands.includes(id), `command ${id} is registered`);
  }
});

test('a manifest with known problems gets the expected diagnostics', async () => {
  const uri = workspaceFile(PAYMENTS);
  await vscode.window.showTextDocument(uri);
  const all = await diagnosticsOf(uri, (d) => d.some((x) => ruleOf(x) === 'unknown-property'), 'unknown-property on the payments manifest');
  const byRule = (rule: string) => all.filter((d) => ruleOf(d) === rule);
  // examples/README.md lists these five deliberate problems with their lines.
  const unknown = byRule('unknown-property');
  assert.equal(unknown.length, 1);
  assert.equal(unknown[0].message, 'unknown property `lifecyle` in `spec` — did you mean `lifecycle`?');
  assert.deepEqual(rangeOf(unknown[0]), [12, 2, 12, 10]);
  assert.equal(unknown[0].severity, vscode.DiagnosticSeverity.Error);
  const code = unknown[0].code as { value: string; target: vscode.Uri };
  assert.match(code.target.toString(), /docs\/rules\/unknown-property\.md$/, 'the code links to the rule page');
  assert.deepEqual(byRule('invalid-enum').map(rangeOf), [[13, 8, 13, 9], [29, 14, 29, 20]]);
  assert.equal(byRule('missing-property')[0]?.message, 'missing required property `severity` in `spec.alerts[1]`');
  assert.equal(byRule('invalid-format')[0]?.message, '`spec.security.review.date` must be a date (YYYY-MM-DD); got `2025-13-40`');
});

test('completion on a new key in `spec` offers the schema keys', async () => {
  const uri = workspaceFile(PAYMENTS);
  const editor = await vscode.window.showTextDocument(uri);
  // Line 15 is empty; give it the indentation of `spec`'s keys and ask there.
  await editor.edit((b) => b.insert(new vscode.Position(14, 0), '  '));
  try {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(14, 2));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const key of ['lifecycle', 'observability', 'infrastructure', 'exemptions']) assert.ok(labels.includes(key), `completion offers \`${key}\` (got ${labels.slice(0, 30).join(', ')})`);
    const observability = list.items.find((i) => i.label === 'observability');
    assert.equal(observability?.kind, vscode.CompletionItemKind.Property);
  } finally {
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
});

test('hover on a key shows the schema description', async () => {
  const uri = workspaceFile('checkout-api/readiness.yaml');
  const document = await vscode.workspace.openTextDocument(uri);
  const line = document.getText().split('\n').findIndex((l) => /^ {2}tier:/.test(l));
  assert.ok(line >= 0, 'checkout-api/readiness.yaml has `spec.tier`');
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, 3));
  const text = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
  assert.match(text, /`spec\.tier` · integer · required/);
  assert.match(text, /Criticality tier/);
});

test('the quick fix for the misspelled key is offered and, applied, removes the diagnostic', async () => {
  const uri = workspaceFile(PAYMENTS);
  await vscode.window.showTextDocument(uri);
  const before = await diagnosticsOf(uri, (d) => d.some((x) => ruleOf(x) === 'unknown-property'), 'unknown-property before the fix');
  const target = before.find((d) => ruleOf(d) === 'unknown-property')!;
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, target.range, vscode.CodeActionKind.QuickFix.value);
  const fix = actions.find((a) => /lifecycle/.test(a.title));
  assert.ok(fix, `a quick fix names \`lifecycle\` (got: ${actions.map((a) => a.title).join(' | ')})`);
  assert.ok(fix.kind?.contains(vscode.CodeActionKind.QuickFix));
  if (fix.edit) assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the edit applies');
  if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
  try {
    const document = await vscode.workspace.openTextDocument(uri);
    assert.equal(document.lineAt(12).text.trimEnd(), '  lifecycle: production          # deliberate: misspelled key, should be `lifecycle`');
    const after = await diagnosticsOf(uri, (d) => !d.some((x) => ruleOf(x) === 'unknown-property') && d.length > 0, 'unknown-property gone after the fix');
    assert.ok(after.some((d) => ruleOf(d) === 'invalid-enum'), 'the other problems stay');
  } finally {
    await vscode.window.showTextDocument(uri);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
});

test('snippets are contributed for YAML and Markdown', async () => {
  const yaml = await vscode.workspace.openTextDocument({ language: 'yaml', content: 'prr-' });
  await vscode.window.showTextDocument(yaml);
  const yamlItems = await snippetLabels(yaml.uri, new vscode.Position(0, 4));
  for (const label of ['prr-manifest', 'prr-alert', 'prr-slo-ref']) assert.ok(yamlItems.includes(label), `YAML snippet ${label} (got ${yamlItems.join(', ')})`);
  const markdown = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'prr-' });
  await vscode.window.showTextDocument(markdown);
  const markdownItems = await snippetLabels(markdown.uri, new vscode.Position(0, 4));
  assert.ok(markdownItems.includes('prr-runbook'), `Markdown snippet prr-runbook (got ${markdownItems.join(', ')})`);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await vscode.window.showTextDocument(yaml);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
});

async function snippetLabels(uri: vscode.Uri, position: vscode.Position): Promise<string[]> {
  // The snippet provider answers through the same completion request as the language server.
  const result = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return result.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
}

function rangeOf(d: vscode.Diagnostic): number[] {
  return [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character];
}
