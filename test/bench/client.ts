// The minimal LSP client the benches drive servers with: answers the server's requests
// (configuration from `settings`, capability registration, progress) and knows when
// prr says it is ready (schemas compiled) and warmed up (its idle warm-up done); other
// servers never say so. PRR_BENCH_LOG=1 prints the server's log messages.

import type { ChildProcess } from 'node:child_process';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';

export function benchConnection(child: ChildProcess, settings: (section: string | undefined) => unknown): { connection: ProtocolConnection; prrReady: Promise<void>; prrWarm: Promise<void> } {
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map((i) => settings(i.section)));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  let ready = () => {};
  let warm = () => {};
  const prrReady = new Promise<void>((resolve) => (ready = resolve));
  const prrWarm = new Promise<void>((resolve) => (warm = resolve));
  connection.onNotification('window/logMessage', ({ message }: { message: string }) => {
    if (message.startsWith('prr: ready')) ready();
    if (message.startsWith('prr: warmed up')) warm();
    if (process.env.PRR_BENCH_LOG) console.log('server:', message);
  });
  return { connection, prrReady, prrWarm };
}
