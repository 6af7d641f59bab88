// No network, ever: a full `prr check` of the example workspace and of ../shared/corpus
// (when present), and the language server indexing and checking the examples, run with
// every socket connect, TLS handshake, HTTP(S) request, DNS lookup and fetch turned into a
// recorded exception — and complete with none attempted.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { root } from './run-prr';
import { withServer } from '../lsp/server-process';

const PRELOAD = join(__dirname, 'no-network.cjs');
const CORPUS = join(root, '..', 'shared', 'corpus');

/** Runs `node --require no-network.cjs <args>` in the repository; returns its exit code, output and the attempts it recorded. */
function offline(args: readonly string[]): { code: number | null; stdout: string; stderr: string; attempts: string } {
  const dir = mkdtempSync(join(tmpdir(), 'prr-net-'));
  const log = join(dir, 'attempts.log');
  try {
    const run = spawnSync(process.execPath, ['--require', PRELOAD, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, PRR_NET_LOG: log, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 });
    return { code: run.status, stdout: run.stdout, stderr: run.stderr, attempts: existsSync(log) ? readFileSync(log, 'utf8') : '' };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the preload does catch network access (so its silence below means something)', () => {
  const probes = [
    "require('node:net').connect(80, '127.0.0.1')",
    "require('node:https').get('https://example.com')",
    "require('node:dns').lookup('example.com', () => {})",
    "fetch('https://example.com')",
  ];
  for (const probe of probes) {
    const run = offline(['-e', `try { ${probe} } catch {}`]);
    assert.match(run.attempts, /network access attempted/, probe);
  }
});

test('prr check of examples/ makes no network access', () => {
  const run = offline([join(root, 'dist', 'cli.js'), 'check', 'examples', '--format', 'json']);
  assert.equal(run.attempts, '');
  assert.equal(run.code, 1, run.stderr); // examples/ holds deliberate mistakes
  assert.ok(JSON.parse(run.stdout).summary.files > 5);
});

test('prr check of ../shared/corpus makes no network access', { skip: existsSync(CORPUS) ? false : 'no ../shared/corpus here' }, () => {
  const run = offline([join(root, 'dist', 'cli.js'), 'check', CORPUS, '--format', 'json']);
  assert.equal(run.attempts, '');
  assert.ok(run.code === 0 || run.code === 1, `exit ${run.code}: ${run.stderr}`);
  assert.ok(JSON.parse(run.stdout).summary.files > 100);
});

test('the language server indexing and checking examples/ makes no network access', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'prr-net-'));
  const log = join(dir, 'attempts.log');
  const previous = process.env.PRR_NET_LOG;
  process.env.PRR_NET_LOG = log; // the server process inherits it
  try {
    const examples = pathToFileURL(join(root, 'examples')).href;
    await withServer({ rootUri: examples, nodeArgs: ['--require', PRELOAD] }, async (server) => {
      await server.nextLog(/indexed \d+ files/, 20_000);
      const uri = `${examples}/checkout-api/readiness.yaml`;
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: readFileSync(fileURLToPath(uri), 'utf8') } });
      await server.nextDiagnostics(uri, () => true, 20_000);
    });
    assert.equal(existsSync(log) ? readFileSync(log, 'utf8') : '', '');
  } finally {
    if (previous === undefined) delete process.env.PRR_NET_LOG;
    else process.env.PRR_NET_LOG = previous;
    rmSync(dir, { recursive: true, force: true });
  }
});
