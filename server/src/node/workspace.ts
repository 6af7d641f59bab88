// Finds the files to check under the paths a user names, skipping what is never ours
// (node_modules, .git, build output) and, by default, what .gitignore ignores. Shared by
// the CLI and the language server's workspace scan.

import { readdir, readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out']);

export interface CollectOptions {
  /** Honour .gitignore files (from the repository root down). Default: true. */
  gitignore?: boolean;
}

interface IgnoreRule {
  base: string;
  rules: Ignore;
}

/** Every file under `paths` (files as given, folders walked) that `accept` takes, sorted. */
export async function collectFiles(paths: readonly string[], accept: (path: string) => boolean, options: CollectOptions = {}): Promise<string[]> {
  const found = new Set<string>();
  for (const path of paths) {
    const absolute = resolve(path);
    const info = await stat(absolute).catch(() => {
      throw new Error(`no such file or folder: ${path}`);
    });
    if (!info.isDirectory()) found.add(absolute);
    else await walk(absolute, accept, found, options.gitignore === false ? undefined : await ignoresAbove(absolute));
  }
  return [...found].sort();
}

async function walk(dir: string, accept: (path: string) => boolean, found: Set<string>, ignores: IgnoreRule[] | undefined): Promise<void> {
  const here = ignores ? [...ignores, ...(await ignoreFile(dir))] : undefined;
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (here && isIgnored(path, entry.isDirectory(), here)) continue;
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) await walk(path, accept, found, here);
    } else if (entry.isFile() && accept(path)) {
      found.add(path);
    }
  }
}

/** .gitignore files between the repository root (the folder with `.git`) and `dir`, exclusive. */
async function ignoresAbove(dir: string): Promise<IgnoreRule[]> {
  const chain: string[] = [];
  for (let d = dirname(dir); ; d = dirname(d)) {
    chain.unshift(d);
    if (existsSync(join(d, '.git')) || dirname(d) === d) break;
  }
  if (!chain.some((d) => existsSync(join(d, '.git')))) return [];
  return (await Promise.all(chain.map(ignoreFile))).flat();
}

async function ignoreFile(dir: string): Promise<IgnoreRule[]> {
  const text = await readFile(join(dir, '.gitignore'), 'utf8').catch(() => undefined);
  return text === undefined ? [] : [{ base: dir, rules: ignore().add(text) }];
}

function isIgnored(path: string, isDir: boolean, rules: readonly IgnoreRule[]): boolean {
  return rules.some(({ base, rules: r }) => {
    const rel = relative(base, path).split(sep).join('/');
    return rel !== '' && !rel.startsWith('..') && r.ignores(isDir ? `${rel}/` : rel);
  });
}
