// Reads files into the engine's workspace index, a few at a time: reading is I/O-bound and
// the engine is synchronous, so a small pool keeps the disk busy while the engine works.
// Files that cannot be read (gone, too large) are skipped; the caller reports what it needs.

import { pathToFileURL } from 'node:url';
import type { Engine, FileConfig } from '../service';
import { readText } from './read-text';

const CONCURRENCY = 16;

/** Indexes `files` (absolute paths) in order of reading; calls `progress` with the count done. */
export async function indexFiles(engine: Engine, files: readonly string[], configFor: (path: string) => FileConfig, progress: (done: number) => void = () => {}): Promise<void> {
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++];
      const read = await readText(file).catch(() => undefined);
      if (read?.ok) engine.setFile({ uri: pathToFileURL(file).href, text: read.text }, configFor(file));
      progress(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, files.length) }, worker));
}
