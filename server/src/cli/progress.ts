// A one-line progress counter on stderr for large trees, so a long CI-less run in a
// terminal shows it is alive. Never on a pipe or a CI log: it would only add noise.

export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

export interface Progress {
  /** Reports that `done` of the `total` files have gone through `phase` ("reading", "checking"). */
  update(phase: string, done: number): void;
  /** Clears the line, leaving the terminal as it was. */
  finish(): void;
}

/** Trees up to this many files finish too fast to need a counter. */
export const PROGRESS_THRESHOLD = 200;
const INTERVAL_MS = 80;

export function createProgress(total: number, stream: ProgressStream = process.stderr, now: () => number = Date.now): Progress {
  if (!stream.isTTY || total <= PROGRESS_THRESHOLD) return { update() {}, finish() {} };
  let shown = 0; // length of the line on screen
  let last = -Infinity;
  return {
    update(phase, done) {
      const time = now();
      if (done !== total && time - last < INTERVAL_MS) return; // a redraw per file would cost more than the check
      last = time;
      const line = `${phase} ${done}/${total} files`;
      stream.write(`\r${line}${' '.repeat(Math.max(0, shown - line.length))}`);
      shown = Math.max(shown, line.length);
    },
    finish() {
      if (shown > 0) stream.write(`\r${' '.repeat(shown)}\r`);
      shown = 0;
    },
  };
}
