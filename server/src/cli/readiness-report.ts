// `prr report [paths]`: indexes the files under the paths, judges every readiness manifest
// among them, prints the readiness report (Markdown, HTML or JSON) and gates CI on it:
// `--min-score N` (every service scores at least N) and `--fail-on-blocked`.

import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createEngine, type ReadinessReport } from '../service';
import { REPORT_FORMATS, reportChunks } from '../report';
import { ConfigStore } from '../node/config-store';
import { diskIO } from '../node/engine-io';
import { indexFiles } from '../node/index-files';
import { collectFiles } from '../node/workspace';
import { writeChunksAtomic } from '../node/write-file';
import { displayPath } from './paths';
import { choice, commandClock, count, parseCommandLine, UsageError, type OptionsConfig } from './options';
import { createProgress } from './progress';

const YAML_FILE = /\.(ya?ml|json)$/i;

export const REPORT_OPTIONS = {
  format: { type: 'string', short: 'f' },
  'min-score': { type: 'string' },
  'fail-on-blocked': { type: 'boolean' },
  output: { type: 'string', short: 'o' },
  config: { type: 'string', short: 'c' },
} as const satisfies OptionsConfig;

export async function reportCommand(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(args, REPORT_OPTIONS);
  const format = choice('format', values.format, REPORT_FORMATS, 'markdown');
  const minScore = count('min-score', values['min-score']);
  if (minScore !== undefined && minScore > 100) throw new UsageError(`invalid value '${minScore}' for --min-score; valid values: a whole number from 0 to 100`);
  const engine = createEngine({ io: diskIO(), ...commandClock() });
  const configs = new ConfigStore(engine, values.config ? { explicit: resolve(values.config) } : {});
  let files: string[];
  try {
    const gitignore = configs.configFor(resolve('.prr-probe')).gitignore;
    // YAML only: runbooks are read when a manifest points at one.
    files = await collectFiles(positionals.length > 0 ? positionals : ['.'], (p) => YAML_FILE.test(p) && !configs.configFor(p).isExcluded(p), { gitignore });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const progress = createProgress(files.length);
  await indexFiles(engine, files, (p) => configs.configFor(p), (done) => progress.update('reading', done));
  progress.finish();
  const report = engine.report({
    configFor: (uri) => configs.configFor(uri.startsWith('file:') ? fileURLToPath(uri) : uri),
    root: pathToFileURL(process.cwd()).href,
  });
  for (const file of configs.broken) process.stderr.write(`prr: ${displayPath(file)} has errors and was not used (see 'prr check ${displayPath(file)}')\n`);
  if (report.services.length === 0) process.stderr.write('prr: no readiness manifests found\n');
  // Piece by piece: the report of a thousand services is tens of megabytes.
  const chunks = reportChunks(report, format);
  if (values.output) {
    try {
      writeChunksAtomic(values.output, chunks);
    } catch (error) {
      throw new UsageError(`cannot write ${values.output}: ${error instanceof Error ? error.message : String(error)}`);
    }
  } else {
    for (const chunk of chunks) process.stdout.write(chunk);
  }
  return gate(report, minScore, values['fail-on-blocked'] === true);
}

/** 1 when a gate fails (each reason on stderr), else 0. */
function gate(report: ReadinessReport, minScore: number | undefined, failOnBlocked: boolean): number {
  let failed = false;
  if (minScore !== undefined) {
    for (const s of report.services.filter((x) => x.score < minScore)) {
      process.stderr.write(`prr: ${s.name} (${s.file.path}) scores ${s.score}, below --min-score ${minScore}\n`);
      failed = true;
    }
  }
  if (failOnBlocked) {
    for (const s of report.services.filter((x) => x.blocked)) {
      process.stderr.write(`prr: ${s.name} (${s.file.path}) is blocked at tier ${s.tier ?? '1 (no valid tier)'} by ${s.blocking.join(', ')}\n`);
      failed = true;
    }
  }
  return failed ? 1 : 0;
}
