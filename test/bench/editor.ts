// Editor latency (issue: editor intelligence): completion and hover in a 10,000-line OpenSLO
// file, p50/p95 over 200+ positions each, measured server-side as the engine calls the
// language server makes (target: p95 < 20 ms); ~25 of each through the real server over stdio
// for comparison (client round trip, JSON-RPC included); and code actions for a document with
// 500 findings (target: < 50 ms), in-process (the server's handler: cached findings → actions)
// and over stdio. Cases:
// - unchanged text: the mouse rests, the buffer is the one already checked (the usual hover);
// - after an edit: each sample first changes one line (a new text), as typing does; the server
//   indexes the change on didChange and checks it for diagnostics (timed apart, and together
//   for comparison); hover then re-reads the changed `---` document and takes the findings
//   from the diagnostics' cache; completion is asked right after a key prefix is typed on a
//   new line.

import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createEngine, type Engine, type Finding, type Position } from '../../server/src/service/index';
import { toDiagnostic } from '../../server/src/lsp/convert';
import { codeActionsFor } from '../../server/src/lsp/code-actions';
import { openslo } from './openslo';
import { mulberry32 } from './random';
import { benchConnection } from './client';

const SERVER = join(__dirname, '..', '..', 'dist', 'server.js');
const POSITIONS = 240;
const STDIO_SAMPLES = 25;
const LATENCY_TARGET_MS = 20;
const ACTIONS_TARGET_MS = 50;
const URI = 'file:///bench/editor/slos.yaml';
const FINDINGS = 500;

function time(fn: () => unknown): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function row(name: string, ms: number[], target: number, gate = true): string[] {
  const p95 = percentile(ms, 95);
  return [name, String(ms.length), percentile(ms, 50).toFixed(2), p95.toFixed(2), Math.max(...ms).toFixed(2), gate ? `p95 < ${target} ms` : '(comparison)', gate ? (p95 < target ? 'PASS' : 'FAIL') : ''];
}

/** Lines holding a `key: value` pair, spread over the whole file, in a fixed order. */
function keyLines(lines: readonly string[], count: number): number[] {
  const candidates = lines.flatMap((line, i) => (/^ *(- )?[A-Za-z]\w*: \S/.test(line) ? [i] : []));
  const rand = mulberry32(7);
  return Array.from({ length: count }, () => candidates[Math.floor(rand() * candidates.length)]);
}

/** Alternately on a key and on its value. */
function hoverPosition(lines: readonly string[], line: number, i: number): Position {
  const text = lines[line];
  const key = text.search(/[A-Za-z]/);
  return i % 2 === 0 ? { line, character: key + 1 } : { line, character: text.indexOf(': ') + 3 };
}

/** Alternately inside a key (names only, a `:` follows) and just after `key: ` (values). */
function completionPosition(lines: readonly string[], line: number, i: number): Position {
  const text = lines[line];
  return i % 2 === 0 ? { line, character: text.search(/[A-Za-z]/) + 1 } : { line, character: text.indexOf(': ') + 2 };
}

/** A spec-level key line (`  name: …`) after which a new key is being typed. */
function typingLines(lines: readonly string[], count: number): number[] {
  const candidates = lines.flatMap((line, i) => (/^ {2}[a-z]\w*: \S/.test(line) ? [i] : []));
  const rand = mulberry32(11);
  return Array.from({ length: count }, () => candidates[Math.floor(rand() * candidates.length)]);
}

function inProcess(engine: Engine, text: string): string[][] {
  const document = { uri: URI, text };
  // The server checked the buffer when it was opened; hover gets those findings from its cache.
  const findings = engine.check(document);
  const lines = text.split('\n');
  const at = keyLines(lines, POSITIONS);
  // Warm-up, as a server that has been answering for a while is.
  for (let i = 0; i < 20; i++) {
    engine.hover(document, hoverPosition(lines, at[i], i), undefined, findings);
    engine.complete(document, completionPosition(lines, at[i], i));
  }
  const hover = at.map((line, i) => time(() => engine.hover(document, hoverPosition(lines, line, i), undefined, findings)));
  const complete = at.map((line, i) => time(() => engine.complete(document, completionPosition(lines, line, i))));

  // After an edit: the line above the hovered one changes (a new text each time). The server
  // indexes a change as it arrives (didChange) and checks it for diagnostics right away;
  // timed apart from the hover that follows, and together with it for comparison.
  const hoverAfterEdit: number[] = [];
  const changeAndHover: number[] = [];
  at.forEach((line, i) => {
    const edited = [...lines];
    const near = Math.max(0, line - 1);
    edited[near] = `${edited[near]}${i % 2 ? ' ' : '  '}`;
    const next = { uri: URI, text: edited.join('\n') };
    let current: readonly Finding[] = [];
    const change = time(() => {
      engine.setFile(next);
      current = engine.check(next);
    });
    const ms = time(() => engine.hover(next, hoverPosition(edited, line, i), undefined, current));
    hoverAfterEdit.push(ms);
    changeAndHover.push(change + ms);
  });
  // Typing a key on a new line: the server has indexed the change (didChange), then completes.
  const typed: number[] = [];
  const changeAndComplete: number[] = [];
  typingLines(lines, POSITIONS).forEach((line, i) => {
    const edited = [...lines.slice(0, line + 1), i % 2 ? '  al' : '  ti', ...lines.slice(line + 1)];
    const next = { uri: URI, text: edited.join('\n') };
    const change = time(() => engine.setFile(next));
    const ms = time(() => engine.complete(next, { line: line + 1, character: 4 }));
    typed.push(ms);
    changeAndComplete.push(change + ms);
  });
  return [
    row('hover, unchanged text (engine)', hover, LATENCY_TARGET_MS),
    row('hover, after an edit (engine)', hoverAfterEdit, LATENCY_TARGET_MS),
    row('  didChange (index + check) + hover', changeAndHover, LATENCY_TARGET_MS, false),
    row('completion, unchanged text (engine)', complete, LATENCY_TARGET_MS),
    row('completion, key typed on a new line (engine)', typed, LATENCY_TARGET_MS),
    row('  didChange (index) + completion', changeAndComplete, LATENCY_TARGET_MS, false),
  ];
}

