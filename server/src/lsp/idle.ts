// Runs work step by step while the server has nothing else to do, and only until it has:
// the first step waits QUIET_MS (an editor that starts the server for a file opens it at
// once), each step runs in its own turn of the event loop (a request that arrives meanwhile
// waits for one step at most), and the work ends for good when `stop` says so.

import type { Guard } from './guard';

const QUIET_MS = 50;

/** Takes `steps` one at a time until they end or `stop()`; `done` gets the time they took and whether they all ran. A step that throws ends the work (logged). */
export function whenIdle(guard: Guard, what: string, steps: Iterator<void>, stop: () => boolean, done: (busyMs: number, complete: boolean) => void): void {
  let busy = 0;
  const next = () => {
    if (stop()) {
      done(busy, false);
      return;
    }
    const started = performance.now();
    const finished = guard.run(what, undefined, true, () => steps.next().done === true);
    busy += performance.now() - started;
    if (finished) done(busy, true);
    else setImmediate(next);
  };
  setTimeout(next, QUIET_MS);
}
