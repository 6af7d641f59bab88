// The `prr` command: a thin shell over the engine for terminals and CI.

import { parseArgs } from 'node:util';
import { checkCommand } from './check';

declare const SERVER_VERSION: string;

const USAGE = `Usage: prr <command> [options]

Commands:
  check [paths...]   check files and folders (default: the current folder)

Options:
  -h, --help         show this help
  -v, --version      show the version

Exit codes: 0 no errors, 1 errors found, 2 usage or internal error.`;

export async function main(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: { help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'v' } } });
  } catch (error) {
    process.stderr.write(`prr: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
    return 2;
  }
  const [command, ...rest] = parsed.positionals;
  if (parsed.values.version) {
    process.stdout.write(`${SERVER_VERSION}\n`);
    return 0;
  }
  if (parsed.values.help || command === undefined) {
    process.stdout.write(`${USAGE}\n`);
    return command === undefined && !parsed.values.help ? 2 : 0;
  }
  if (command === 'check') return checkCommand(rest.length > 0 ? rest : ['.']);
  process.stderr.write(`prr: unknown command '${command}'\n\n${USAGE}\n`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`prr: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
