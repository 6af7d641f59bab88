// How the CLI names files: relative to the current folder where it can (what a user
// typed and what CI tools expect), absolute otherwise.

import { isAbsolute, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

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
