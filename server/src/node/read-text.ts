// Reads a file as text the way an editor would: UTF-8 (BOM stripped) or UTF-16 with
// a BOM. Binary content is passed on as it is; the engine reports it. A file that cannot be
// read at all comes back as a reason, not an exception.

import { readFileSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';

/** `bytes`: set when the file was not read because it is larger than allowed. */
export type TextRead = { ok: true; text: string } | { ok: false; reason: string; bytes?: number };

const MAX_BYTES = 5 * 1024 * 1024;

/** Reads the file unless it is larger than `maxBytes` (its size is looked at first: a huge file is never loaded). */
export async function readText(path: string, maxBytes = MAX_BYTES): Promise<TextRead> {
  try {
    const size = (await stat(path)).size;
    return size > maxBytes ? tooLarge(maxBytes, size) : decode(await readFile(path), maxBytes);
  } catch (error) {
    return unreadable(error);
  }
}

/**
 * The same, blocking: for `prr check`'s threads, which have nothing else to do meanwhile. Node's promise-based
 * stat and readFile cost about 0.2 ms of the thread's time per small file, the blocking ones a tenth of that.
 */
export function readTextSync(path: string, maxBytes = MAX_BYTES): TextRead {
  try {
    const size = statSync(path).size;
    return size > maxBytes ? tooLarge(maxBytes, size) : decode(readFileSync(path), maxBytes);
  } catch (error) {
    return unreadable(error);
  }
}

/** A file that went away or may not be read (permissions): said, never thrown. */
function unreadable(error: unknown): TextRead {
  return { ok: false, reason: `cannot be read (${error instanceof Error ? error.message : String(error)}); not checked` };
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
