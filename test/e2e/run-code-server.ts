// npm run test:e2e — the extension as a user gets it, in a real VS Code workbench:
// 1. the extension-host tests (test/e2e/vscode/) run inside code-server's extension host
//    against the packaged prr.vsix, installed into a throwaway extensions folder;
// 2. a UI smoke test drives the workbench in headless Chromium: squiggles, Problems panel,
//    the status-bar item and "PRR: Show Readiness Report" from the command palette, with
//    screenshots in test-results/;
// 3. a second code-server with workspace trust on: restricted mode and .prr.yaml (ui-trust.ts).
// Prints each result and a closing "N passed, N failed"; exits 1 on any failure.

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { bundleTests } from './bundle';
import { ensureCodeServer, installExtension, sandboxEnv, startCodeServer, type Running } from './code-server';
import { uiSmoke } from './ui-smoke';
import type { Outcome } from './workbench';
import { uiTrust, writeTrustWorkspace } from './ui-trust';

const ROOT = join(__dirname, '..', '..');
const CHROMIUM = '/usr/bin/chromium';
export const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const EXTENSION_TESTS_MS = 240_000;

const log = (line: string) => console.log(`[e2e] ${line}`);
const elapsed = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

async function main(): Promise<number> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (see .ci/run)`);
  let t = Date.now();
  const installed = ensureCodeServer(log);
  log(`code-server ready (${elapsed(t)})`);

  t = Date.now();
  const pack = spawnSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, encoding: 'utf8' });
  if (pack.status !== 0) throw new Error(`npm run package failed:\n${pack.stdout}\n${pack.stderr}`);
  const tests = await bundleTests();
  log(`packaged prr.vsix and bundled the tests (${elapsed(t)})`);

  const temp = mkdtempSync(join(tmpdir(), 'prr-e2e-'));
  const dirs = { userData: join(temp, 'user-data'), extensions: join(temp, 'extensions') };
  const env = sandboxEnv(installed, join(temp, 'home'), { PRR_E2E_RESULTS: join(temp, 'results.jsonl') });
  // Two copies of examples/: the extension-host tests write into theirs.
  const hostWorkspace = join(temp, 'host-workspace');
  const uiWorkspace = join(temp, 'ui-workspace');
  cpSync(join(ROOT, 'examples'), hostWorkspace, { recursive: true });
  cpSync(join(ROOT, 'examples'), uiWorkspace, { recursive: true });
  const trustWorkspace = join(temp, 'trust-workspace');
  writeTrustWorkspace(trustWorkspace);

  t = Date.now();
  installExtension(installed, join(ROOT, 'prr.vsix'), dirs.extensions, env);
  const extensionDir = readdirSync(dirs.extensions).find((d) => d.startsWith('prr-dev.prr-'));
  if (!extensionDir) throw new Error(`prr.vsix did not install into ${dirs.extensions}: ${readdirSync(dirs.extensions).join(', ')}`);
  log(`installed prr.vsix as ${extensionDir} (${elapsed(t)})`);

  let server: Running | undefined;
  let browser: Browser | undefined;
  const outcomes: Outcome[] = [];
  try {
    t = Date.now();
    server = await startCodeServer(installed, dirs, env);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    log(`code-server on ${server.url}, Chromium up (${elapsed(t)})`);

    t = Date.now();
    outcomes.push(...await extensionHostTests(browser, server, join(dirs.extensions, extensionDir), tests, hostWorkspace, join(temp, 'results.jsonl')));
    log(`extension-host tests (${elapsed(t)})`);

    t = Date.now();
    outcomes.push(...await uiSmoke(browser, server.url, uiWorkspace, join(ROOT, 'test-results')));
    log(`UI smoke test (${elapsed(t)})`);

    // Its own server and user data: trust is a server-wide switch, and the trust decision
    // is stored per user-data folder.
    t = Date.now();
    server.stop();
    // code-server opens an untrusted folder in restricted mode without asking; "always"
    // brings back VS Code's trust prompt, so the test answers it as a user would.
    mkdirSync(join(temp, 'trust-user-data', 'User'), { recursive: true });
    writeFileSync(join(temp, 'trust-user-data', 'User', 'settings.json'), JSON.stringify({ 'security.workspace.trust.startupPrompt': 'always' }));
    server = await startCodeServer(installed, { ...dirs, userData: join(temp, 'trust-user-data') }, env, { workspaceTrust: true });
    outcomes.push(...await uiTrust(browser, server.url, trustWorkspace, join(ROOT, 'test-results')));
    log(`UI workspace-trust test (${elapsed(t)})`);
  } finally {
    await browser?.close();
    server?.stop();
  }
  for (const o of outcomes) console.log(`${o.ok ? 'ok    ' : 'FAILED'} ${o.name}${o.ok ? '' : `\n${o.error}`}`);
  const failed = outcomes.filter((o) => !o.ok).length;
  console.log(`e2e: ${outcomes.length - failed} passed, ${failed} failed`);
  if (failed === 0) rmSync(temp, { recursive: true, force: true });
  else log(`kept ${temp} for a look`);
  return failed === 0 && outcomes.length > 0 ? 0 : 1;
}

/**
 * The smoke-test driver payload: the workbench loads extensionDevelopmentPath (here the
 * installed .vsix) and runs extensionTestsPath's run() in the extension host, then calls
 * window.codeAutomationExit(code).
 */
async function extensionHostTests(browser: Browser, server: Running, extension: string, tests: string, workspace: string, results: string): Promise<Outcome[]> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  let exited: (code: number) => void = () => undefined;
  const exit = new Promise<number>((resolve) => { exited = resolve; });
  await page.exposeFunction('codeAutomationExit', (code: number) => exited(code));
  const remote = (path: string) => `vscode-remote://${server.authority}${path}`;
  const payload = JSON.stringify([['extensionDevelopmentPath', remote(extension)], ['extensionTestsPath', remote(tests)]]);
  await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`);
  let timer: NodeJS.Timeout | undefined;
  const code = await Promise.race([exit, new Promise<'timeout'>((r) => { timer = setTimeout(() => r('timeout'), EXTENSION_TESTS_MS); })]);
  clearTimeout(timer);
  await page.close();
  const lines = existsSync(results) ? readFileSync(results, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { test?: string; ok?: boolean; ms?: number; error?: string; done?: boolean }) : [];
  const outcomes: Outcome[] = lines.filter((l) => l.test !== undefined).map((l) => ({ name: `extension host: ${l.test} (${l.ms} ms)`, ok: l.ok === true, error: l.error }));
  const done = lines.some((l) => l.done);
  if (code === 'timeout' || !done) outcomes.push({ name: 'extension host: the test run finished', ok: false, error: code === 'timeout' ? `no codeAutomationExit within ${EXTENSION_TESTS_MS} ms\n${server.output().slice(-4000)}` : `exit ${code} before the tests reported done` });
  else outcomes.push({ name: `extension host: codeAutomationExit(${code})`, ok: code === 0, error: `exit code ${code}` });
  return outcomes;
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
