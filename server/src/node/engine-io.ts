// The file-system answers the engine asks for (does a linked file exist, what is in it),
// from disk — or, in the editor, from an open buffer first.

import { existsSync } from 'node:fs';
import { readTextSync } from './read-text';
import { fileURLToPath } from 'node:url';
import type { EngineIO } from '../service';

export function diskIO(openText: (uri: string) => string | undefined = () => undefined): EngineIO {
  return {
    exists(uri) {
      if (openText(uri) !== undefined) return true;
      const path = toPath(uri);
      return path !== undefined && existsSync(path);
    },
    readFile(uri) {
      const open = openText(uri);
      if (open !== undefined) return open;
      const path = toPath(uri);
      if (path === undefined) return undefined;
      // A linked file larger than any file prr checks is not read (the engine would not parse it either), nor
      // anything that is not a regular file, and never more than the limit (read-text.ts: /proc files say size 0).
      const read = readTextSync(path, MAX_READ_BYTES);
      return read.ok ? read.text : undefined;
    },
  };
}

const MAX_READ_BYTES = 5 * 1024 * 1024;

function toPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}
