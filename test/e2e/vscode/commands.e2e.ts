// The PRR commands as a user (or a keybinding) runs them: the readiness report webview, its
// export to HTML, Markdown and JSON, and "New Runbook".

import * as vscode from 'vscode';
import * as assert from 'node:assert/strict';
import { diagnosticsOf, ruleOf, test, until, workspaceFile } from './harness';

test('"PRR: Show Readiness Report" opens the report webview', async () => {
  await vscode.commands.executeCommand('prr.showReport');
  const tab = await until(vscode.window.tabGroups.onDidChangeTabs, () => vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('prr.readinessReport')), 'the report tab');
  assert.equal(tab.label, 'Readiness Report');
  assert.equal(tab.isActive, true);
});

test('"Export Readiness Report…" writes HTML, Markdown and JSON to a given file', async () => {
  const reports: Record<string, string> = {};
  for (const ext of ['html', 'md', 'json']) {
    const target = workspaceFile(`readiness-report.${ext}`);
    await vscode.commands.executeCommand('prr.exportReport', target);
    reports[ext] = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
  }
  const json = JSON.parse(reports.json) as { services: { name: string; score: number; level: string }[] };
  const names = json.services.map((s) => s.name).sort();
  for (const name of ['checkout-api', 'inventory-sync', 'payments-worker']) assert.ok(names.includes(name), `the JSON report lists ${name} (got ${names.join(', ')})`);
  for (const s of json.services) assert.ok(Number.isInteger(s.score) && s.score >= 0 && s.score <= 100, `${s.name} has a score 0–100`);
  // The Markdown and HTML renderings carry the same services and scores.
  for (const s of json.services) {
    assert.ok(reports.md.includes(s.name), `Markdown names ${s.name}`);
    assert.ok(reports.html.includes(s.name), `HTML names ${s.name}`);
  }
  assert.match(reports.html, /^<!doctype html>/i);
  assert.match(reports.md, /^# /);
});

test('"PRR: New Runbook" creates runbooks/<name>.md from the template and opens it', async () => {
  const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('prr.newRunbook', 'E2eDiskFull');
  const expected = workspaceFile('runbooks/E2eDiskFull.md');
  assert.equal(uri?.toString(), expected.toString());
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(expected));
  assert.match(text, /^---\n/, 'front matter first');
  assert.match(text, /E2eDiskFull/);
  assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), expected.toString(), 'the new runbook is open');
  // A fresh runbook has every required section: the server reports no missing one.
  const diagnostics = await diagnosticsOf(expected, () => true, 'diagnostics of the new runbook');
  assert.deepEqual(diagnostics.filter((d) => ruleOf(d) === 'runbook-missing-section').map((d) => d.message), []);
});
