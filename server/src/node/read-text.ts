// Reads a file as text the way an editor would: UTF-8 (BOM stripped) or UTF-16 with
// a BOM. Binary content is passed on as it is; the engine reports it. A file that cannot be
// read at all comes back as a reason, not an exception.

import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';

/** `bytes`: set when the file was not read because it is larger than allowed. */
export type TextRead = { ok: true; text: string } | { ok: false; reason: string; bytes?: number };

const MAX_BYTES = 5 * 1024 * 1024;

/**
 * Reads the file unless it is larger than `maxBytes`. Only regular files are opened (a FIFO would block the
 * open, a device never end), and never more than `maxBytes` + 1 bytes are read: a file under /proc says its
 * size is 0 and has no end, so the size is looked at first but not trusted.
 */
export async function readText(path: string, maxBytes = MAX_BYTES): Promise<TextRead> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return notAFile();
    if (info.size > maxBytes) return tooLarge(maxBytes, info.size);
    const handle = await open(path, 'r');
    try {
      const chunks: Buffer[] = [];
      let total = 0;
      for (let size = Math.min(info.size, maxBytes) + 1; total <= maxBytes; size = Math.min(64 * 1024, maxBytes + 1 - total)) {
        const { bytesRead, buffer } = await handle.read(Buffer.allocUnsafe(size), 0, size, null);
        if (bytesRead === 0) break;
        chunks.push(buffer.subarray(0, bytesRead));
        total += bytesRead;
      }
      return decode(Buffer.concat(chunks, total), maxBytes);
    } finally {
      await handle.close();
    }
  } catch (error) {
    return unreadable(error);
  }
}

/**
 * The same, blocking: for `prr check`'s threads, which have nothing else to do meanwhile. Node's promise-based
 * stat and read cost about 0.2 ms of the thread's time per small file, the blocking ones a tenth of that.
 */
export function readTextSync(path: string, maxBytes = MAX_BYTES): TextRead {
  try {
    const info = statSync(path);
    if (!info.isFile()) return notAFile();
    if (info.size > maxBytes) return tooLarge(maxBytes, info.size);
    const fd = openSync(path, 'r');
    try {
      if (!fstatSync(fd).isFile()) return notAFile(); // swapped for something else since the stat
      const chunks: Buffer[] = [];
      let total = 0;
      for (let size = Math.min(info.size, maxBytes) + 1; total <= maxBytes; size = Math.min(64 * 1024, maxBytes + 1 - total)) {
        const buffer = Buffer.allocUnsafe(size);
        const bytesRead = readSync(fd, buffer, 0, size, null);
        if (bytesRead === 0) break;
        chunks.push(buffer.subarray(0, bytesRead));
        total += bytesRead;
      }
      return decode(Buffer.concat(chunks, total), maxBytes);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    return unreadable(error);
  }
}

function notAFile(): TextRead {
  return { ok: false, reason: 'is not a regular file (a FIFO, a device, a socket); not checked' };
}

/** A file that went away or may not be read (permissions): said, never thrown. */
function unreadable(error: unknown): TextRead {
  return { ok: false, reason: cannotRead(error) };
}

/** Why a path prr found is not checked, from the error reading or listing it. */
export function cannotRead(error: unknown): string {
  return `cannot be read (${error instanceof Error ? error.message : String(error)}); not checked`;
}

function tooLarge(maxBytes: number, bytes: number): TextRead {
  return { ok: false, reason: `file is larger than ${maxBytes / 1024 / 1024} MB; not checked`, bytes };
}

function decode(bytes: Buffer, maxBytes: number): TextRead {
  if (bytes.length > maxBytes) return tooLarge(maxBytes, bytes.length); // it grew between the two calls
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  return { ok: true, text: new TextDecoder('utf-8').decode(bytes) };
}
