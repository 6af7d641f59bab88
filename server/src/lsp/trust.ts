// Workspace trust in the language server: untrusted when the client says so in its
// initializationOptions, trusted from the moment the client reports that the user granted
// it. What an untrusted `.prr.yaml` could not use is logged once per file and content.

import type { Connection, InitializeParams } from 'vscode-languageserver/node';
import { WORKSPACE_TRUSTED_NOTIFICATION, type PrrInitializationOptions } from '../protocol/trust';

export interface Trust {
  /** Reads the client's initializationOptions (call from onInitialize). */
  initialize(params: InitializeParams): void;
  trusted(): boolean;
  /** For ConfigStore: logs the keys an untrusted config file lost, once per file and set of keys. */
  ignored(file: string, keys: readonly string[]): void;
}

export function registerTrust(connection: Connection, granted: () => void): Trust {
  let trusted = true;
  const logged = new Set<string>();
  connection.onNotification(WORKSPACE_TRUSTED_NOTIFICATION, () => {
    if (trusted) return;
    trusted = true;
    connection.console.info('prr: the workspace is trusted now; .prr.yaml files apply in full');
    granted();
  });
  return {
    initialize(params) {
      trusted = (params.initializationOptions as PrrInitializationOptions | null | undefined)?.trusted !== false;
      if (!trusted) connection.console.info('prr: untrusted workspace: .prr.yaml files may only lower severities and choose files; everything else in them is ignored');
    },
    trusted: () => trusted,
    ignored(file, keys) {
      const key = `${file}\u0000${keys.join(',')}`;
      if (logged.has(key)) return;
      logged.add(key);
      connection.console.warn(`prr: untrusted workspace: ignored in ${file}: ${keys.join(', ')}`);
    },
  };
}
