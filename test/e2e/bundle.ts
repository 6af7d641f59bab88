// Bundles the extension-host tests (test/e2e/vscode/) into one CommonJS file that VS Code's
// extension host can require: dist/e2e/vscode-tests.js. `vscode` comes from the host.
import { build } from 'esbuild';
import { join } from 'node:path';

export const E2E_BUNDLE = join(__dirname, '..', '..', 'dist', 'e2e', 'vscode-tests.js');

export async function bundleTests(): Promise<string> {
  await build({
    entryPoints: [join(__dirname, 'vscode', 'index.ts')],
    outfile: E2E_BUNDLE,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode'],
    logLevel: 'warning',
  });
  return E2E_BUNDLE;
}
