// Keeps one failing handler from taking the server down: the failure is logged with the LSP
// method and the document's URI, the request is answered with its empty result, and every
// other document is served as before. vscode-jsonrpc would otherwise answer an exception
// with an error response that editors show as a popup, and a failure in a notification
// handler would go unanswered and unlogged with no URI to find it by.
//
// Test hook: `PRR_TEST_THROW="<method>[,<method>…][ <uri-part>]"` makes the handlers for those
// methods throw (only for documents whose URI contains `<uri-part>`, when given), so a test can check that
// a failure is survived without waiting for the fuzzer to find a real one. Unset — as it is
// in every normal run — the hook does nothing.

import type { Connection } from 'vscode-languageserver/node';

const hook = parseHook(process.env.PRR_TEST_THROW);

export interface Guard {
  /** Runs `work` for `method` on `uri`; an exception is logged and `empty` returned instead. */
  run<T>(method: string, uri: string | undefined, empty: T, work: () => T): T;
  /** The same for asynchronous work: a rejection is logged and `empty` returned instead. */
  runAsync<T>(method: string, uri: string | undefined, empty: T, work: () => Promise<T>): Promise<T>;
}

export function createGuard(connection: Connection): Guard {
  const report = (method: string, uri: string | undefined, error: unknown) => {
    const detail = error instanceof Error ? error.stack ?? error.message : String(error);
    connection.console.error(`prr: ${method} failed${uri ? ` for ${uri}` : ''}: ${detail}`);
  };
  return {
    run(method, uri, empty, work) {
      try {
        throwIfTesting(method, uri);
        return work();
      } catch (error) {
        report(method, uri, error);
        return empty;
      }
    },
    async runAsync(method, uri, empty, work) {
      try {
        throwIfTesting(method, uri);
        return await work();
      } catch (error) {
        report(method, uri, error);
        return empty;
      }
    },
  };
}

/** The test hook (see the header); also used by handlers that keep their own try/catch. */
export function throwIfTesting(method: string, uri: string | undefined): void {
  if (hook && hook.methods.includes(method) && (hook.uriPart === undefined || (uri ?? '').includes(hook.uriPart))) {
    throw new Error(`PRR_TEST_THROW: deliberate failure in ${method}`);
  }
}

function parseHook(value: string | undefined): { methods: string[]; uriPart?: string } | undefined {
  const [methods, uriPart] = (value ?? '').trim().split(/\s+/, 2);
  if (!methods) return undefined;
  return { methods: methods.split(','), ...(uriPart ? { uriPart } : {}) };
}
