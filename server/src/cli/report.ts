// The result of `prr check` as data: every checked file with its findings, and the
// counts. Formats render it; they never run the engine themselves.

import { pathToFileURL } from 'node:url';
import type { Engine, FileConfig, Finding, RuleMeta, Severity } from '../service';
import { readText, type TextRead } from '../node/read-text';
import { writeFixedText } from '../node/write-file';
import type { Progress } from './progress';
import { displayPath } from './paths';
import { runWorkers } from './parallel';

export interface FileReport {
  /** As shown to the user: relative to the current folder where possible. */
  path: string;
  findings: Finding[];
}

export interface Summary {
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
  /** Files checked. */
  files: number;
  filesWithFindings: number;
}

export interface CheckReport {
  files: FileReport[];
  summary: Summary;
}

/** Not an engine rule: the CLI reports a file it could not read (too large) under this id. */
export const FILE_SKIPPED: RuleMeta = { id: 'file-skipped', description: 'The file could not be read (it is larger than prr reads, or prr may not read it), so it was not checked.', defaultSeverity: 'warning' };

/** Reads and indexes every file, then checks each, so references resolve across all of them. */
export interface CheckOptions {
  /** Apply the unambiguous fixes (the editor's fix-all) and write the files back before reporting. */
  fix?: boolean;
  /** With `fix`: which files are configuration, and how to make every file's configuration be read again once one is rewritten. */
  configs?: { isConfig: (path: string) => boolean; invalidate: () => void };
  /** Do the per-file work in worker threads (see parallel.ts); not with `fix`. */
  parallel?: { script: string; workers: number; explicitConfig?: string };
}

export async function checkFiles(engine: Engine, files: readonly string[], progress: Progress, configFor: (path: string) => FileConfig, options: CheckOptions = {}): Promise<CheckReport> {
  const texts = new Map<string, string>();
  const skipped = new Map<string, { reason: string; bytes?: number }>();
  /** Runbooks a worker checked completely. */
  const done = new Map<string, Finding[]>();
  const results = options.parallel && !options.fix ? await runWorkers(options.parallel.script, options.parallel.explicitConfig ? { explicitConfig: options.parallel.explicitConfig } : {}, files, options.parallel.workers, (n) => progress.update('reading', n)) : undefined;
  // A file over the size limits (`limits:` in .prr.yaml) is not even read; the engine says why.
  const readAhead = new ReadAhead(files.length, (i) => {
    const { limits } = configFor(files[i]);
    return results?.[i] && !results[i]?.failed ? undefined : readText(files[i], Math.max(limits.maxFileBytes, limits.maxRunbookBytes));
  });
  // Files are indexed in their sorted order either way, so cross-file findings do not depend on which thread parsed what.
  for (const [i, file] of files.entries()) {
    const result = results?.[i];
    const read = result && !result.failed ? result.read : ((await readAhead.take(i)) as TextRead);
    if (read.ok) {
      texts.set(file, read.text);
      const document = { uri: pathToFileURL(file).href, text: read.text };
      if (result?.local) engine.adopt(document, result.local, configFor(file));
      if (result?.findings) done.set(file, result.findings);
      engine.setFile(document, configFor(file));
    } else {
      skipped.set(file, read);
    }
    if (!results) progress.update('reading', i + 1);
  }
  if (options.fix) fixFiles(engine, texts, configFor, options.configs);
  const reports: FileReport[] = [];
  for (const [i, file] of files.entries()) {
    const text = texts.get(file);
    const findings = text === undefined ? unread(engine, file, skipped.get(file), configFor(file)) : done.get(file) ?? engine.check({ uri: pathToFileURL(file).href, text }, configFor(file));
    reports.push({ path: displayPath(file), findings });
    progress.update('checking', i + 1);
  }
  progress.finish();
  return { files: reports, summary: summarize(reports) };
}

/**
 * Reads a few files ahead of the one being indexed: reading waits on the disk and the engine
 * on the CPU, and one at a time the process would spend a third of a big tree's time idle.
 */
class ReadAhead {
  private static readonly WINDOW = 16;
  private readonly pending = new Map<number, Promise<TextRead> | undefined>();
  private next = 0;

  constructor(private readonly count: number, private readonly read: (index: number) => Promise<TextRead> | undefined) {}

  /** File `index`'s read (undefined where `read` gave none); call with 0, 1, 2, … in order. */
  take(index: number): Promise<TextRead> | undefined {
    while (this.next < Math.min(this.count, index + ReadAhead.WINDOW)) {
      const promise = this.read(this.next);
      // Awaited in turn; until then a failed read must not count as an unhandled rejection.
      promise?.catch(() => {});
      this.pending.set(this.next++, promise);
    }
    const promise = this.pending.get(index);
    this.pending.delete(index);
    return promise;
  }
}

