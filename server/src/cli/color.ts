// Whether stdout gets ANSI colors: only a terminal does, unless the user says otherwise.

import pc from 'picocolors';

export type Colors = ReturnType<typeof pc.createColors>;

interface ColorEnvironment {
  noColorFlag: boolean;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
}

/**
 * `--no-color` and a non-empty NO_COLOR (no-color.org) always turn color off;
 * otherwise FORCE_COLOR (other than `0`) turns it on, and a terminal on stdout does.
 */
export function colorEnabled({ noColorFlag, env, isTTY }: ColorEnvironment): boolean {
  if (noColorFlag || (env.NO_COLOR ?? '') !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return isTTY;
}

export function createColors(enabled: boolean): Colors {
  return pc.createColors(enabled);
}
