// npm run test:vscode — the same extension-host tests (test/e2e/vscode/) in desktop VS Code
// through @vscode/test-electron. It DOWNLOADS VS Code from Microsoft's update site into
// .vscode-test/ on first use, so it needs the network; where there is none (CI here), use
// `npm run test:e2e`, which runs the same tests in code-server.

import { runTests } from '@vscode/test-electron';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleTests } from './bundle';

const ROOT = join(__dirname, '..', '..');

async function main(): Promise<void> {
  const extensionTestsPath = await bundleTests();
  const temp = mkdtempSync(join(tmpdir(), 'prr-vscode-'));
  const workspace = join(temp, 'workspace');
  cpSync(join(ROOT, 'examples'), workspace, { recursive: true });
  const results = join(temp, 'results.jsonl');
  try {
    await runTests({
      version: process.env.PRR_VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: ROOT,
      extensionTestsPath,
      extensionTestsEnv: { PRR_E2E_RESULTS: results },
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', join(temp, 'user-data')],
    });
  } finally {
    try { process.stdout.write(readFileSync(results, 'utf8')); } catch { /* the run did not start */ }
    rmSync(temp, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
