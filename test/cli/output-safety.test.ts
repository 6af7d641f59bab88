// What the stylish output must survive: control characters from a checked file (shown as
// escapes, never sent to the terminal raw), and a reader that stops reading (`| head`).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { prr, root, workspace } from './run-prr';

test('control characters in a key are escaped in the stylish line, which stays one line', () => {
  const dir = workspace({ 'r.readiness.yaml': 'apiVersion: prr/v1\nkind: ServiceReadiness\nmetadata:\n  name: s\nspec:\n  owner: x\n  tier: 1\n  "\\e[2J\\e]0;pwned\\a\\nx": 1\n' });
  try {
    const run = prr(['check', 'r.readiness.yaml'], { cwd: dir });
    assert.equal(run.stdout, 'r.readiness.yaml:8:3  error  unknown-property  unknown property `\\x1b[2J\\x1b]0;pwned\\x07\\nx` in `spec`\n1 error in 1 file; 1 file checked\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a reader that closes the pipe early ends the run quietly, with the run\'s exit code', async () => {
  // More output than a pipe holds (about 1.5 MB), so the writer is still writing when the reader goes away.
  const keys = Array.from({ length: 1000 }, (_, i) => `  unknown${i}: 1`).join('\n');
  const files = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`s${i}/readiness.yaml`, `apiVersion: prr/v1\nkind: ServiceReadiness\nmetadata:\n  name: s${i}\nspec:\n  owner: x\n  tier: 1\n${keys}\n`]));
  const dir = workspace(files);
  try {
    const child = spawn(process.execPath, [join(root, 'dist', 'cli.js'), 'check', '.'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise((resolve) => child.once('close', resolve));
    assert.equal(stderr, '');
    assert.equal(code, 1, 'the files have errors');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
