// Where the rule documentation pages are: shipped next to the bundles, so the links
// in diagnostics and CLI output work offline.

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** `dist/*.js` runs from the package root's `dist/`; the pages are in `docs/rules/`. */
export function rulesDocsBaseUrl(bundleDir: string = __dirname): string {
  const candidates = [resolve(bundleDir, '..', 'docs', 'rules'), resolve(bundleDir, '..', '..', '..', 'docs', 'rules')];
  const folder = candidates.find((c) => existsSync(c)) ?? candidates[0];
  return `${pathToFileURL(folder).href}/`;
}
