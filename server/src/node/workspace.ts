// Finds the files to check under the paths a user names. Shared by the CLI and,
// later, the server's workspace index.

import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out']);

/** Every file under `paths` (files as given, folders walked) that `accept` takes, sorted. */
export async function collectFiles(paths: readonly string[], accept: (path: string) => boolean): Promise<string[]> {
  const found = new Set<string>();
  for (const path of paths) {
    const absolute = resolve(path);
    const info = await stat(absolute).catch(() => {
      throw new Error(`no such file or folder: ${path}`);
    });
    if (info.isDirectory()) await walk(absolute, accept, found);
    else found.add(absolute);
  }
  return [...found].sort();
}

async function walk(dir: string, accept: (path: string) => boolean, found: Set<string>): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) await walk(path, accept, found);
    } else if (entry.isFile() && accept(path)) {
      found.add(path);
    }
  }
}