/**
 * `--fix`: every file's preferred fixes, applied until nothing changes, written atomically.
 * Configuration files first: when one is rewritten, every file's configuration is read again and
 * the index rebuilt with it, so the other files are fixed and reported under the fixed one.
 */
function fixFiles(engine: Engine, texts: Map<string, string>, configFor: (path: string) => FileConfig, configs: CheckOptions['configs']): void {
  const isConfig = (file: string) => configs?.isConfig(file) === true;
  const files = [...texts.keys()];
  const rewritten = files.filter(isConfig).filter((file) => fixFile(engine, texts, file, configFor));
  if (rewritten.length > 0 && configs) {
    configs.invalidate();
    for (const [file, text] of texts) engine.setFile({ uri: pathToFileURL(file).href, text }, configFor(file));
  }
  for (const file of files) if (!isConfig(file)) fixFile(engine, texts, file, configFor);
}

/** Applies fix-all to one file and writes it back; whether it was rewritten. */
function fixFile(engine: Engine, texts: Map<string, string>, file: string, configFor: (path: string) => FileConfig): boolean {
  const text = texts.get(file) as string;
  const uri = pathToFileURL(file).href;
  const result = engine.fixAll({ uri, text }, configFor(file));
  if (result.fixed === 0 || result.text === text) return false;
  let refused: string | undefined;
  try {
    refused = writeFixedText(file, result.text, text);
  } catch (error) {
    // Gone, or in a folder prr may not write to: this file stays as it is, the others are still fixed.
    refused = error instanceof Error ? error.message : String(error);
  }
  if (refused) {
    process.stderr.write(`prr: ${displayPath(file)}: not fixed (${refused})\n`);
    return false;
  }
  texts.set(file, result.text);
  engine.setFile({ uri, text: result.text }, configFor(file));
  return true;
}

/**
 * A `.prr.yaml` that could not be used, or that names a custom schema that could not be, is
 * part of the report even when it was not among the paths checked: a CI must not pass on a
 * configuration it silently ignored.
 */
export async function withBrokenConfigs(engine: Engine, report: CheckReport, broken: Iterable<string>): Promise<CheckReport> {
  const shown = new Set(report.files.map((f) => f.path));
  const extra: FileReport[] = [];
  for (const file of broken) {
    const path = displayPath(file);
    const read = await readText(file);
    if (shown.has(path) || !read.ok) continue;
    const findings = engine.check({ uri: pathToFileURL(file).href, text: read.text });
    // A usable file is here for its `schemas:` entries: only when one of them cannot be used.
    if (findings.length > 0) extra.push({ path, findings });
    shown.add(path); // a broken file may name schemas too: once
  }
  return withFiles(report, extra);
}

/** Paths found but not readable (a folder that may not be listed, a file that may not be looked at), each with a `file-skipped` finding. */
export function withUnreadable(report: CheckReport, unreadable: ReadonlyMap<string, string>): CheckReport {
  return withFiles(report, [...unreadable].map(([file, reason]) => ({ path: displayPath(file), findings: [skippedFinding(reason)] })));
}

/** The report with `extra` files' reports added, every file in path order. */
function withFiles(report: CheckReport, extra: FileReport[]): CheckReport {
  if (extra.length === 0) return report;
  const files = [...report.files, ...extra].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, summary: summarize(files) };
}

/** The report with findings below `error` left out (`--quiet`), counts to match. */
export function errorsOnly(report: CheckReport): CheckReport {
  const files = report.files.map((f) => ({ path: f.path, findings: f.findings.filter((x) => x.severity === 'error') }));
  return { files, summary: summarize(files) };
}

export function summarize(files: readonly FileReport[]): Summary {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  let filesWithFindings = 0;
  for (const file of files) {
    if (file.findings.length > 0) filesWithFindings++;
    for (const finding of file.findings) counts[finding.severity]++;
  }
  return { errors: counts.error, warnings: counts.warning, infos: counts.info, hints: counts.hint, files: files.length, filesWithFindings };
}

function unread(engine: Engine, file: string, skipped: { reason: string; bytes?: number } | undefined, config: FileConfig): Finding[] {
  if (skipped?.bytes !== undefined) return engine.oversized(pathToFileURL(file).href, skipped.bytes, config);
  return [skippedFinding(skipped?.reason ?? 'not read')];
}

function skippedFinding(reason: string): Finding {
  const start = { line: 0, character: 0 };
  return { ruleId: FILE_SKIPPED.id, severity: FILE_SKIPPED.defaultSeverity, message: reason, range: { start, end: start } };
}
