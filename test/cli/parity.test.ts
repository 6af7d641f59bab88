// One engine, three shells: the example workspace checked by the CLI (a subprocess, JSON
// output), by the engine API (as the CLI sets it up: the same config discovery and disk
// access) and by the language server (every file opened in a real server) gives the same
// findings — rule, severity, range and message — file by file.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createEngine } from '../../server/src/service';
import { ConfigStore } from '../../server/src/node/config-store';
import { collectFiles } from '../../server/src/node/workspace';
import { diskIO } from '../../server/src/node/engine-io';
import { withServer } from '../lsp/server-process';
import { prr } from './run-prr';

const root = join(__dirname, '..', '..');
const examples = join(root, 'examples');
const SEVERITY_NAMES = ['', 'error', 'warning', 'info', 'hint'];
const sameDay = () => new Date();

/** `file|line:col-line:col|severity|rule|message`, 1-based, sorted: a form all three shells map to. */
type Row = string;
const row = (file: string, l1: number, c1: number, l2: number, c2: number, severity: string, rule: string, message: string): Row =>
  `${file}|${l1}:${c1}-${l2}:${c2}|${severity}|${rule}|${message}`;

async function engineRows(files: readonly string[]): Promise<Row[]> {
  const engine = createEngine({ io: diskIO(), now: sameDay });
  const configs = new ConfigStore(engine);
  for (const file of files) engine.setFile({ uri: pathToFileURL(file).href, text: readFileSync(file, 'utf8') }, configs.configFor(file));
  return files.flatMap((file) => engine.check({ uri: pathToFileURL(file).href, text: readFileSync(file, 'utf8') }, configs.configFor(file))
    .map((f) => row(relative(root, file), f.range.start.line + 1, f.range.start.character + 1, f.range.end.line + 1, f.range.end.character + 1, f.severity, f.ruleId, f.message)));
}

function cliRows(): Row[] {
  const run = prr(['check', 'examples', '--format', 'json']);
  const report = JSON.parse(run.stdout) as { files: { path: string; findings: { ruleId: string; severity: string; message: string; range: { start: { line: number; column: number }; end: { line: number; column: number } } }[] }[] };
  return report.files.flatMap((file) => file.findings.map((f) => row(file.path, f.range.start.line, f.range.start.column, f.range.end.line, f.range.end.column, f.severity, f.ruleId, f.message)));
}

async function serverRows(files: readonly string[]): Promise<Row[]> {
  const rows: Row[] = [];
  await withServer({ rootUri: pathToFileURL(examples).href }, async (server) => {
    // Wait until the server has indexed the workspace, then open every file and take its publication.
    await server.nextLog(/^prr: indexed \d+ files/);
    const latest = new Map<string, Promise<unknown>>();
    for (const file of files) {
      const uri = pathToFileURL(file).href;
      latest.set(uri, server.nextDiagnostics(uri));
      const languageId = file.endsWith('.md') ? 'markdown' : 'yaml';
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text: readFileSync(file, 'utf8') } });
    }
    await Promise.all(latest.values());
    for (const file of files) {
      const uri = pathToFileURL(file).href;
      const published = server.published.filter((p) => p.uri === uri).pop()!;
      for (const d of published.diagnostics) {
        rows.push(row(relative(root, file), d.range.start.line + 1, d.range.start.character + 1, d.range.end.line + 1, d.range.end.character + 1, SEVERITY_NAMES[d.severity ?? 1], String(d.code), String(d.message)));
      }
    }
  });
  return rows;
}

test('CLI, engine API and language server report the same findings on examples/', async () => {
  const files = await collectFiles([examples], (p) => /\.(ya?ml|json|md)$/.test(p));
  const engine = (await engineRows(files)).sort();
  const cli = cliRows().sort();
  const server = (await serverRows(files)).sort();
  assert.ok(engine.length >= 12, `expected the documented findings, got ${engine.length}`);
  assert.deepEqual(cli, engine, 'CLI vs engine');
  assert.deepEqual(server, engine, 'language server vs engine');
});
