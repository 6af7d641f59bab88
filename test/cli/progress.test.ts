// The progress counter: only on a terminal and only for large trees, updated in place
// with \r, throttled, and wiped at the end.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createProgress, PROGRESS_THRESHOLD } from '../../server/src/cli/progress';

function stream(isTTY: boolean) {
  const writes: string[] = [];
  return { isTTY, writes, write: (text: string) => writes.push(text) };
}

test('no progress on a pipe, or for a small tree', () => {
  for (const [tty, total] of [[false, 10_000], [true, PROGRESS_THRESHOLD]] as const) {
    const out = stream(tty);
    const progress = createProgress(total, out);
    for (let i = 1; i <= total; i++) progress.update('checking', i);
    progress.finish();
    assert.deepEqual(out.writes, []);
  }
});

test('on a terminal: \\r-updated counts, throttled, the last count always shown, the line cleared at the end', () => {
  const out = stream(true);
  let now = 0;
  const progress = createProgress(1000, out, () => now);
  for (let i = 1; i <= 1000; i++) {
    now += 1; // 1 ms a file: an update every 80 files or so, not one a file
    progress.update('checking', i);
  }
  assert.ok(out.writes.length > 5 && out.writes.length < 20, `${out.writes.length} updates`);
  assert.equal(out.writes[0], '\rchecking 1/1000 files');
  assert.equal(out.writes.at(-1), '\rchecking 1000/1000 files');
  for (const w of out.writes) assert.match(w, /^\rchecking \d+\/1000 files$/);
  progress.finish();
  assert.equal(out.writes.at(-1), `\r${' '.repeat('checking 1000/1000 files'.length)}\r`);
});

test('a shorter line after a longer one blanks the rest', () => {
  const out = stream(true);
  let now = 0;
  const progress = createProgress(500, out, () => (now += 100));
  progress.update('checking', 500);
  progress.update('reading', 1);
  assert.equal(out.writes[1], `\rreading 1/500 files${' '.repeat('checking 500/500 files'.length - 'reading 1/500 files'.length)}`);
});
