// readText/readTextSync (server/src/node/read-text.ts) against what a repository can link to:
// only regular files are opened, and never more than the limit is read, whatever the file
// says its size is (a /proc file says 0 and has no end).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readText, readTextSync } from '../../server/src/node/read-text';

test('a device is not read; a file that says size 0 is read up to the limit and no further', { timeout: 20_000 }, async () => {
  for (const read of [readTextSync, readText]) {
    const device = await read('/dev/zero', 1024);
    assert.equal(device.ok, false);
    assert.match(device.ok ? '' : device.reason, /not a regular file/);
    if (existsSync('/proc/self/pagemap')) {
      // Says size 0, never ends (readFile read it to 10 GB): refused or cut at the limit, at once.
      const proc = await read('/proc/self/pagemap', 64 * 1024);
      assert.equal(proc.ok, false);
      // A small /proc file that also says size 0 is read whole.
      const status = await read('/proc/self/status', 64 * 1024);
      assert.match(status.ok ? status.text : '', /^Name:/);
    }
  }
});

test('an ordinary file is read whole, UTF-8 and UTF-16 alike', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'prr-read-'));
  try {
    writeFileSync(join(dir, 'a.yaml'), 'a: 1\n'.repeat(30_000));
    writeFileSync(join(dir, 'b.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('b: 2\n', 'utf16le')]));
    for (const read of [readTextSync, readText]) {
      assert.deepEqual(await read(join(dir, 'a.yaml')), { ok: true, text: 'a: 1\n'.repeat(30_000) });
      assert.deepEqual(await read(join(dir, 'b.yaml')), { ok: true, text: 'b: 2\n' });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
