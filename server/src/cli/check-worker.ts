// A worker thread of `prr check`: reads the files it is sent and does the work that needs
// no other file — parsing, schema and per-object rules of YAML files, the whole check of
// runbooks that are runbooks by their path — with an engine of its own. The main thread
// indexes the results and runs the cross-file rules once (see parallel.ts).

import { parentPort } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { createEngine, type Finding, type LocalCheck } from '../service';
import { rulesDocsBaseUrl } from '../node/docs-location';
import { diskIO } from '../node/engine-io';
import { clockOption } from '../node/clock';
import { ConfigStore } from '../node/config-store';
import { readTextSync, type TextRead } from '../node/read-text';
import { isMarkdownPath } from '../service/check-markdown';

export interface WorkerSetup {
  /** Marks the thread as a check worker (the bundle is the worker's script too). */
  prrCheckWorker: true;
  /** `--config FILE`, resolved. */
  explicitConfig?: string;
}

/** What the worker found for one file. */
export interface FileResult {
  file: string;
  read: TextRead;
  /** A YAML file's own check, for the main engine to adopt. */
  local?: LocalCheck;
  /** A runbook's complete findings (runbooks by path need no other file). */
  findings?: Finding[];
  /** Set when the worker failed on the file: the main thread checks it itself. */
  failed?: string;
}

export interface Batch {
  id: number;
  files: string[];
}

export interface BatchDone {
  id: number;
  results: FileResult[];
}

export function isWorkerSetup(data: unknown): data is WorkerSetup {
  return typeof data === 'object' && data !== null && (data as WorkerSetup).prrCheckWorker === true;
}

export function runCheckWorker(setup: WorkerSetup): void {
  const port = parentPort;
  if (!port) return;
  // The same clock as the main thread's (PRR_NOW pins it), or calendar windows would be measured apart.
  const engine = createEngine({ docsBaseUrl: rulesDocsBaseUrl(), io: diskIO(), batch: true, ...clockOption() });
  const configs = new ConfigStore(engine, setup.explicitConfig ? { explicit: setup.explicitConfig } : {});
  port.on('message', (batch: Batch) => {
    port.postMessage({ id: batch.id, results: batch.files.map(checkOne) } satisfies BatchDone);
  });

  function checkOne(file: string): FileResult {
    try {
      const config = configs.configFor(file);
      // Blocking: this thread has nothing else to do meanwhile, and it is the cheaper read (see read-text.ts).
      const read = readTextSync(file, Math.max(config.limits.maxFileBytes, config.limits.maxRunbookBytes));
      if (!read.ok) return { file, read };
      const document = { uri: pathToFileURL(file).href, text: read.text };
      if (!isMarkdownPath(file)) return { file, read, local: engine.localCheck(document, config) };
      // A Markdown file that is a runbook only because a manifest links to it is decided by the index: the main thread's.
      if (config.isRunbookFile(file)) return { file, read, findings: engine.check(document, config) };
      return { file, read };
    } catch (error) {
      return { file, read: { ok: false, reason: 'not read' }, failed: error instanceof Error ? error.message : String(error) };
    }
  }
}
