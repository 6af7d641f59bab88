// Writes a file so that it is never half-written: the text goes to a temporary file in the
// same folder, which is then renamed over the target (atomic on POSIX file systems). An
// interrupted write leaves the original untouched.

import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export function writeFileAtomic(path: string, text: string): void {
  const temp = join(dirname(path), `.${basename(path)}.prr-${process.pid}-${Date.now()}.tmp`);
  try {
    const fd = openSync(temp, 'w');
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * Writes fixed text back in the file's own encoding: UTF-8, keeping a byte-order mark if
 * the file had one. UTF-16 files are left alone (returns false), rather than re-encoded.
 */
export function writeFixedText(path: string, text: string): boolean {
  const head = readFileSync(path).subarray(0, 3);
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return false;
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? '\uFEFF' : '';
  writeFileAtomic(path, bom + text);
  return true;
}
