// The file-system answers the engine asks for (does a linked file exist, what is in it),
// from disk — or, in the editor, from an open buffer first.

import { existsSync, readFileSync, statSync } from 'node:fs';
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
      try {
        if (path === undefined) return undefined;
        // A linked file larger than any file prr checks is not read (the engine would not parse it either), nor
        // anything that is not a regular file: a FIFO would block the read forever, /dev/zero never end.
        const info = statSync(path);
        if (!info.isFile() || info.size > MAX_READ_BYTES) return undefined;
        return readFileSync(path, 'utf8');
      } catch {
        return undefined;
      }
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
