// Computes diagnostics for open documents, cached by (uri, version), and delivers
// them by pull (when the client supports it) or by debounced push. A result is never
// published for a version the editor has already moved past.

import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Engine, FileConfig, Finding } from '../service';
import { toDiagnostic } from './convert';
import { throwIfTesting } from './guard';

/**
 * Debounce only what needs it: a document whose last check of an edit took longer than FAST_CHECK_MS
 * waits PUSH_DELAY_MS for the typing to pause; a fast one is checked at once (a burst of
 * changes already queued still coalesces, since only the newest version is published).
 * A check's cost is its CPU time, not its wall time: on a loaded machine a fast check waits
 * for a core, and debouncing it would only add the delay on top of the wait.
 */
const PUSH_DELAY_MS = 150;
/** An edit in the middle of a 50,000-line OpenSLO file costs 35–45 ms of CPU here (docs/performance.md): not debounced. */
const FAST_CHECK_MS = 100;

/**
 * Findings that say something exists nowhere in the workspace: until the first scan has read the
 * workspace they would be false (the SLO is there, just not read yet), so they wait for it; the scan's
 * end re-publishes every open document.
 */
const ABSENCE_RULES = new Set(['unresolved-reference', 'missing-service']);

interface CacheEntry {
  version: number;
  epoch: number;
  findings: Finding[];
  diagnostics: Diagnostic[];
}

export class DiagnosticsService {
  private readonly cache = new Map<string, CacheEntry>();
  /** Cancels the pending check of each document that has one. */
  private readonly pending = new Map<string, () => void>();
  private readonly lastCheckMs = new Map<string, number>();
  /** Whether a finding was held back while the workspace was being scanned (see ABSENCE_RULES). */
  private heldBack = false;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly engine: () => Engine | undefined,
    /** The `.prr.yaml` configuration that applies to a document. */
    private readonly configFor: (uri: string) => FileConfig,
    /** Changes when results may differ for the same text (settings, other files). */
    private readonly epoch: () => number,
    /** True once the initial workspace scan has ended (see ABSENCE_RULES). */
    private readonly scanned: () => boolean = () => true,
  ) {}

  /** Whether findings were held back before the scan ended (and so whether documents need checking again); resets. */
  takeHeldBack(): boolean {
    const held = this.heldBack;
    this.heldBack = false;
    return held;
  }

  /** Diagnostics for the document's current version, computed at most once per version and epoch. */
  compute(document: TextDocument): Diagnostic[] {
    return this.entry(document).diagnostics;
  }

  /** The engine's findings behind the diagnostics (with their fixes), from the same cache. */
  findings(document: TextDocument): Finding[] {
    return this.entry(document).findings;
  }

  private entry(document: TextDocument): CacheEntry {
    const cached = this.cache.get(document.uri);
    const epoch = this.epoch();
    if (cached && cached.version === document.version && cached.epoch === epoch) return cached;
    const engine = this.engine();
    let findings: Finding[] = [];
    const started = process.cpuUsage();
    if (engine) {
      try {
        throwIfTesting('textDocument/diagnostic', document.uri);
        findings = engine.check({ uri: document.uri, text: document.getText() }, this.configFor(document.uri));
        if (!this.scanned()) {
          const all = findings.length;
          findings = findings.filter((f) => !ABSENCE_RULES.has(f.ruleId));
          if (findings.length < all) this.heldBack = true;
        }
      } catch (error) {
        this.connection.console.error(`prr: textDocument/diagnostic failed for ${document.uri}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      }
    }
    const spent = process.cpuUsage(started);
    // A document's first check pays for what later checks reuse (every document parsed, every budget worded):
    // its cost says nothing about the checks of its edits, so only those decide the debounce.
    if (cached) this.lastCheckMs.set(document.uri, (spent.user + spent.system) / 1000);
    const entry = { version: document.version, epoch, findings, diagnostics: engine ? findings.map((f) => toDiagnostic(f, engine)) : [] };
    this.cache.set(document.uri, entry);
    return entry;
  }

  /** Push mode: schedule a check; later edits within the delay replace it. A document seen for the first time, or one that checks fast, is checked at once. */
  schedule(document: TextDocument): void {
    const fast = (this.lastCheckMs.get(document.uri) ?? 0) < FAST_CHECK_MS;
    this.pending.get(document.uri)?.();
    const { uri, version } = document;
    const run = () => {
      this.pending.delete(uri);
      const current = this.documents.get(uri);
      if (!current || current.version !== version) return; // a newer change has its own check pending
      const diagnostics = this.compute(current);
      if (this.documents.get(uri)?.version !== version) return;
      void this.connection.sendDiagnostics({ uri, version, diagnostics });
    };
    this.pending.set(uri, fast ? afterQueuedMessages(run) : after(PUSH_DELAY_MS, run));
  }

  /** A closed document keeps no diagnostics and no pending work. */
  forget(uri: string, push: boolean): void {
    this.pending.get(uri)?.();
    this.pending.delete(uri);
    this.cache.delete(uri);
    this.lastCheckMs.delete(uri);
    if (push) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}

/** Runs `run` after `ms`; returns what cancels it. */
function after(ms: number, run: () => void): () => void {
  const timer = setTimeout(run, ms);
  return () => clearTimeout(timer);
}

/**
 * Runs `run` as soon as the messages already received have been handled, without a timer's
 * millisecond: vscode-jsonrpc handles one message per turn of the event loop and queues the next
 * turn after the handler returns, so a check queued from a handler goes one turn further to
 * let a change that is already waiting replace it. Returns what cancels it.
 */
function afterQueuedMessages(run: () => void): () => void {
  let immediate = setImmediate(() => {
    immediate = setImmediate(run);
  });
  return () => clearImmediate(immediate);
}
