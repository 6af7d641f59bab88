// prr's language server in two other real LSP clients, configured exactly as the README's
// "Use it in other editors" section says (its Neovim and Emacs snippets are extracted and
// loaded): headless Neovim (Debian's neovim, 0.7) gets the diagnostics of the payments
// manifest, a quick fix (applied, the diagnostic goes) and schema completion; Emacs 28 with eglot (emacs-nox, elpa-eglot,
// elpa-yaml-mode) gets the diagnostics. `prr-language-server` is the package's bin, put on
// PATH the way npm would. Run by `npm run test:editors` (CI installs the editors: .ci/run).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const MANIFEST = 'payments-worker/payments-worker.readiness.yaml';

/** The first ```LANG block of the README's "Use it in other editors" section. */
function readmeSnippet(lang: string): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.split(/^## /m).find((s) => s.startsWith('Use it in other editors'));
  assert.ok(section, 'README has a "Use it in other editors" section');
  const block = new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(section);
  assert.ok(block, `the section has a \`\`\`${lang} block`);
  return block[1];
}

interface Sandbox { dir: string; workspace: string; env: NodeJS.ProcessEnv; out: string }

function sandbox(): Sandbox {
  const dir = mkdtempSync(join(tmpdir(), 'prr-editors-'));
  const workspace = join(dir, 'workspace');
  cpSync(join(ROOT, 'examples'), workspace, { recursive: true });
  // What `npm install -g prr` puts on PATH: a `prr-language-server` that runs dist/server.js.
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'prr-language-server'), `#!/bin/sh\nexec "${process.execPath}" "${join(ROOT, 'dist', 'server.js')}" "$@"\n`, { mode: 0o755 });
  const home = join(dir, 'home');
  mkdirSync(home);
  return { dir, workspace, out: join(dir, 'out.json'), env: { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH}`, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_STATE_HOME: join(home, '.state'), XDG_DATA_HOME: join(home, '.data') } };
}

const EXPECTED = [
  ['unknown-property', 12, 2, 'unknown property `lifecyle` in `spec` — did you mean `lifecycle`?'],
  ['invalid-enum', 13, 8, '`spec.tier` must be one of `1`, `2`, `3`, `4`; got `5`'],
  ['invalid-enum', 29, 14, undefined],
  ['missing-property', 38, 6, 'missing required property `severity` in `spec.alerts[1]`'],
  ['invalid-format', 43, 12, '`spec.security.review.date` must be a date (YYYY-MM-DD); got `2025-13-40`'],
] as const;

/** The editors wait for this set of rule codes, then report what they have. */
const PRR_E2E_EXPECT = EXPECTED.map(([code]) => code).sort().join(',');

function assertDiagnostics(got: { code: string; line: number; col: number; message: string }[]): void {
  const sorted = [...got].sort((a, b) => a.line - b.line);
  assert.deepEqual(sorted.map((d) => [d.code, d.line, d.col]), EXPECTED.map(([code, line, col]) => [code, line, col]));
  for (const [i, [, , , message]] of EXPECTED.entries()) if (message) assert.equal(sorted[i].message, message);
}

test('Neovim (headless) with the README snippet: diagnostics, a quick fix and completion', { timeout: 60_000 }, () => {
  const box = sandbox();
  try {
    const init = join(box.dir, 'init.lua');
    writeFileSync(init, readmeSnippet('lua'));
    const run = spawnSync('nvim', ['--headless', '-u', init, '-i', 'NONE', '-c', `luafile ${join(__dirname, 'editors', 'nvim-driver.lua')}`, MANIFEST], {
      cwd: box.workspace, env: { ...box.env, PRR_E2E_OUT: box.out, PRR_E2E_EXPECT }, encoding: 'utf8', timeout: 50_000,
    });
    assert.equal(run.error, undefined, `nvim could not run (apt-get install -y neovim): ${run.error?.message}`);
    const out = JSON.parse(readFileSync(box.out, 'utf8')) as { error?: string; clients: string[]; diagnostics: { code: string; line: number; col: number; message: string }[]; actions: { title: string; kind: string; edit?: unknown }[]; completion: string[]; fixed_line?: string; after_fix: string[] };
    assert.equal(out.error, undefined, `${out.error}\n${run.stderr}`);
    assert.deepEqual(out.clients, ['prr']);
    assertDiagnostics(out.diagnostics);
    const fix = out.actions.find((a) => /lifecycle/.test(a.title));
    assert.ok(fix, `a quick fix names lifecycle (got ${out.actions.map((a) => a.title).join(' | ')})`);
    assert.equal(fix.kind, 'quickfix');
    assert.ok(fix.edit, 'the fix carries its edit');
    assert.match(JSON.stringify(fix.edit), /"newText":"lifecycle"/);
    assert.equal(out.fixed_line, '  lifecycle: production          # deliberate: misspelled key, should be `lifecycle`');
    assert.deepEqual(out.after_fix.sort(), ['invalid-enum', 'invalid-enum', 'invalid-format', 'missing-property'], 'the applied fix removed the diagnostic');
    // `lifecycle` is now present, so it is no longer offered.
    for (const key of ['observability', 'infrastructure', 'exemptions']) assert.ok(out.completion.includes(key), `completion offers ${key} (got ${out.completion.join(', ')})`);
  } finally {
    rmSync(box.dir, { recursive: true, force: true });
  }
});

test('Emacs (batch) with eglot and the README snippet: diagnostics', { timeout: 60_000 }, () => {
  const box = sandbox();
  try {
    const snippet = join(box.dir, 'prr-eglot.el');
    writeFileSync(snippet, readmeSnippet('elisp'));
    const run = spawnSync('emacs', ['--batch', '-Q', '-l', join(__dirname, 'editors', 'emacs-driver.el')], {
      cwd: box.workspace, encoding: 'utf8', timeout: 50_000,
      env: { ...box.env, PRR_E2E_OUT: box.out, PRR_E2E_EXPECT, PRR_E2E_SNIPPET: snippet, PRR_E2E_FILE: join(box.workspace, MANIFEST) },
    });
    assert.equal(run.error, undefined, `emacs could not run (apt-get install -y emacs-nox elpa-eglot elpa-yaml-mode): ${run.error?.message}`);
    assert.equal(run.status, 0, run.stderr);
    const out = JSON.parse(readFileSync(box.out, 'utf8')) as { mode: string; diagnostics: { code: string; range: { start: { line: number; character: number } }; message: string }[] };
    assert.equal(out.mode, 'yaml-mode');
    assertDiagnostics(out.diagnostics.map((d) => ({ code: d.code, line: d.range.start.line, col: d.range.start.character, message: d.message })));
  } finally {
    rmSync(box.dir, { recursive: true, force: true });
  }
});
