// Installs the pinned code-server (test/e2e/code-server/package-lock.json) into a cache
// folder outside the repo, so `npm ci` stays fast for everyone, and starts it for one test
// run in a throwaway home, user-data and extensions folder.
//
// code-server 4.139 (VS Code 1.139) needs Node 24; the npm package `node` ships that binary
// through the registry, and it runs code-server only. Older code-server releases that accept
// Node 20 download ripgrep from GitHub in their postinstall, which this network refuses.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

const NODE_VERSION = '24.21.0';
const SPEC = join(__dirname, 'code-server');
export const CACHE = process.env.PRR_E2E_CACHE ?? join(homedir(), '.cache', 'prr-e2e');

export interface Installed { bin: string; path: string }

/** Installs once per lockfile content; later runs find the marker and return at once. */
export function ensureCodeServer(log: (line: string) => void): Installed {
  const nodeDir = join(CACHE, `node-${NODE_VERSION}`);
  const nodeBin = join(nodeDir, 'node_modules', 'node', 'bin');
  if (!existsSync(join(nodeDir, '.installed'))) {
    log(`installing node@${NODE_VERSION} into ${nodeDir}`);
    rmSync(nodeDir, { recursive: true, force: true });
    mkdirSync(nodeDir, { recursive: true });
    writeFileSync(join(nodeDir, 'package.json'), JSON.stringify({ private: true, dependencies: { node: NODE_VERSION } }));
    npm(['install', '--no-audit', '--no-fund'], nodeDir, process.env);
    writeFileSync(join(nodeDir, '.installed'), '');
  }
  const path = `${nodeBin}${delimiter}${process.env.PATH ?? ''}`;
  const lock = readFileSync(join(SPEC, 'package-lock.json'));
  const dir = join(CACHE, `code-server-${createHash('sha256').update(lock).digest('hex').slice(0, 12)}`);
  if (!existsSync(join(dir, '.installed'))) {
    log(`installing code-server (${SPEC}/package.json) into ${dir}; ~3 min, ~620 MB`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    cpSync(join(SPEC, 'package.json'), join(dir, 'package.json'));
    cpSync(join(SPEC, 'package-lock.json'), join(dir, 'package-lock.json'));
    // Its postinstall builds native modules (node-gyp; Debian's libkrb5-dev) and refuses
    // to run as root unless told; npm must run on Node 24 for its version check.
    npm(['ci', '--no-audit', '--no-fund'], dir, { ...withoutNpmVariables(process.env), PATH: path, npm_config_unsafe_perm: 'true' });
    writeFileSync(join(dir, '.installed'), '');
  }
  return { bin: join(dir, 'node_modules', '.bin', 'code-server'), path };
}

/**
 * Under `npm run`, npm_config_user_agent names the outer npm's Node 20 and the inner npm
 * would pass it on to code-server's version check: start from a clean npm environment.
 */
function withoutNpmVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !/^npm_/i.test(name)));
}

function npm(args: string[], cwd: string, env: NodeJS.ProcessEnv): void {
  const run = spawnSync('npm', args, { cwd, env, stdio: ['ignore', 'inherit', 'inherit'] });
  if (run.status !== 0) throw new Error(`npm ${args.join(' ')} in ${cwd} failed (exit ${run.status})`);
}

/** A throwaway home: code-server otherwise writes config and state into ~. */
export function sandboxEnv(installed: Installed, home: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra, PATH: installed.path, HOME: home };
  for (const [name, sub] of [['XDG_CONFIG_HOME', 'config'], ['XDG_DATA_HOME', 'data'], ['XDG_STATE_HOME', 'state'], ['XDG_CACHE_HOME', 'cache']]) {
    env[name] = join(home, sub);
  }
  return env;
}

export function installExtension(installed: Installed, vsix: string, extensionsDir: string, env: NodeJS.ProcessEnv): void {
  const run = spawnSync(installed.bin, ['--extensions-dir', extensionsDir, '--install-extension', vsix], { env, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`code-server --install-extension failed (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
}

export interface Running { url: string; authority: string; stop(): void; output(): string }

/** `workspaceTrust: true` keeps VS Code's trust prompt and restricted mode (the trust test); off by default. */
export async function startCodeServer(installed: Installed, dirs: { userData: string; extensions: string }, env: NodeJS.ProcessEnv, options: { workspaceTrust?: boolean } = {}): Promise<Running> {
  const port = await freePort();
  const child: ChildProcess = spawn(installed.bin, [
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    ...(options.workspaceTrust === true ? [] : ['--disable-workspace-trust']), '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions,
    // Lets the workbench take an extension-tests payload from the URL (see test/e2e/README.md).
    '--vscode-option', 'enable-smoke-test-driver',
  ], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (b: Buffer) => { output += b.toString(); });
  child.stderr?.on('data', (b: Buffer) => { output += b.toString(); });
  const stop = () => {
    // code-server forks its workbench server and extension hosts: end the whole group.
    if (child.pid !== undefined && child.exitCode === null) {
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
    }
  };
  const url = `http://127.0.0.1:${port}`;
  // Bounded wait for the port to answer: 60 s at most.
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}:\n${output}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      stop();
      throw new Error(`code-server did not answer on ${url} within 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, authority: `127.0.0.1:${port}`, stop, output: () => output };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
