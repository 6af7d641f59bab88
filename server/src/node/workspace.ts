// Finds the files to check under the paths a user names, skipping what is never ours
// (node_modules, .git, build output) and, by default, what .gitignore ignores. Shared by
// the CLI and the language server's workspace scan.

import { readdir, realpath, stat } from 'node:fs/promises';
import { cannotRead, readText } from './read-text';
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { compileGlob } from '../service/config/glob';

const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out']);

export interface CollectOptions {
  /** Whether .gitignore files apply at a path (a file, or a folder about to be walked). Default: everywhere. */
  gitignore?: boolean | ((path: string) => boolean);
  /** Told of a path that exists but cannot be listed or looked at (permissions); without it, such a path fails the call. */
  unreadable?: (path: string, reason: string) => void;
}

interface IgnoreRule {
  base: string;
  rules: Ignore;
}

interface Walk {
  accept: (path: string) => boolean;
  found: Set<string>;
  /** Symbolic links to files found: the same file may then be there twice. */
  links: { found: boolean };
  applies: (path: string) => boolean;
  unreadable: (path: string, error: unknown) => void;
}

/**
 * Every file under `paths` that `accept` takes, sorted: files as given, folders walked, and a path
 * that does not exist but holds glob characters (`*`, `?`, `[`, `{`) read as a glob — quoted, so the
 * shell leaves it alone — matched under its folders without glob characters
 * (`'services/**\/*.readiness.yaml'` walks `services/`).
 */
export async function collectFiles(paths: readonly string[], accept: (path: string) => boolean, options: CollectOptions = {}): Promise<string[]> {
  const found = new Set<string>();
  const gitignore = options.gitignore ?? true;
  const unreadable = (path: string, error: unknown) => {
    const reason = cannotRead(error);
    if (!options.unreadable) throw new Error(`${path}: ${reason}`);
    options.unreadable(path, reason);
  };
  const links = { found: false };
  const walkOf = (test: (path: string) => boolean): Walk => ({ accept: test, found, links, unreadable, applies: typeof gitignore === 'function' ? gitignore : () => true });
  const reads = gitignore !== false;
  for (const path of paths) {
    const absolute = resolve(path);
    const info = await stat(absolute).catch((error: unknown) => error as NodeJS.ErrnoException);
    if (info instanceof Error) {
      const glob = isMissing(info) ? globOf(path) : undefined;
      if (glob) {
        const matches = compileGlob(glob.pattern);
        let matched = false;
        const test = (p: string) => matches(relative(glob.base, p).split(sep).join('/')) && accept(p) && (matched = true);
        await walkFolder(glob.base, walkOf(test), reads);
        if (!matched) throw new Error(`no files to check match ${path}`);
      } else if (isMissing(info)) throw new Error(`no such file or folder: ${path}`);
      else unreadable(absolute, info);
    } else if (!info.isDirectory()) found.add(absolute);
    else await walkFolder(absolute, walkOf(accept), reads);
  }
  const sorted = [...found].sort();
  // Through a link, or two paths given that overlap through one, a file could be checked twice (and be its own duplicate).
  return links.found || paths.length > 1 ? onePathEach(sorted) : sorted;
}

/** The first of the paths that name the same file (by its real path). */
async function onePathEach(paths: readonly string[]): Promise<string[]> {
  const real = await Promise.all(paths.map((p) => realpath(p).catch(() => p)));
  const seen = new Set<string>();
  return paths.filter((_, i) => !seen.has(real[i]) && seen.add(real[i]));
}

async function walkFolder(dir: string, w: Walk, gitignore: boolean): Promise<void> {
  if (await stat(dir).then((info) => info.isDirectory(), () => false)) await walk(dir, w, gitignore ? await ignoresAbove(dir) : undefined);
}

