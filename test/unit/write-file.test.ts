// writeFileAtomic (server/src/node/write-file.ts): what a rename over the target must not
// change — the file's permissions, a symbolic link that names it — and targets that are not
// regular files (/dev/null, for `prr report -o /dev/null`) written in place, never replaced.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeChunksAtomic, writeFileAtomic } from '../../server/src/node/write-file';

function inTemp(body: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'prr-write-'));
  try {
    body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('a rewritten file keeps its permissions, and no temporary file is left', () => inTemp((dir) => {
  const path = join(dir, 'run.sh');
  writeFileSync(path, 'old');
  chmodSync(path, 0o750);
  writeFileAtomic(path, 'new');
  assert.equal(readFileSync(path, 'utf8'), 'new');
  assert.equal(statSync(path).mode & 0o777, 0o750);
  assert.deepEqual(readdirSync(dir), ['run.sh']);
}));

test('a symbolic link stays a link; the file it names is rewritten', () => inTemp((dir) => {
  writeFileSync(join(dir, 'real.yaml'), 'old');
  symlinkSync('real.yaml', join(dir, 'link.yaml'));
  writeFileAtomic(join(dir, 'link.yaml'), 'new');
  assert.ok(lstatSync(join(dir, 'link.yaml')).isSymbolicLink());
  assert.equal(readFileSync(join(dir, 'real.yaml'), 'utf8'), 'new');
}));

test('chunks are written whole to a new file; /dev/null is written to, not replaced', () => inTemp((dir) => {
  writeChunksAtomic(join(dir, 'report.md'), ['# a', '\n', 'b\n']);
  assert.equal(readFileSync(join(dir, 'report.md'), 'utf8'), '# a\nb\n');
  const before = statSync('/dev/null');
  writeChunksAtomic('/dev/null', ['nothing']);
  assert.ok(statSync('/dev/null').isCharacterDevice());
  assert.equal(statSync('/dev/null').ino, before.ino);
}));

test('a failed write leaves the original and no temporary file', () => inTemp((dir) => {
  const path = join(dir, 'a.yaml');
  writeFileSync(path, 'original');
  const failing = (function* () {
    yield 'partial';
    throw new Error('disk full');
  })();
  assert.throws(() => writeChunksAtomic(path, failing), /disk full/);
  assert.equal(readFileSync(path, 'utf8'), 'original');
  assert.deepEqual(readdirSync(dir), ['a.yaml']);
}));
