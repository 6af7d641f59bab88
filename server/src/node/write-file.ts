// Writes a file so that it is never half-written: the text goes to a temporary file in the
// same folder, which is flushed and then renamed over the target (atomic on POSIX file
// systems). An interrupted write leaves the original untouched; at worst a stray
// `.<name>.prr-<pid>-<time>.tmp` stays behind, never a truncated target. The new file gets the
// old one's permissions and, where the process may set them (root in a CI container), its owner
// and group; other hard links to the old file keep the old text, as with any editor that saves
// by renaming.

import { isUtf8 } from 'node:buffer';
import { chmodSync, closeSync, fchownSync, fsyncSync, lstatSync, openSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export function writeFileAtomic(path: string, text: string): void {
  writeChunksAtomic(path, [text]);
}

/** The same for output produced piece by piece (a report of a thousand services is tens of megabytes). */
export function writeChunksAtomic(path: string, chunks: Iterable<string>): void {
  // Through a symbolic link to the file it names (replacing the link would surprise), keeping
  // the file's permissions (a new temporary file would get the default ones).
  if (existingRealPath(path) === undefined && isLink(path)) {
    // A link that names no file: writing through it would create a file wherever the link points (outside the
    // repository, for a link a hostile one committed); replacing it would drop what someone put there.
    throw new Error(`${path} is a symbolic link to a file that does not exist; not written`);
  }
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
      if (existing) keepOwner(fd, existing);
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

/** Gives the new file the old one's owner and group when they differ and the process may (only root may give a file away). */
function keepOwner(fd: number, existing: Stats): void {
  if (existing.uid === process.getuid?.() && existing.gid === process.getgid?.()) return;
  try {
    fchownSync(fd, existing.uid, existing.gid);
  } catch {
    // Not permitted: the file becomes the writer's, as when an editor saves it.
  }
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
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
 * the file had one. Returns why it did not, if it did not: UTF-16 files are left alone rather
 * than re-encoded, and so are files that are not valid UTF-8 (Latin-1, say) — their text was read
 * with U+FFFD for each byte that is not, and writing it back would replace those bytes — and files
 * whose text is no longer `checked`, the text the fixes were made for.
 */
export function writeFixedText(path: string, text: string, checked?: string): string | undefined {
  const bytes = readFileSync(path);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return 'UTF-16 files are not rewritten';
  if (!isUtf8(bytes)) return 'the file is not valid UTF-8, and rewriting it would replace the bytes that are not';
  // Edited since it was read and checked (an editor saved it meanwhile): the fixes were for the old text.
  if (checked !== undefined && new TextDecoder('utf-8').decode(bytes) !== checked) return 'it changed since it was checked; run prr check --fix again';
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? '\uFEFF' : '';
  writeFileAtomic(path, bom + text);
  return undefined;
}
