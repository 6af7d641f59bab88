// Runs work step by step while the server has nothing else to do: a step runs only when no
// document has been opened or changed for QUIET_MS, so typing is never made to wait for one,
// and a request that arrives during a step waits for that step alone.

import type { Guard } from './guard';

const QUIET_MS = 50;

/**
 * Takes `steps` one at a time, each once `lastActivity` (a `performance.now()` time) is QUIET_MS old; `done` gets
 * the time the steps took in all. A step that throws ends the work (logged).
 */
export function whenIdle(guard: Guard, what: string, steps: Iterator<void>, lastActivity: () => number, done: (busyMs: number) => void): void {
  let busy = 0;
  const next = () => {
    const wait = lastActivity() + QUIET_MS - performance.now();
    if (wait > 0) {
      setTimeout(next, wait);
      return;
    }
    const started = performance.now();
    const finished = guard.run(what, undefined, true, () => steps.next().done === true);
    busy += performance.now() - started;
    if (finished) done(busy);
    else setImmediate(next);
  };
  setImmediate(next);
}
