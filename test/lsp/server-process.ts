// Starts the built language server (dist/server.js) as a real child process and talks
// LSP to it with vscode-languageserver-protocol, as an editor would.

import { fork, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import {
  createProtocolConnection,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

export const SERVER = join(__dirname, '..', '..', 'dist', 'server.js');

export interface ServerSession {
  connection: ProtocolConnection;
  initialize: InitializeResult;
  /** Every publishDiagnostics notification received, in order. */
  published: PublishDiagnosticsParams[];
  /** Resolves with the first publication for `uri` (after those already seen) that satisfies `accept`. */
  nextDiagnostics(uri: string, accept?: (p: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  configurationRequests: number;
  /** Resolves when the server logs a message matching `pattern` (window/logMessage), including earlier ones. */
  nextLog(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Resolves when the server asks the client to re-pull diagnostics (workspace/diagnostic/refresh). */
  refreshed: Promise<void>;
  /** What the server wrote to stderr (read as it comes, so a full pipe never blocks the server). */
  stderr: string[];
  /** Kills the process (a server stuck in a loop answers no shutdown request). */
  kill(): void;
  close(): Promise<void>;
}

export interface StartOptions {
  transport?: 'stdio' | 'ipc';
  capabilities?: ClientCapabilities;
  /** The answer to workspace/configuration for the `prr` section. */
  settings?: unknown;
  /** The workspace folder (a file URI), scanned by the server at start. */
  rootUri?: string;
  /** Node options before the server script (e.g. `--require` a preload). */
  nodeArgs?: string[];
  /** Sent as `initializationOptions` (e.g. `{ trusted: false }`). */
  initializationOptions?: unknown;
  /** stdio only: a command that runs node (e.g. `['strace', '-f', '-o', log]`). */
  launcher?: string[];
}

/** Runs `body` against a fresh server and always shuts the server down, even when an assertion fails. */
export async function withServer(options: StartOptions, body: (server: ServerSession) => Promise<void>): Promise<void> {
  const server = await startServer(options);
  try {
    await body(server);
  } finally {
    await server.close();
  }
}

export async function startServer(options: StartOptions = {}): Promise<ServerSession> {
  const child: ChildProcess = options.transport === 'ipc'
    ? fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], ...(options.nodeArgs ? { execArgv: options.nodeArgs } : {}) })
    : spawn(options.launcher?.[0] ?? process.execPath, [...(options.launcher ? [...options.launcher.slice(1), process.execPath] : []), ...(options.nodeArgs ?? []), SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = options.transport === 'ipc'
    ? createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child))
    : createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published: PublishDiagnosticsParams[] = [];
  const waiters: { uri: string; accept: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    published.push(params);
    for (const waiter of [...waiters]) {
      if (waiter.uri === params.uri && waiter.accept(params)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(params);
      }
    }
  });
  const session = { configurationRequests: 0, stderr: [] as string[] } as ServerSession;
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => session.stderr.push(chunk));
  const logs: string[] = [];
  const logWaiters: { pattern: RegExp; resolve: (message: string) => void }[] = [];
  connection.onNotification('window/logMessage', ({ message }: { message: string }) => {
    logs.push(message);
    for (const waiter of logWaiters.filter((w) => w.pattern.test(message))) {
      logWaiters.splice(logWaiters.indexOf(waiter), 1);
      waiter.resolve(message);
    }
  });
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => {
    session.configurationRequests++;
    return params.items.map(() => options.settings ?? null);
  });
  session.refreshed = new Promise<void>((resolve) => connection.onRequest('workspace/diagnostic/refresh', () => {
    resolve();
    return null;
  }));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.listen();
  const initialize = (await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: options.rootUri ?? null,
    capabilities: options.capabilities ?? { workspace: { configuration: true } },
    ...(options.initializationOptions !== undefined ? { initializationOptions: options.initializationOptions } : {}),
  })) as InitializeResult;
  await connection.sendNotification('initialized', {});
  return Object.assign(session, {
    connection,
    initialize,
    published,
    nextDiagnostics(uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 5000) {
      return new Promise<PublishDiagnosticsParams>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
        waiters.push({ uri, accept, resolve: (p) => { clearTimeout(timer); resolve(p); } });
      });
    },
    nextLog(pattern: RegExp, timeoutMs = 5000) {
      const seen = logs.find((m) => pattern.test(m));
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no log message matching ${pattern} within ${timeoutMs} ms`)), timeoutMs);
        logWaiters.push({ pattern, resolve: (m) => { clearTimeout(timer); resolve(m); } });
      });
    },
    kill() {
      child.kill('SIGKILL');
      connection.dispose();
    },
    async close() {
      if (child.exitCode !== null) return;
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      await new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));
      connection.dispose();
    },
  });
}
