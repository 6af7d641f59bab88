// How the CLI names files: relative to the current folder where it can (what a user
// typed and what CI tools expect), absolute otherwise.

import { isAbsolute, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ConfigStore } from '../node/config-store';
import { collectFiles } from '../node/workspace';
import { UsageError } from './options';

/** The path to show for an absolute file path: relative to the current folder unless outside it. */
export function displayPath(file: string, cwd: string = process.cwd()): string {
  const rel = relative(cwd, file);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? file : rel;
}

/** The path to show for an engine URI (`file://…`); other URIs are shown as they are. */
export function displayUri(uri: string, cwd: string = process.cwd()): string {
  return uri.startsWith('file:') ? displayPath(fileURLToPath(uri), cwd) : uri;
}

/**
 * A displayed path as a URI reference: relative paths become `/`-separated,
 * percent-encoded relative references; absolute paths become `file://` URIs.
 */
export function pathAsUriReference(path: string): { uri: string; relative: boolean } {
  if (isAbsolute(path)) return { uri: pathToFileURL(path).href, relative: false };
  return { uri: path.split(sep).map(encodeURIComponent).join('/'), relative: true };
}

/**
 * The files a command works on: under its paths (default: the current folder), what `accept` takes, with
 * .gitignore decided for each path by its own nearest `.prr.yaml`. A path that does not exist, or a glob that
 * matches nothing, is a usage error; one that exists but cannot be read goes to `unreadable`.
 */
export async function commandFiles(paths: readonly string[], accept: (path: string) => boolean, configs: ConfigStore, unreadable: (path: string, reason: string) => void): Promise<string[]> {
  try {
    return await collectFiles(paths.length > 0 ? paths : ['.'], accept, { gitignore: (p) => configs.configFor(p).gitignore, unreadable });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
