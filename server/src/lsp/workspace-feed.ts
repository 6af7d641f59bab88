// Keeps the engine's workspace index current from the file system: an initial scan of
// the workspace folders (with progress), watched-file events, and a return to the disk
// version when an editor closes a buffer. Open buffers always win over disk.

import { fileURLToPath, pathToFileURL } from 'node:url';
import { FileChangeType, type Connection, type FileEvent, type TextDocuments, type WorkDoneProgressReporter } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Engine, FileConfig } from '../service';
import { collectFiles } from '../node/workspace';
import { readText } from '../node/read-text';

export class WorkspaceFeed {
  /** Per file, how many watched-file events have come in: a read that an event overtook is dropped. */
  private readonly generations = new Map<string, number>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly engine: Engine,
    private readonly configFor: (uri: string) => FileConfig,
  ) {}

  /** Reads every candidate file under `folders` into the index; returns how many were read. */
  async scan(folders: readonly string[], progress: WorkDoneProgressReporter): Promise<number> {
    const unreadable = (path: string, reason: string) => this.connection.console.warn(`prr: ${path} ${reason}`);
    const files = await collectFiles(folders, (p) => this.engine.isCandidate(p) && !this.configFor(pathToFileURL(p).href).isExcluded(p), {
      gitignore: (p) => this.configFor(pathToFileURL(p).href).gitignore, // as `prr check` decides it
      unreadable,
    }).catch((error: unknown) => {
      this.connection.console.warn(`prr: could not list the workspace: ${String(error)}`);
      return [] as string[];
    });
    progress.begin('prr: indexing workspace', 0, `${files.length} files`, false);
    for (let i = 0; i < files.length; i++) {
      await this.loadFromDisk(pathToFileURL(files[i]).href);
      if (i % 50 === 0) {
        progress.report(Math.round((i / files.length) * 100), `${i}/${files.length} files`);
        await new Promise((resolve) => setImmediate(resolve)); // let edits through during a long scan
      }
    }
    progress.done();
    return files.length;
  }

  /** Applies watched-file events; returns the files whose findings may have changed. */
  async onWatchedFiles(changes: readonly FileEvent[]): Promise<string[]> {
    const affected = new Set<string>();
    for (const change of changes) {
      this.generations.set(change.uri, (this.generations.get(change.uri) ?? 0) + 1);
      if (this.documents.get(change.uri)) continue; // the open buffer is the truth
      const uris = change.type === FileChangeType.Deleted ? this.engine.removeFile(change.uri) : await this.loadFromDisk(change.uri);
      for (const uri of uris) affected.add(uri);
    }
    return [...affected];
  }

  /** Replaces a file's entry in the index with what is on disk (or removes it). */
  async loadFromDisk(uri: string): Promise<string[]> {
    if (!uri.startsWith('file:') || !this.engine.isCandidate(uri)) return [];
    const generation = this.generations.get(uri);
    try {
      // Files over the size limits (`limits:` in .prr.yaml) are not read, as in `prr check`; opened, they get `file-too-large`.
      const { limits } = this.configFor(uri);
      const read = await readText(fileURLToPath(uri), Math.max(limits.maxFileBytes, limits.maxRunbookBytes));
      // A watched-file event for this file came in while it was being read (the scan reads in the background): that
      // event's own handling is newer than this text, which must not put back a file just deleted.
      if (this.generations.get(uri) !== generation) return [];
      return read.ok ? this.engine.setFile({ uri, text: read.text }, this.configFor(uri)) : this.engine.removeFile(uri);
    } catch {
      return this.engine.removeFile(uri); // deleted or unreadable
    }
  }
}
