// The VS Code client without its server: the indexing notification (client/src/indexing-progress.ts)
// closes when the server stops or crashes mid-scan (the language client then drops its progress
// parts itself and the middleware never sees `end`), and the readiness report for Export and the
// panel is not the status bar's summary without checks. Run against a stand-in for `vscode`.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import Module from 'node:module';

const open = { count: 0 };
const disposable = { dispose: () => undefined };
const event = () => disposable;
const fakeVscode = {
  ProgressLocation: { Notification: 15 },
  EventEmitter: class {
    event = event;
    fire(): void {}
    dispose(): void {}
  },
  workspace: { createFileSystemWatcher: () => ({ onDidChange: event, onDidCreate: event, onDidDelete: event, dispose: () => undefined }), onDidChangeTextDocument: event },
  window: {
    withProgress: (_options: unknown, task: (progress: { report: () => void }) => Promise<void>) => {
      open.count++;
      return task({ report: () => undefined }).then(() => void open.count--);
    },
  },
};
const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
const load = loader._load;
loader._load = function (request: string, ...rest: unknown[]) {
  return request === 'vscode' ? fakeVscode : load.call(this, request, ...rest);
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { indexingProgress } = require('../../client/src/indexing-progress') as typeof import('../../client/src/indexing-progress');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ReportModel } = require('../../client/src/report-model') as typeof import('../../client/src/report-model');

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const next = () => undefined;

test('a scan cut short by a stop leaves no notification open, neither shown nor still due', async () => {
  const progress = indexingProgress();
  progress.handle('shown', { kind: 'begin', title: 'prr: indexing workspace', percentage: 0 }, next);
  await wait(1_100);
  assert.equal(open.count, 1, 'shown after the delay');
  progress.handle('due', { kind: 'begin', title: 'prr: indexing workspace', percentage: 0 }, next);
  progress.clear(); // the server stopped: no `end` will come for either
  await wait(1_100);
  assert.equal(open.count, 0);
});

test('with the server down, the full report is none rather than the summary without checks', async () => {
  const summary = { date: '2026-11-28', services: [{ name: 'svc', checks: [] }] };
  let running = true;
  const client = { isRunning: () => running, sendRequest: async () => summary };
  const warnings: string[] = [];
  const log = { warn: (message: string) => void warnings.push(message) };
  const model = new ReportModel(() => client as never, log as never);
  assert.equal(await model.refresh(), summary); // the status bar's summary
  running = false;
  assert.equal(await model.full(), undefined);
  assert.match(warnings[0] ?? '', /not running/);
  model.dispose();
});
