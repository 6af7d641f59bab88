// The .vsix holds exactly what the extension needs — bundles, schemas, snippets, docs,
// README, CHANGELOG, LICENSE — and no node_modules, and it stays small.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import yauzl from 'yauzl';

const root = join(__dirname, '..', '..');

function entries(zip: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(zip, { lazyEntries: true }, (error, file) => {
      if (error || !file) return reject(error);
      const names: string[] = [];
      file.on('entry', (entry: yauzl.Entry) => {
        names.push(entry.fileName);
        file.readEntry();
      });
      file.on('end', () => resolve(names));
      file.on('error', reject);
      file.readEntry();
    });
  });
}

test('npm run package: the .vsix contents and size', async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'prr-vsix-')), 'prr.vsix');
  const vsce = join(root, 'node_modules', '.bin', 'vsce');
  execFileSync(vsce, ['package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out], { cwd: root, stdio: 'pipe' });
  const names = (await entries(out)).filter((n) => n.startsWith('extension/')).map((n) => n.slice('extension/'.length)).sort();

  const expected = [
    'CHANGELOG.md', 'LICENSE.txt', 'package.json', 'readme.md',
    'dist/cli.js', 'dist/client.js', 'dist/server.js',
    ...readdirSync(join(root, 'schemas')).map((f) => `schemas/${f}`),
    ...readdirSync(join(root, 'snippets')).map((f) => `snippets/${f}`),
    ...(readdirSync(join(root, 'docs'), { recursive: true }) as string[]).filter((f) => f.endsWith('.md')).map((f) => `docs/${f.split(sep).join('/')}`),
  ].map((n) => (n === 'CHANGELOG.md' ? 'changelog.md' : n)).sort();
  assert.deepEqual(names, expected);
  assert.ok(!names.some((n) => n.includes('node_modules')));
  const size = statSync(out).size;
  assert.ok(size < 2 * 1024 * 1024, `the .vsix is ${size} bytes; the budget is 2 MB`);
});

test('the extension manifest: entry point, activation, commands in category PRR, settings, snippets, trust', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  assert.equal(manifest.main, './dist/client.js');
  assert.equal(manifest.bin.prr, './dist/cli.js');
  assert.ok(manifest.engines.vscode);
  assert.ok(manifest.activationEvents.includes('onLanguage:yaml'));
  assert.ok(manifest.activationEvents.some((e: string) => e.startsWith('workspaceContains:') && e.includes('readiness')));
  for (const command of manifest.contributes.commands) assert.equal(command.category, 'PRR', command.command);
  assert.ok(manifest.contributes.commands.some((c: { command: string }) => c.command === 'prr.restartServer'));
  assert.ok(manifest.contributes.configuration.properties['prr.trace.server']);
  assert.ok(manifest.capabilities.untrustedWorkspaces);
  for (const snippet of manifest.contributes.snippets) assert.ok(statSync(join(root, snippet.path)).isFile());
  for (const dep of Object.values({ ...manifest.dependencies, ...manifest.devDependencies }) as string[]) {
    assert.match(dep, /^\d+\.\d+\.\d+$/, 'dependency versions are pinned exactly');
  }
});