/** `ignores`: the rules of every .gitignore from the repository root down to here (undefined: none are read); each applies where `w.applies` says. */
async function walk(dir: string, w: Walk, ignores: IgnoreRule[] | undefined): Promise<void> {
  const here = ignores ? [...ignores, ...(await ignoreFile(dir))] : undefined;
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    w.unreadable(dir, error);
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    const isDir = entry.isDirectory();
    if (here && isIgnored(path, isDir, here) && w.applies(path)) continue;
    if (isDir) {
      if (!SKIPPED_DIRS.has(entry.name)) await walk(path, w, here);
    } else if ((entry.isFile() || (entry.isSymbolicLink() && (await isFileBehind(path)) && (w.links.found = true))) && w.accept(path)) {
      // A symbolic link to a file is checked as that file; links to folders are not followed (docs/security.md).
      w.found.add(path);
    }
  }
}

function isFileBehind(link: string): Promise<boolean> {
  return stat(link).then((info) => info.isFile(), () => false);
}

/** `path` as a folder to walk and a glob to match below it, when it has glob characters. */
function globOf(path: string): { base: string; pattern: string } | undefined {
  const parts = path.split(/[\\/]/);
  const first = parts.findIndex((part) => /[*?[{]/.test(part));
  if (first < 0) return undefined;
  const base = resolve(parts.slice(0, first).join('/') || (path.startsWith('/') ? '/' : '.'));
  return { base, pattern: parts.slice(first).join('/') };
}

function isMissing(error: NodeJS.ErrnoException): boolean {
  return error.code === 'ENOENT' || error.code === 'ENOTDIR';
}

/**
 * Whether a walk of `root` would reach the file at `path` (under it): no skipped folder on the way, and not
 * ignored by a .gitignore where `gitignore` says .gitignore applies. For a single file (a watched-file event),
 * so that the editor's index holds what its scan and `prr check` would.
 */
export async function isWalked(path: string, root: string, gitignore: (path: string) => boolean): Promise<boolean> {
  const parts = relative(root, path).split(sep);
  if (parts[0] === '..' || parts.slice(0, -1).some((p) => SKIPPED_DIRS.has(p))) return false;
  if (!gitignore(path)) return true;
  const rules = await ignoresAbove(root);
  for (let i = 0, dir = root; i < parts.length; dir = join(dir, parts[i]), i++) {
    rules.push(...(await ignoreFile(dir)));
    const here = join(dir, parts[i]);
    if (isIgnored(here, i < parts.length - 1, rules) && gitignore(here)) return false;
  }
  return true;
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

/** A .gitignore from a repository is input like any: bounded in size, lines and pattern shape (see below). */
const MAX_GITIGNORE_BYTES = 256 * 1024;
const MAX_GITIGNORE_LINES = 5_000;
/** The `ignore` package backtracks on many `**` in one pattern (`**\/a/**\/a/…`: seconds per path); real ones have one or two. */
const MAX_GLOBSTARS = 4;

async function ignoreFile(dir: string): Promise<IgnoreRule[]> {
  // Absent, not a regular file, or unreadable: no rules (readText says which; none of it is worth a word here).
  const read = await readText(join(dir, '.gitignore'), MAX_GITIGNORE_BYTES);
  if (!read.ok) return [];
  const lines = read.text.split(/\r?\n/, MAX_GITIGNORE_LINES).filter((line) => (line.match(/\*\*/g)?.length ?? 0) <= MAX_GLOBSTARS);
  return [{ base: dir, rules: ignore().add(lines) }];
}

/** As git decides: the deepest .gitignore with a rule for the path wins, so a nested `!pattern` re-includes what a parent ignored. */
function isIgnored(path: string, isDir: boolean, rules: readonly IgnoreRule[]): boolean {
  for (let i = rules.length - 1; i >= 0; i--) {
    const { base, rules: r } = rules[i];
    const rel = relative(base, path).split(sep).join('/');
    if (rel === '' || rel.startsWith('..')) continue;
    const verdict = r.test(isDir ? `${rel}/` : rel);
    if (verdict.ignored) return true;
    if (verdict.unignored) return false;
  }
  return false;
}
