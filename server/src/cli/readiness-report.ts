// `prr report [paths]`: indexes the files under the paths, judges every readiness manifest
// among them, prints the readiness report (Markdown, HTML or JSON) and gates CI on it:
// `--min-score N` (every service scores at least N) and `--fail-on-blocked`.

import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createEngine, type ReadinessReport } from '../service';
import { jsonChunks, REPORT_FORMATS, reportChunks } from '../report';
import { ConfigStore } from '../node/config-store';
import { diskIO } from '../node/engine-io';
import { indexFiles } from '../node/index-files';
import { writeChunksAtomic } from '../node/write-file';
import { commandFiles, displayPath } from './paths';
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
  // YAML only: runbooks are read when a manifest points at one.
  const unreadable = (p: string, reason: string) => process.stderr.write(`prr: ${displayPath(p)} ${reason}\n`);
  const files = await commandFiles(positionals, (p) => YAML_FILE.test(p) && !configs.configFor(p).isExcluded(p), configs, unreadable);
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
  const chunks = reportChunks(report, format, format === 'html' ? { nonce: contentNonce(report) } : {});
  if (values.output) {
    try {
      writeChunksAtomic(values.output, chunks);
    } catch (error) {
      throw new UsageError(`cannot write ${values.output}: ${error instanceof Error ? error.message : String(error)}`);
    }
  } else {
    for (const chunk of chunks) process.stdout.write(chunk);
  }
  return gate(report, minScore, values['fail-on-blocked'] === true, configs.broken);
}

/**
 * The HTML file's CSP nonce, from its content: the same report gives the same file (PRR_NOW makes reports
 * reproducible). A nonce in a static file is readable anyway; what it keeps out is script the report did not
 * write, and content cannot name the hash of the content it is part of.
 */
function contentNonce(report: ReadinessReport): string {
  const hash = createHash('sha256');
  for (const chunk of jsonChunks(report)) hash.update(chunk);
  return hash.digest('hex').slice(0, 32);
}

/** 1 when a gate fails (each reason on stderr), else 0. */
function gate(report: ReadinessReport, minScore: number | undefined, failOnBlocked: boolean, brokenConfigs: ReadonlySet<string>): number {
  let failed = false;
  // A gate judged without the configuration that sets its weights, levels and blocking checks proves nothing.
  if ((minScore !== undefined || failOnBlocked) && brokenConfigs.size > 0) {
    process.stderr.write(`prr: the gates fail: ${[...brokenConfigs].map((f) => displayPath(f)).join(', ')} could not be used\n`);
    failed = true;
  }
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
