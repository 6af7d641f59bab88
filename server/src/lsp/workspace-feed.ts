// Keeps the engine's workspace index current from the file system: an initial scan of
// the workspace folders (with progress), watched-file events, and a return to the disk
// version when an editor closes a buffer. Open buffers always win over disk.

import { fileURLToPath, pathToFileURL } from 'node:url';
import { FileChangeType, type Connection, type FileEvent, type TextDocuments, type WorkDoneProgressReporter } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Engine, FileConfig } from '../service';
import { collectFiles, isWalked } from '../node/workspace';
import { readText } from '../node/read-text';

export class WorkspaceFeed {
  /** Per file, how many watched-file events have come in: a read that an event overtook is dropped. */
  private readonly generations = new Map<string, number>();
  /** The workspace folders scanned, and the files read from disk into the index. */
  private folders: readonly string[] = [];
  private readonly indexed = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly engine: Engine,
    private readonly configFor: (uri: string) => FileConfig,
  ) {}

  /** Reads every candidate file under `folders` into the index; returns how many were read. */
  async scan(folders: readonly string[], progress: WorkDoneProgressReporter): Promise<number> {
    this.folders = folders;
    const files = await this.list();
    progress.begin('prr: indexing workspace', 0, `${files.length} files`, false);
    for (let i = 0; i < files.length; i++) {
      await this.read(pathToFileURL(files[i]).href);
      if (i % 50 === 0) {
        progress.report(Math.round((i / files.length) * 100), `${i}/${files.length} files`);
        await new Promise((resolve) => setImmediate(resolve)); // let edits through during a long scan
      }
    }
    progress.done();
    return files.length;
  }

  /**
   * After a `.prr.yaml` changed (include, exclude, gitignore): the files its new configuration leaves out go
   * from the index, the ones it takes in are read. Returns the files whose findings may have changed.
   */
  async rescan(): Promise<string[]> {
    if (this.folders.length === 0) return [];
    const wanted = new Set((await this.list()).map((file) => pathToFileURL(file).href));
    const affected = new Set<string>();
    for (const uri of [...this.indexed]) {
      if (wanted.has(uri) || this.documents.get(uri)) continue;
      this.indexed.delete(uri);
      for (const other of this.engine.removeFile(uri)) affected.add(other);
    }
    for (const uri of wanted) if (!this.indexed.has(uri)) for (const other of await this.read(uri)) affected.add(other);
    return [...affected];
  }

  /** The files a scan reads: candidates the configuration does not exclude, .gitignore decided per path as `prr check` does. */
  private list(): Promise<string[]> {
    return collectFiles(this.folders, (p) => this.engine.isCandidate(p) && !this.configFor(pathToFileURL(p).href).isExcluded(p), {
      gitignore: (p) => this.gitignore(p),
      unreadable: (path, reason) => this.connection.console.warn(`prr: ${path} ${reason}`),
    }).catch((error: unknown) => {
      this.connection.console.warn(`prr: could not list the workspace: ${String(error)}`);
      return [] as string[];
    });
  }

  private gitignore(path: string): boolean {
    return this.configFor(pathToFileURL(path).href).gitignore;
  }

  /** Whether the scan would read the file: in a workspace folder, not in a skipped folder, not ignored, not excluded. */
  private async wanted(uri: string): Promise<boolean> {
    const path = fileURLToPath(uri);
    const root = this.folders.find((folder) => path.startsWith(`${folder}/`));
    if (!root) return this.folders.length === 0; // outside the workspace (or none): as before, the file decides alone
    return !this.configFor(uri).isExcluded(path) && (await isWalked(path, root, (p) => this.gitignore(p)));
  }

  /** Applies watched-file events; returns the files whose findings may have changed. */
  async onWatchedFiles(changes: readonly FileEvent[]): Promise<string[]> {
    const affected = new Set<string>();
    for (const change of changes) {
      this.generations.set(change.uri, (this.generations.get(change.uri) ?? 0) + 1);
      if (this.documents.get(change.uri)) continue; // the open buffer is the truth
      if (change.type === FileChangeType.Deleted) this.indexed.delete(change.uri);
      const uris = change.type === FileChangeType.Deleted ? this.engine.removeFile(change.uri) : await this.loadFromDisk(change.uri);
      for (const uri of uris) affected.add(uri);
    }
    return [...affected];
  }

  /** Replaces a file's entry in the index with what is on disk (or removes it: also when the scan would not read it). */
  async loadFromDisk(uri: string): Promise<string[]> {
    if (!uri.startsWith('file:') || !this.engine.isCandidate(uri)) return [];
    if (await this.wanted(uri).catch(() => false)) return this.read(uri);
    this.indexed.delete(uri);
    return this.engine.removeFile(uri);
  }

  /** `loadFromDisk` for a file the walk found (the scan's own list): no second look at .gitignore files and excludes. */
  private async read(uri: string): Promise<string[]> {
    if (!uri.startsWith('file:') || !this.engine.isCandidate(uri)) return [];
    const generation = this.generations.get(uri);
    try {
      // Files over the size limits (`limits:` in .prr.yaml) are not read, as in `prr check`; opened, they get `file-too-large`.
      const { limits } = this.configFor(uri);
      const read = await readText(fileURLToPath(uri), Math.max(limits.maxFileBytes, limits.maxRunbookBytes));
      // A watched-file event for this file came in while it was being read (the scan reads in the background): that
      // event's own handling is newer than this text, which must not put back a file just deleted.
      if (this.generations.get(uri) !== generation) return [];
      if (read.ok) this.indexed.add(uri);
      else this.indexed.delete(uri);
      return read.ok ? this.engine.setFile({ uri, text: read.text }, this.configFor(uri)) : this.engine.removeFile(uri);
    } catch {
      this.indexed.delete(uri);
      return this.engine.removeFile(uri); // deleted or unreadable
    }
  }
}
