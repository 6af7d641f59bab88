// The workspace-scale part of `npm run bench:lsp`: our server started on a generated workspace
// of 10,000 files (readiness manifests, OpenSLO files, runbooks — the tree of `npm run bench`),
// with a client that supports `window.workDoneProgress`, and one manifest opened right after
// `initialized`. Measured per run (fresh server): time from didOpen to that file's first
// diagnostics while the scan runs, time from `initialized` to the end of the indexing progress,
// whether the first diagnostics came before indexing ended, and peak RSS.

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { benchConnection } from './client';
import { writeTree } from './cli-tree';

export interface WorkspaceRun {
  firstDiagnosticsMs: number;
  indexedMs: number;
  beforeIndexed: boolean;
  progressKinds: string[];
  peakRssMb: number;
}

const now = () => Number(process.hrtime.bigint()) / 1e6;

export function writeWorkspace(): { root: string; files: string[]; dispose: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'prr-lsp-ws-'));
  return { root, files: writeTree(root), dispose: () => rmSync(root, { recursive: true, force: true }) };
}

export async function workspaceRun(serverCommand: string[], root: string, openPath: string): Promise<WorkspaceRun> {
  const child = spawn(serverCommand[0], serverCommand.slice(1), { stdio: ['pipe', 'pipe', 'ignore'] });
  const { connection } = benchConnection(child, () => ({ enable: true }));
  const kinds: string[] = [];
  let indexedAt = 0;
  let indexed: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (indexed = resolve));
  connection.onNotification('$/progress', ({ value }: { value: { kind: string } }) => {
    if (kinds[kinds.length - 1] !== value.kind) kinds.push(value.kind);
    if (value.kind === 'end') {
      indexedAt = now();
      indexed();
    }
  });
  const uri = pathToFileURL(openPath).href;
  let firstAt = 0;
  let first: () => void = () => undefined;
  const diagnosed = new Promise<void>((resolve) => (first = resolve));
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    if (p.uri === uri && firstAt === 0) {
      firstAt = now();
      first();
    }
  });
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(root).href,
    capabilities: { window: { workDoneProgress: true }, workspace: { configuration: true }, textDocument: { publishDiagnostics: {} } },
  });
  const started = now();
  await connection.sendNotification('initialized', {});
  const opened = now();
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: readFileSync(openPath, 'utf8') } });
  await Promise.all([diagnosed, done]);
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const peakRssMb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  await connection.sendRequest('shutdown').catch(() => undefined);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await connection.sendNotification('exit').catch(() => undefined);
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 1_000))]);
  child.kill();
  connection.dispose();
  return { firstDiagnosticsMs: firstAt - opened, indexedMs: indexedAt - started, beforeIndexed: firstAt < indexedAt, progressKinds: kinds, peakRssMb };
}
