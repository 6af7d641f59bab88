// Crash and restart (issue #10): kill the language server; the client restarts it (bounded
// retries, see client/src/extension.ts) and diagnostics come back from the new process.

import * as vscode from 'vscode';
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { diagnosticsOf, ruleOf, test, workspaceFile } from './harness';

const PAYMENTS = 'payments-worker/payments-worker.readiness.yaml';

test('after the server process is killed, the client restarts it and diagnostics come back', async () => {
  if (process.platform !== 'linux') return; // finds the server through /proc
  const uri = workspaceFile(PAYMENTS);
  await vscode.window.showTextDocument(uri);
  await diagnosticsOf(uri, (d) => d.some((x) => ruleOf(x) === 'unknown-property'), 'diagnostics before the crash');
  const [before] = serverProcesses();
  assert.ok(before, `the language server is a child of the extension host ${process.pid}`);
  process.kill(before, 'SIGKILL');
  // No editor event tells that a server process started: look for it in /proc (bounded).
  const after = await newServerProcess(before, 30_000);
  // Its diagnostics may equal the old ones (a pull then reports "unchanged" and no event
  // fires), so give it something new: a fresh unknown key must get its own finding, next to
  // the old ones.
  const editor = await vscode.window.showTextDocument(uri);
  await editor.edit((b) => b.insert(new vscode.Position(14, 0), '  restartedKey: 1'));
  try {
    const d = await diagnosticsOf(uri, (all) => all.some((x) => /`restartedKey`/.test(x.message)), 'a finding from the restarted server');
    assert.equal(d.find((x) => /`restartedKey`/.test(x.message))?.range.start.line, 14);
    assert.ok(d.some((x) => ruleOf(x) === 'unknown-property' && /`lifecyle`/.test(x.message)), 'the earlier findings are back too');
    assert.deepEqual(serverProcesses(), [after], 'one server runs: the restarted one');
  } finally {
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
});

async function newServerProcess(old: number, ms: number): Promise<number> {
  const deadline = Date.now() + ms;
  for (;;) {
    const pid = serverProcesses().find((p) => p !== old);
    if (pid !== undefined) return pid;
    if (Date.now() > deadline) throw new Error(`no new server process within ${ms} ms of killing ${old}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** PIDs of this extension host's children running the bundled server (Linux /proc). */
function serverProcesses(): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (/dist[/\\]server\.js/.test(cmdline)) found.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}
