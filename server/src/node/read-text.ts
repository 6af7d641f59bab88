// Reads a file as text the way an editor would: UTF-8 (BOM stripped) or UTF-16 with
// a BOM. Binary content is passed on as it is; the engine reports it.

import { readFile } from 'node:fs/promises';

export type TextRead = { ok: true; text: string } | { ok: false; reason: string };

const MAX_BYTES = 5 * 1024 * 1024;

export async function readText(path: string): Promise<TextRead> {
  const bytes = await readFile(path);
  if (bytes.length > MAX_BYTES) return { ok: false, reason: `file is larger than ${MAX_BYTES / 1024 / 1024} MB; not checked` };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  return { ok: true, text: new TextDecoder('utf-8').decode(bytes) };
}
