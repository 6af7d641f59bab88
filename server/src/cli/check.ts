// `prr check`: finds the files, runs the engine over them, prints the report in the
// chosen format and turns it into an exit code a CI can gate on.

import { createEngine } from '../service';
import { rulesDocsBaseUrl } from '../node/docs-location';
import { diskIO } from '../node/engine-io';
import { colorEnabled, createColors } from './color';
import { FORMAT_NAMES, FORMATS } from './format/registry';
import type { FormatContext } from './format/types';
import { choice, commandClock, count, parseCommandLine, type OptionsConfig } from './options';
import { commandFiles } from './paths';
import { createProgress } from './progress';
import { workerCount } from './parallel';
import { checkFiles, errorsOnly, FILE_SKIPPED, withBrokenConfigs, withUnreadable } from './report';
import { ConfigStore } from '../node/config-store';
import { resolve } from 'node:path';

export const CHECK_OPTIONS = {
  format: { type: 'string', short: 'f' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  'no-color': { type: 'boolean' },
  config: { type: 'string', short: 'c' },
  fix: { type: 'boolean' },
} as const satisfies OptionsConfig;

/** `workerScript`: the bundle, which also runs as a check worker (see main.ts); without it, all work stays in this thread. */
export async function checkCommand(args: readonly string[], version: string, workerScript?: string): Promise<number> {
  const { values, positionals } = parseCommandLine(args, CHECK_OPTIONS);
  const format = choice('format', values.format, FORMAT_NAMES, 'stylish');
  const maxWarnings = count('max-warnings', values['max-warnings']);
  const engine = createEngine({ docsBaseUrl: rulesDocsBaseUrl(), io: diskIO(), batch: true, ...commandClock() });
  const configs = new ConfigStore(engine, values.config ? { explicit: resolve(values.config) } : {});
  // Paths that exist but cannot be read are reported as skipped, not a reason to stop.
  const unreadable = new Map<string, string>();
  const files = await commandFiles(positionals, (p) => engine.isCandidate(p) && !configs.configFor(p).isExcluded(p), configs, (p, reason) => unreadable.set(p, reason));
  const workers = workerScript ? workerCount(files.length) : 0;
  const parallel = workers > 0 ? { script: workerScript as string, workers, ...(values.config ? { explicitConfig: resolve(values.config) } : {}) } : undefined;
  const checked = await checkFiles(engine, files, createProgress(files.length), (p) => configs.configFor(p), { fix: values.fix === true, configs, ...(parallel ? { parallel } : {}) });
  const full = await withBrokenConfigs(engine, withUnreadable(checked, unreadable), [...configs.broken, ...configs.withSchemas]);
  const report = values.quiet ? errorsOnly(full) : full;
  const context: FormatContext = {
    rules: [...engine.rules, FILE_SKIPPED],
    docsUrl: (id) => engine.docsUrl(id),
    version,
    colors: createColors(colorEnabled({ noColorFlag: values['no-color'] === true, env: process.env, isTTY: process.stdout.isTTY === true })),
  };
  process.stdout.write(FORMATS[format](report, context));
  // --quiet hides warnings but does not stop them counting against --max-warnings.
  const { errors, warnings } = full.summary;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    process.stderr.write(`prr: ${warnings} warning${warnings === 1 ? '' : 's'} found; --max-warnings allows ${maxWarnings}\n`);
    return 1;
  }
  return errors > 0 ? 1 : 0;
}
