// The `prr` command: a thin shell over the engine for terminals and CI.

import { checkCommand, CHECK_OPTIONS } from './check';
import { FORMAT_NAMES } from './format/registry';
import { parseCommandLine, UsageError } from './options';
import { PROGRESS_THRESHOLD } from './progress';
import { rulesCommand, RULES_OPTIONS } from './rules';
import { initCommand, INIT_OPTIONS } from './init';
import { reportCommand, REPORT_OPTIONS } from './readiness-report';
import { REPORT_FORMATS } from '../report';
import { isMainThread, workerData } from 'node:worker_threads';
import { isWorkerSetup, runCheckWorker } from './check-worker';
import { usePlainEnv } from '../node/plain-env';

declare const SERVER_VERSION: string;

const USAGE = `Usage: prr <command> [options]

Commands:
  check [paths...]         check files, folders and quoted globs (default: the current folder)
  report [paths...]        the readiness report: score, level and blocking checks of every
                           service (readiness manifest) under the paths
  rules                    list every rule: id, default severity, fixable, docs
  init [folder]            write a starter .prr.yaml and, if there is none, a readiness.yaml

Options of check:
  -f, --format <name>      output format: ${FORMAT_NAMES.join(', ')} (default: stylish)
      --max-warnings <n>   exit 1 when more than n warnings are found
  -q, --quiet              report errors only
      --no-color           no colors (also: NO_COLOR=1; FORCE_COLOR=1 forces them)
      --fix                apply the unambiguous fixes (the editor's fix-all) and write
                           the files back (atomically), then report what is left
  -c, --config <file>      use this .prr.yaml only; by default each file's nearest
                           .prr.yaml applies, merged upwards until one says root: true

Options of report:
  -f, --format <name>      ${REPORT_FORMATS.join(', ')} (default: markdown)
      --min-score <n>      exit 1 when a service scores below n (0-100)
      --fail-on-blocked    exit 1 when a service is blocked at its tier
  -o, --output <file>      write the report to a file instead of stdout
  -c, --config <file>      use this .prr.yaml only (as for check)
  Dates are judged on today (UTC); PRR_NOW=YYYY-MM-DD judges them on another day.

Options of init:
      --force              overwrite existing files

Options of rules:
  -f, --format <name>      stylish or json (default: stylish)

Options:
  -h, --help               show this help
  -v, --version            show the version

Output goes to stdout; progress (on a terminal, over ${PROGRESS_THRESHOLD} files) and errors to stderr.
Exit codes: 0 no errors, 1 errors found (or warnings over --max-warnings),
2 usage or internal error.
Exit codes of report: 0 the gates pass (or none is given), 1 a service scores below
--min-score or is blocked with --fail-on-blocked, 2 usage or internal error.`;

const GLOBAL_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

export async function main(argv: readonly string[]): Promise<number> {
  try {
    // A first pass with every command's options finds the command and --help/--version;
    // the command then parses its own arguments and rejects options that are not its own.
    const { values, tokens, args } = parseCommandLine(argv, { ...CHECK_OPTIONS, ...RULES_OPTIONS, ...INIT_OPTIONS, ...REPORT_OPTIONS, ...GLOBAL_OPTIONS });
    const first = tokens.find((t) => t.kind === 'positional');
    const command = first?.kind === 'positional' ? first.value : undefined;
    if (values.version) {
      process.stdout.write(`${SERVER_VERSION}\n`);
      return 0;
    }
    if (values.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const rest = first ? [...args.slice(0, first.index), ...args.slice(first.index + 1)] : args;
    if (command === 'check') return await checkCommand(rest, SERVER_VERSION, workerScript());
    if (command === 'report') return await reportCommand(rest);
    if (command === 'rules') return rulesCommand(rest);
    if (command === 'init') return initCommand(rest);
    throw new UsageError(command === undefined ? 'no command given' : `unknown command '${command}'`, true);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`prr: ${error.message}\n${error.showUsage ? `\n${USAGE}` : "Run 'prr --help' for usage."}\n`);
    return 2;
  }
}

/** This file, when it runs as the bundle (`dist/cli.js`): worker threads of `prr check` start from it. */
function workerScript(): string | undefined {
  return typeof __filename === 'string' && __filename.endsWith('.js') ? __filename : undefined;
}

usePlainEnv();

// `prr check | head`: the reader went away. Nothing more can be said to it; end quietly with the run's own exit code.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit();
});

if (!isMainThread && isWorkerSetup(workerData)) runCheckWorker(workerData);
else main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`prr: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
