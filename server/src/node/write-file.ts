// Writes a file so that it is never half-written: the text goes to a temporary file in the
// same folder, which is flushed and then renamed over the target (atomic on POSIX file
// systems). An interrupted write leaves the original untouched; at worst a stray
// `.<name>.prr-<pid>-<time>.tmp` stays behind, never a truncated target.

import { chmodSync, closeSync, fsyncSync, openSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export function writeFileAtomic(path: string, text: string): void {
  writeChunksAtomic(path, [text]);
}

/** The same for output produced piece by piece (a report of a thousand services is tens of megabytes). */
export function writeChunksAtomic(path: string, chunks: Iterable<string>): void {
  // Through a symbolic link to the file it names (replacing the link would surprise), keeping
  // the file's permissions (a new temporary file would get the default ones).
  const target = existingRealPath(path) ?? path;
  const existing = statOf(target);
  if (existing && !existing.isFile()) return writeInPlace(target, chunks); // /dev/stdout, a FIFO: nothing to replace
  const mode = existing ? existing.mode & 0o7777 : undefined;
  const temp = join(dirname(target), `.${basename(target)}.prr-${process.pid}-${Date.now()}.tmp`);
  try {
    const fd = openSync(temp, 'wx', mode ?? 0o666);
    try {
      for (const chunk of chunks) writeSync(fd, chunk);
      if (mode !== undefined) chmodSync(temp, mode); // the mode given to open is masked by the umask
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

function existingRealPath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function writeInPlace(path: string, chunks: Iterable<string>): void {
  const fd = openSync(path, 'w');
  try {
    for (const chunk of chunks) writeSync(fd, chunk);
  } finally {
    closeSync(fd);
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
