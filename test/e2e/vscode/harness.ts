// A minimal test runner for the extension host: the same files run under @vscode/test-electron
// and under code-server's smoke-test driver, where neither mocha nor node:test is at hand.
// Each result goes to the console and, when PRR_E2E_RESULTS names a file, to that file as
// one JSON line, so the outer runner can print what happened even if the workbench hangs.

import * as vscode from 'vscode';
import { appendFileSync } from 'node:fs';

interface Case { name: string; fn: () => Promise<void> }
const cases: Case[] = [];

/** Registers a test; they run in registration order, sharing one workbench. */
export function test(name: string, fn: () => Promise<void>): void {
  cases.push({ name, fn });
}

const PER_TEST_MS = 60_000;

export async function runAll(): Promise<void> {
  const out = process.env.PRR_E2E_RESULTS;
  const record = (line: object) => {
    console.log(`[prr-e2e] ${JSON.stringify(line)}`);
    if (out) appendFileSync(out, `${JSON.stringify(line)}\n`);
  };
  let passed = 0;
  let failed = 0;
  for (const c of cases) {
    const started = Date.now();
    try {
      await withTimeout(c.fn(), PER_TEST_MS, `test "${c.name}"`);
      passed++;
      record({ test: c.name, ok: true, ms: Date.now() - started });
    } catch (error) {
      failed++;
      record({ test: c.name, ok: false, ms: Date.now() - started, error: error instanceof Error ? error.stack ?? error.message : String(error) });
    }
  }
  record({ done: true, passed, failed });
  if (failed > 0) throw new Error(`${failed} of ${cases.length} extension-host tests failed`);
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no result after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Resolves with the first value `probe` returns that is not undefined, probing now and after
 * every event of `event` (never on a timer: the events are what the editor promises).
 */
export function until<T>(event: vscode.Event<unknown>, probe: () => T | undefined, what: string, ms = 30_000): Promise<T> {
  return withTimeout(new Promise<T>((resolve) => {
    const now = probe();
    if (now !== undefined) return resolve(now);
    const sub = event(() => {
      const value = probe();
      if (value === undefined) return;
      sub.dispose();
      resolve(value);
    });
  }), ms, `waiting for ${what}`);
}

/** The diagnostics of `uri` once `accept` takes them. */
export function diagnosticsOf(uri: vscode.Uri, accept: (d: readonly vscode.Diagnostic[]) => boolean, what: string): Promise<readonly vscode.Diagnostic[]> {
  return until(vscode.languages.onDidChangeDiagnostics, () => {
    const d = vscode.languages.getDiagnostics(uri);
    return accept(d) ? d : undefined;
  }, what);
}

export function ruleOf(d: vscode.Diagnostic): string | undefined {
  const code = d.code;
  if (typeof code === 'object' && code !== null) return String(code.value);
  return code === undefined ? undefined : String(code);
}

export function workspaceFile(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the tests need a workspace folder (a copy of examples/)');
  return vscode.Uri.joinPath(folder.uri, relative);
}
