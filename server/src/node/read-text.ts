// Reads a file as text the way an editor would: UTF-8 (BOM stripped) or UTF-16 with
// a BOM. Binary content is passed on as it is; the engine reports it.

import { readFile, stat } from 'node:fs/promises';

/** `bytes`: set when the file was not read because it is larger than allowed. */
export type TextRead = { ok: true; text: string } | { ok: false; reason: string; bytes?: number };

const MAX_BYTES = 5 * 1024 * 1024;

/** Reads the file unless it is larger than `maxBytes` (its size is looked at first: a huge file is never loaded). */
export async function readText(path: string, maxBytes = MAX_BYTES): Promise<TextRead> {
  const size = (await stat(path)).size;
  if (size > maxBytes) return { ok: false, reason: `file is larger than ${maxBytes / 1024 / 1024} MB; not checked`, bytes: size };
  const bytes = await readFile(path);
  if (bytes.length > maxBytes) return { ok: false, reason: `file is larger than ${maxBytes / 1024 / 1024} MB; not checked`, bytes: bytes.length };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  return { ok: true, text: new TextDecoder('utf-8').decode(bytes) };
}
