// Entry of the extension-host tests: the standard contract of VS Code's test runners, a
// module exporting run(). Both runners (test/e2e/run-vscode.ts with @vscode/test-electron,
// test/e2e/run-code-server.ts with code-server) load the bundle built from this file.

import './editing.e2e';
import './commands.e2e';
import './restart.e2e';
import { runAll } from './harness';

export function run(): Promise<void> {
  return runAll();
}
