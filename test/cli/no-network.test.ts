// No network, ever: a full `prr check` of the example workspace, of a folder of files that
// point at remote schemas and documents (test/fixtures/remote-refs) and of ../shared/corpus
// (when present), and the language server indexing and checking them, run (1) with every
// socket connect, TLS handshake, HTTP(S) request, DNS lookup and fetch turned into a
// recorded exception, and (2) under strace, which sees every socket the process and its
// children open at the system-call level, whatever code opens it — and complete with none.

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
const REMOTE_REFS = join(root, 'test', 'fixtures', 'remote-refs');
/** Internet sockets and connects of any family, in strace's output. */
const NETWORK_CALL = /\b(socket\(AF_INET6?\b|connect\()/;
const STRACE = spawnSync('strace', ['-f', '-qq', '-e', 'trace=none', 'true']).status === 0;

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

test('remote $schema and $ref keys are reported, not fetched; remote links are not followed', () => {
  const run = offline([join(root, 'dist', 'cli.js'), 'check', REMOTE_REFS, '--format', 'json']);
  assert.equal(run.attempts, '');
  const report = JSON.parse(run.stdout) as { files: { path: string; findings: { ruleId: string; message: string }[] }[] };
  const reported = report.files.flatMap((f) => f.findings.filter((x) => /`\$(schema|ref)`/.test(x.message)).map((x) => `${f.path.slice(f.path.indexOf('remote-refs/') + 12)} ${x.ruleId}`));
  assert.deepEqual(reported.sort(), [
    '.prr.yaml unknown-property',
    'readiness.yaml unknown-property',
    'readiness.yaml unknown-property',
    'runbooks/RemoteSlow.md frontmatter-unknown-key',
    'slos/remote.json unknown-property',
    'slos/remote.json unknown-property',
    'slos/remote.openslo.yaml unknown-property',
    'slos/remote.openslo.yaml unknown-property',
  ]);
  const customSchemas = report.files.flatMap((f) => f.findings.filter((x) => x.ruleId === 'custom-schema').map((x) => x.message));
  assert.deepEqual(customSchemas, [
    'custom schema `https://schemas.example.com/team-fields.json` is not used: a remote schema is not fetched: prr never uses the network; use a file in the repository',
    'custom schema `schemas/team-fields.schema.json` is not used: remote $ref `https://schemas.example.com/defs.json#/costCenter` is not fetched: prr never uses the network; this schema is not used',
  ]);
});

/** Runs `node <args>` under strace; returns the internet sockets and connects it saw. */
function traced(args: readonly string[]): { code: number | null; stdout: string; calls: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'prr-strace-'));
  const log = join(dir, 'calls.log');
  try {
    const run = spawnSync('strace', ['-f', '-qq', '-e', 'trace=socket,connect', '-o', log, process.execPath, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 });
    const calls = existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter((l) => NETWORK_CALL.test(l)) : [];
    return { code: run.status, stdout: run.stdout, calls };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const straceSkip = STRACE ? false : 'strace is not installed or may not trace here';

test('strace sees a connect (so its silence below means something)', { skip: straceSkip }, () => {
  const run = traced(['-e', "require('node:net').connect(9, '127.0.0.1').on('error', () => {})"]);
  assert.ok(run.calls.some((c) => c.includes('connect(')), run.calls.join('\n'));
});

test('strace: prr check of examples/, the remote references and ../shared/corpus opens no socket', { skip: straceSkip }, () => {
  const paths = ['examples', REMOTE_REFS, ...(existsSync(CORPUS) ? [CORPUS] : [])];
  const run = traced([join(root, 'dist', 'cli.js'), 'check', ...paths, '--format', 'json']);
  assert.deepEqual(run.calls, []);
  assert.ok(JSON.parse(run.stdout).summary.files > 10);
});

test('strace: the language server indexing and checking the remote references opens no socket', { skip: straceSkip }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'prr-strace-'));
  const log = join(dir, 'calls.log');
  try {
    const folder = pathToFileURL(root).href;
    await withServer({ rootUri: `${folder}/test/fixtures/remote-refs`, launcher: ['strace', '-f', '-qq', '-e', 'trace=socket,connect', '-o', log] }, async (server) => {
      await server.nextLog(/indexed \d+ files/, 30_000);
      for (const path of ['readiness.yaml', 'slos/remote.openslo.yaml', 'runbooks/RemoteSlow.md']) {
        const uri = `${folder}/test/fixtures/remote-refs/${path}`;
        const published = server.nextDiagnostics(uri, () => true, 20_000);
        await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: path.endsWith('.md') ? 'markdown' : 'yaml', version: 1, text: readFileSync(fileURLToPath(uri), 'utf8') } });
        await published;
        // Links and hovers are where a careless server would reach out for a URL.
        await server.connection.sendRequest('textDocument/documentLink', { textDocument: { uri } });
        await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 2 } });
      }
    });
    const calls = readFileSync(log, 'utf8').split('\n').filter((l) => NETWORK_CALL.test(l));
    assert.deepEqual(calls, []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
