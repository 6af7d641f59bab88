// writeFileAtomic (server/src/node/write-file.ts): what a rename over the target must not
// change — the file's permissions, a symbolic link that names it — and targets that are not
// regular files (/dev/null, for `prr report -o /dev/null`) written in place, never replaced.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, chownSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeChunksAtomic, writeFileAtomic, writeFixedText } from '../../server/src/node/write-file';

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

// Only root may give a file to another user, so only as root can the owner be kept (CI runs as root).
test('a rewritten file keeps its owner and group', { skip: process.getuid?.() === 0 ? false : 'needs root' }, () => inTemp((dir) => {
  const file = join(dir, 'readiness.yaml');
  writeFileSync(file, 'a: 1\n');
  chownSync(file, 65534, 65534);
  writeFileAtomic(file, 'a: 2\n');
  assert.deepEqual([statSync(file).uid, statSync(file).gid, readFileSync(file, 'utf8')], [65534, 65534, 'a: 2\n']);
}));

test('fixed text is not written over a file that is not valid UTF-8, nor over UTF-16; a BOM is kept', () => inTemp((dir) => {
  const latin1 = join(dir, 'latin1.yaml');
  const bytes = Buffer.from('# Propri\xe9taire: \xe9quipe\nspec:\n  lifecyle: production\n', 'latin1');
  writeFileSync(latin1, bytes);
  assert.match(writeFixedText(latin1, '# Propri\uFFFDtaire: \uFFFDquipe\nspec:\n  lifecycle: production\n') ?? '', /not valid UTF-8/);
  assert.deepEqual(readFileSync(latin1), bytes);
  const utf16 = join(dir, 'utf16.yaml');
  const wide = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a: 1\n', 'utf16le')]);
  writeFileSync(utf16, wide);
  assert.match(writeFixedText(utf16, 'a: 2\n') ?? '', /UTF-16/);
  assert.deepEqual(readFileSync(utf16), wide);
  const bom = join(dir, 'bom.yaml');
  writeFileSync(bom, '\uFEFFa: 1\n');
  assert.equal(writeFixedText(bom, 'a: 2\n'), undefined);
  assert.equal(readFileSync(bom, 'utf8'), '\uFEFFa: 2\n');
}));

test('fixed text is not written over a file that changed after it was checked', () => inTemp((dir) => {
  const file = join(dir, 'readiness.yaml');
  writeFileSync(file, 'kind: ServiceReadines\n# IMPORTANT EDIT\n');
  assert.match(writeFixedText(file, 'kind: ServiceReadiness\n', 'kind: ServiceReadines\n') ?? '', /changed since it was checked/);
  assert.equal(readFileSync(file, 'utf8'), 'kind: ServiceReadines\n# IMPORTANT EDIT\n');
  assert.equal(writeFixedText(file, 'kind: ServiceReadiness\n# IMPORTANT EDIT\n', 'kind: ServiceReadines\n# IMPORTANT EDIT\n'), undefined);
}));
