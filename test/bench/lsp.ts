// `npm run bench:lsp`: our language server next to redhat's yaml-language-server (pinned
// devDependency), both over stdio with the same minimal client, on generated OpenSLO v1
// files of 1k, 10k and 50k lines, checked against the same schema (ours, shipped;
// yaml-language-server with its schema store off). Fresh server per run; medians with
// min–max. Also: the in-process floor (yaml parse + ajv) for the same text, and how each
// server reports the injected errors.

import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { Validators } from '../../server/src/service/schema/validators';
import { SHIPPED_SCHEMAS } from '../../server/src/service/schema/shipped';
import { openslo } from './openslo';

const root = join(__dirname, '..', '..');
const RUNS = Number(process.env.PRR_BENCH_RUNS ?? 5);
const SIZES = (process.env.PRR_BENCH_SIZES ?? '1000,10000,50000').split(',').map(Number);
/**
 * `PRR_BENCH_SERVERS=prr` measures only ours; `PRR_BENCH_PROF=<dir>` runs ours under `--cpu-prof` into that folder;
 * `PRR_BENCH_SERVER_JS=<file>` runs another build of ours (an unminified one reads better in a profile).
 */
const ONLY = process.env.PRR_BENCH_SERVERS?.split(',');
const PROFILE_DIR = process.env.PRR_BENCH_PROF;
const SCHEMA = pathToFileURL(join(root, 'schemas', 'openslo-v1.schema.json')).href;

interface Server { name: string; command: string[]; settings: unknown }
const SERVERS: Server[] = [
  { name: 'prr', command: [process.execPath, ...(PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : []), process.env.PRR_BENCH_SERVER_JS ?? join(root, 'dist', 'server.js'), '--stdio'], settings: { enable: true } },
  {
    name: 'yaml-ls',
    command: [process.execPath, join(root, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server'), '--stdio'],
    settings: { validate: true, hover: true, completion: true, schemaStore: { enable: false }, schemas: { [SCHEMA]: '*.yaml' } },
  },
].filter((s) => !ONLY || ONLY.includes(s.name));

interface Run { openMs: number; changeMs: number[]; completionMs: number; peakRssMb: number; diagnostics: number; atInjected: boolean }

function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

function peakRss(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function once(server: Server, text: string, injectedLine: number): Promise<Run> {
  const child = spawn(server.command[0], server.command.slice(1), { stdio: ['pipe', 'pipe', 'ignore'] });
  const connection: ProtocolConnection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const section = server.name === 'prr' ? 'prr' : 'yaml';
  connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map((i) => (i.section === section || i.section === undefined ? server.settings : null)));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  let ready: () => void = () => undefined;
  const isReady = new Promise<void>((resolve) => (ready = resolve));
  connection.onNotification('window/logMessage', ({ message }: { message: string }) => {
    if (message.startsWith('prr: ready')) ready();
  });
  let waiting: ((p: PublishDiagnosticsParams) => void) | undefined;
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => waiting?.(p));
  const nextPublication = () => new Promise<PublishDiagnosticsParams>((resolve) => (waiting = resolve));
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: {}, completion: { completionItem: {} } } } });
  await connection.sendNotification('initialized', {});
  await connection.sendNotification('workspace/didChangeConfiguration', { settings: { [section]: server.settings } });
  // prr compiles its schemas right after `initialized` and says when it is ready; yaml-ls reads
  // its settings asynchronously. Either way the clock starts when the server is ready.
  if (server.name === 'prr') await isReady;
  await new Promise((resolve) => setTimeout(resolve, 300));

  const uri = 'file:///bench/slos.yaml';
  let published = nextPublication();
  let start = now();
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  let first = await published;
  while (first.diagnostics.length === 0 && injectedLine >= 0) first = await (published = nextPublication()); // yaml-ls may publish an empty list first
  const openMs = now() - start;
  const diagnostics = first.diagnostics.length;
  const atInjected = first.diagnostics.some((d) => d.range.start.line === injectedLine);

  const lines = text.split('\n');
  const target = lines.findIndex((l, i) => i > lines.length / 2 && l.startsWith('  description: '));
  const changeMs: number[] = [];
  for (let version = 2; version <= 6; version++) {
    published = nextPublication();
    start = now();
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line: target, character: 0 }, end: { line: target, character: lines[target].length } }, text: `  description: edit ${version}` }],
    });
    await published;
    changeMs.push(now() - start);
  }
  start = now();
  await connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: target + 1, character: 2 } });
  const completionMs = now() - start;
  const rss = peakRss(child);
  await connection.sendRequest('shutdown').catch(() => undefined);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await connection.sendNotification('exit').catch(() => undefined);
  // A profiled server writes its profile as it exits: give it the time to.
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, PROFILE_DIR ? 10_000 : 1_000))]);
  child.kill();
  connection.dispose();
  return { openMs, changeMs, completionMs, peakRssMb: rss, diagnostics, atInjected };
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const spread = (v: number[]) => `${median(v).toFixed(0)} (${Math.min(...v).toFixed(0)}–${Math.max(...v).toFixed(0)})`;

function floorMs(text: string): number {
  const validators = new Validators(SHIPPED_SCHEMAS);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = now();
    for (const doc of parseAllDocuments(text)) {
      const value = doc.toJS() as { kind?: unknown };
      validators.get(`https://prr.dev/schemas/openslo-v1.schema.json#/definitions/${String(value.kind)}`)(value);
    }
    times.push(now() - start);
  }
  return median(times);
}

async function main(): Promise<void> {
  console.log(`prr bench:lsp — Node ${process.version}, ${RUNS} runs per cell, fresh server per run`);
  const rows = [['lines', 'server', 'open→diag ms', 'floor ms', 'open/floor', 'change→diag first', 'change→diag median', 'completion ms', 'peak RSS MB', 'diags', 'at injected line']];
  for (const size of SIZES) {
    const { text } = openslo(size);
    const injectedLine = text.split('\n').findIndex((l) => l.includes('budgetingMetod'));
    const floor = floorMs(text);
    for (const server of SERVERS) {
      const runs: Run[] = [];
      for (let r = 0; r < RUNS; r++) runs.push(await once(server, text, injectedLine));
      const opens = runs.map((r) => r.openMs);
      rows.push([String(text.split('\n').length), server.name, spread(opens), floor.toFixed(0), (median(opens) / floor).toFixed(2),
        spread(runs.map((r) => r.changeMs[0])), spread(runs.map((r) => median(r.changeMs.slice(1)))), spread(runs.map((r) => r.completionMs)),
        spread(runs.map((r) => r.peakRssMb)), String(runs[0].diagnostics), runs[0].atInjected ? 'yes' : 'no']);
    }
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  for (const row of rows) console.log(row.map((cell, c) => cell.padStart(widths[c])).join('  '));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 2;
});
