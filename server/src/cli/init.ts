// `prr init`: writes a starter .prr.yaml and, when the folder has no readiness manifest
// yet, a manifest skeleton. Never overwrites a file unless --force is given.

import { existsSync, readdirSync, statSync } from 'node:fs';
import { writeFileAtomic } from '../node/write-file';
import { basename, join, resolve } from 'node:path';
import { starterConfig, starterManifest } from '../service/templates/starters';
import { parseCommandLine, UsageError, type OptionsConfig } from './options';

export const INIT_OPTIONS = {
  force: { type: 'boolean' },
} as const satisfies OptionsConfig;

const MANIFEST = /^(readiness|.+\.readiness)\.ya?ml$/i;

export function initCommand(args: readonly string[]): number {
  const { values, positionals } = parseCommandLine(args, INIT_OPTIONS);
  if (positionals.length > 1) throw new UsageError(`'prr init' takes at most one folder; got '${positionals.join(' ')}'`);
  const folder = resolve(positionals[0] ?? '.');
  if (!existsSync(folder)) throw new UsageError(`no such folder: ${positionals[0]}`);
  if (!statSync(folder).isDirectory()) throw new UsageError(`not a folder: ${positionals[0]}`);
  const force = values.force === true;
  let kept = 0;
  const write = (file: string, text: string) => {
    const path = join(folder, file);
    if (existsSync(path) && !force) {
      process.stdout.write(`kept ${file}: it exists (use --force to overwrite)\n`);
      kept++;
      return;
    }
    writeFileAtomic(path, text);
    process.stdout.write(`wrote ${file}\n`);
  };
  // A .prr.yml is found as well as a .prr.yaml, and .prr.yaml would win: writing one beside it would quietly replace it.
  if (existsSync(join(folder, '.prr.yml')) && !existsSync(join(folder, '.prr.yaml'))) {
    process.stdout.write('kept .prr.yml: a configuration exists (.prr.yaml is not written beside it)\n');
    kept++;
  } else write('.prr.yaml', starterConfig());
  const existing = readdirSync(folder).find((f) => MANIFEST.test(f));
  if (existing && !(force && existing === 'readiness.yaml')) process.stdout.write(`kept ${existing}: a readiness manifest exists\n`);
  else write('readiness.yaml', starterManifest(basename(folder)));
  process.stdout.write(kept > 0 ? 'nothing overwritten\n' : "next: fill in readiness.yaml, then run 'prr check'\n");
  return 0;
}