/** A file with 500 findings: that many SLOs misspell `budgetingMethod` (each an unknown property with four fixes). */
function manyFindings(): string {
  let text = openslo(32_000).text;
  for (let round = 0; round < 5; round++) {
    const missing = FINDINGS - createEngine().check({ uri: URI, text }).length;
    if (missing <= 0) break;
    let typos = 0;
    text = text.replace(/budgetingMethod:/g, (m) => (typos++ < missing ? 'budgetingMetod:' : m));
  }
  return text;
}

function codeActionsInProcess(text: string): { row: string[]; findings: number } {
  const engine = createEngine();
  const textDocument = TextDocument.create(URI, 'yaml', 1, text);
  const findings = engine.check({ uri: URI, text });
  const diagnostics: Diagnostic[] = findings.map((f) => toDiagnostic(f, engine));
  const whole = { start: { line: 0, character: 0 }, end: textDocument.positionAt(text.length) };
  const support = { documentChanges: true, createFiles: true };
  const ms: number[] = [];
  for (let run = 0; run < 53; run++) {
    // The server's handler: findings from its (uri, version) cache, then the actions for the range.
    const elapsed = time(() => codeActionsFor(textDocument, engine.check({ uri: URI, text }), diagnostics, whole, support));
    if (run >= 3) ms.push(elapsed);
  }
  return { row: row(`code actions, whole file, ${findings.length} findings (engine + handler)`, ms, ACTIONS_TARGET_MS), findings: findings.length };
}

async function overStdio(text: string, manyText: string): Promise<string[][]> {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const { connection, prrReady: isReady } = benchConnection(child, () => null);
  const published = new Map<string, () => void>();
  connection.onNotification('textDocument/publishDiagnostics', ({ uri }: { uri: string }) => published.get(uri)?.());
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: {
      workspace: { configuration: true },
      textDocument: {
        completion: { completionItem: { snippetSupport: true } },
        hover: { contentFormat: ['markdown'] },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
      },
    },
  });
  await connection.sendNotification('initialized', {});
  await Promise.race([isReady, new Promise((resolve) => setTimeout(resolve, 5000))]);
  const open = async (uri: string, body: string) => {
    const diagnosed = new Promise<void>((resolve) => published.set(uri, resolve));
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: body } });
    await diagnosed;
  };
  const roundTrip = async (method: string, params: object) => {
    const start = process.hrtime.bigint();
    await connection.sendRequest(method, params);
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  try {
    await open(URI, text);
    const lines = text.split('\n');
    const at = keyLines(lines, STDIO_SAMPLES + 5);
    const hover: number[] = [];
    const complete: number[] = [];
    for (let i = 0; i < at.length; i++) {
      const h = await roundTrip('textDocument/hover', { textDocument: { uri: URI }, position: hoverPosition(lines, at[i], i) });
      const c = await roundTrip('textDocument/completion', { textDocument: { uri: URI }, position: completionPosition(lines, at[i], i) });
      if (i >= 5) {
        hover.push(h);
        complete.push(c);
      }
    }
    const manyUri = 'file:///bench/editor/findings.yaml';
    await open(manyUri, manyText);
    const end = { line: manyText.split('\n').length, character: 0 };
    const actions: number[] = [];
    for (let i = 0; i < STDIO_SAMPLES + 3; i++) {
      const ms = await roundTrip('textDocument/codeAction', { textDocument: { uri: manyUri }, range: { start: { line: 0, character: 0 }, end }, context: { diagnostics: [] } });
      if (i >= 3) actions.push(ms);
    }
    return [
      row('hover, unchanged text (stdio round trip)', hover, LATENCY_TARGET_MS, false),
      row('completion, unchanged text (stdio round trip)', complete, LATENCY_TARGET_MS, false),
      row(`code actions, whole file, ${FINDINGS} findings (stdio round trip)`, actions, ACTIONS_TARGET_MS, false),
    ];
  } finally {
    await connection.sendRequest('shutdown').catch(() => undefined);
    await connection.sendNotification('exit').catch(() => undefined);
    child.kill();
    connection.dispose();
  }
}

/** The editor table: a header, then one row per case; the last cell says PASS or FAIL for gated rows. */
export async function benchEditor(): Promise<{ rows: string[][]; lines: number; findings: number }> {
  const workload = openslo(10_000);
  const many = manyFindings();
  const rows = [
    ['editor (10,000-line OpenSLO file)', 'samples', 'p50 ms', 'p95 ms', 'max ms', 'target', 'result'],
    ...inProcess(createEngine(), workload.text),
  ];
  const actions = codeActionsInProcess(many);
  rows.push(actions.row);
  rows.push(...(await overStdio(workload.text, many)));
  return { rows, lines: workload.text.split('\n').length, findings: actions.findings };
}

if (require.main === module) {
  void benchEditor().then(({ rows, lines, findings }) => {
    console.log(`editor bench — ${lines} lines; code actions on a document with ${findings} findings`);
    const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
    for (const r of rows) console.log(r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));
    process.exitCode = rows.some((r) => r[r.length - 1] === 'FAIL') ? 1 : 0;
  });
}
