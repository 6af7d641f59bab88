// The most files per second any checker built on our parsers could reach on this machine:
// parsing alone (yaml's parseAllDocuments for YAML files, the engine's Markdown parser for
// runbooks), texts already in memory, shared over `threads` worker threads, timed from the
// moment every thread is ready and warm to the moment the last is done. Two threads on two
// cores do not run twice as fast as one, so this is measured, not computed.

import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { parseAllDocuments } from 'yaml';
import { parseMarkdown } from '../../server/src/service/markdown/parse';

interface Text {
  markdown: boolean;
  text: string;
}

/** Parses each text once. With process.env a plain copy, as prr's shells run (server/src/node/plain-env.ts). */
export function parseAll(texts: readonly Text[]): void {
  const env = process.env;
  process.env = { ...env };
  try {
    for (const { markdown, text } of texts) {
      if (markdown) parseMarkdown(text);
      else parseAllDocuments(text, { uniqueKeys: false, prettyErrors: false });
    }
  } finally {
    process.env = env;
  }
}

/** Wall milliseconds for `threads` threads to parse `texts` (round-robin shares), after each has parsed a warm-up sample of its share. */
export async function parseWall(texts: readonly Text[], threads: number): Promise<number> {
  const shares = Array.from({ length: threads }, (_, t) => texts.filter((_, i) => i % threads === t));
  // The bench runs under tsx; a worker thread does not inherit its loader, so it registers tsx's require hook first.
  const script = `require('tsx/cjs'); require(${JSON.stringify(__filename)});`;
  const workers = shares.map((share) => new Worker(script, { eval: true, workerData: share }));
  try {
    // Each worker says it is ready once warm; then all are told to go at once.
    await Promise.all(workers.map((w) => new Promise((resolve, reject) => w.once('message', resolve).once('error', reject))));
    const started = performance.now();
    await Promise.all(workers.map((w) => new Promise((resolve, reject) => {
      w.once('message', resolve).once('error', reject);
      w.postMessage('go');
    })));
    return performance.now() - started;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  const share = workerData as Text[];
  // Distinct texts for the warm-up, so that no cache of the Markdown parser can make the measured pass free.
  parseAll(share.slice(0, 300).map((t) => ({ ...t, text: `${t.text}\n\n` })));
  port.once('message', () => {
    parseAll(share);
    port.postMessage('done');
  });
  port.postMessage('ready');
}
