// Command-line parsing shared by the commands: node:util's parseArgs, plus the value
// checks it does not do. Every mistake becomes a UsageError (exit code 2).

import { clockFromEnv } from '../node/clock';
import { parseArgs, type ParseArgsConfig } from 'node:util';

export type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

export class UsageError extends Error {
  /** Whether the whole usage text helps (no or an unknown command), or just a pointer to it. */
  constructor(message: string, readonly showUsage = false) {
    super(message);
  }
}

/** Parses `args` strictly against `options`; throws UsageError on an unknown or malformed option. */
export function parseCommandLine<T extends OptionsConfig>(args: readonly string[], options: T) {
  const joined = joinNegativeNumbers(args, options);
  try {
    return { ...parseArgs({ args: joined, options, allowPositionals: true, strict: true, tokens: true }), args: joined };
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/**
 * parseArgs refuses `--max-warnings -1` as ambiguous; joining it into `--max-warnings=-1`
 * lets the value check name the values that are allowed instead.
 */
function joinNegativeNumbers(args: readonly string[], options: OptionsConfig): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const name = args[i].startsWith('--') ? args[i].slice(2) : undefined;
    if (name !== undefined && options[name]?.type === 'string' && /^-\d/.test(args[i + 1] ?? '')) out.push(`${args[i]}=${args[++i]}`);
    else out.push(args[i]);
  }
  return out;
}

/** The value of a choice option, or `fallback` when it is not given. */
export function choice<T extends string>(option: string, value: string | undefined, valid: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((valid as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`unknown value '${value}' for --${option}; valid values: ${valid.join(', ')}`);
}

/** The value of a count option (0 or more), or undefined when it is not given. */
export function count(option: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (/^\d+$/.test(value) && Number.isSafeInteger(Number(value))) return Number(value);
  throw new UsageError(`invalid value '${value}' for --${option}; valid values: a whole number, 0 or more`);
}

/** The engine's clock option for a command: pinned by `PRR_NOW` when set; a value that is not a date is a usage error. */
export function commandClock(): { now?: () => Date } {
  try {
    const now = clockFromEnv();
    return now ? { now } : {};
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
