// The built language server under fuzz, over stdio as an editor drives it: mutated
// documents opened and changed (incremental edits), then diagnostics, completion, hover,
// code actions, outline, folding, links and definition at random positions. A failure is a
// request not answered, an error response, a log line saying something failed, a range
// outside the document, an edit that does not apply, or the process gone.

import type { ClientCapabilities } from 'vscode-languageserver-protocol/node';
import { startServer, type ServerSession } from '../lsp/server-process';
import { applyEdits, Lines, type Edit, type Rng } from './invariants';
import { mutate } from './mutate';
import { seeded, type Random } from './random';
import type { Seed } from './seeds';
import type { Failure } from './engine-fuzz';

export interface ServerFuzzStats {
  iterations: number;
  requests: number;
  notifications: number;
  ms: number;
  failures: Failure[];
  kinds: Map<string, number>;
}

export interface ServerFuzzOptions {
  seeds: readonly Seed[];
  seed: number;
  iterations?: number;
  timeMs?: number;
  /** A request unanswered for this long is a failure. */
  requestTimeoutMs?: number;
}

const CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } },
  textDocument: {
    diagnostic: { dynamicRegistration: false },
    completion: { completionItem: { snippetSupport: true } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
    foldingRange: { lineFoldingOnly: true },
    documentLink: {},
    definition: {},
  },
};

const ROOT = 'file:///prr-fuzz-server/';
/** Log lines that mean a handler failed. */
const FAILED = /failed|internal error|uncaught|unhandled/i;

export async function fuzzServer(options: ServerFuzzOptions): Promise<ServerFuzzStats> {
  const random = seeded(options.seed);
  const donors = options.seeds.map((s) => s.text);
  const stats: ServerFuzzStats = { iterations: 0, requests: 0, notifications: 0, ms: 0, failures: [], kinds: new Map() };
  const started = performance.now();
  const deadline = started + (options.timeMs ?? Infinity);
  const server = await startServer({ capabilities: CAPABILITIES });
  const logs: string[] = [];
  server.connection.onNotification('window/logMessage', ({ message }: { message: string }) => {
    logs.push(message);
  });
  const open = new Map<string, { text: string; version: number; seed: string }>();
  let current: { seed: string; iteration: number; mutations: string[]; text: string } = { seed: '', iteration: 0, mutations: [], text: '' };
  let stuck = false;
  const fail = (what: string) => {
    if (/not answered/.test(what)) stuck = true;
    stats.kinds.set(what, (stats.kinds.get(what) ?? 0) + 1);
    if (stats.kinds.get(what) !== 1) return;
    const others = Object.fromEntries([...open].filter(([, d]) => d.seed !== current.seed).map(([, d]) => [d.seed, d.text]));
    stats.failures.push({ what: `server: ${what}`, ...current, others });
  };
  try {
    // A request not answered means a server stuck (in a loop): nothing after it would be answered either.
    while (!stuck && stats.iterations < (options.iterations ?? Infinity) && performance.now() < deadline) {
      const seed = random.pick(options.seeds);
      const uri = ROOT + seed.path;
      const { text, applied } = mutate(seed.text, random, donors);
      current = { seed: seed.path, iteration: stats.iterations++, mutations: applied, text };
      const before = open.get(uri);
      if (!before || random.chance(0.1)) {
        if (before) await notify(server, stats, 'textDocument/didClose', { textDocument: { uri } });
        await notify(server, stats, 'textDocument/didOpen', { textDocument: { uri, languageId: /\.md$/.test(uri) ? 'markdown' : 'yaml', version: 1, text } });
        open.set(uri, { text, version: 1, seed: seed.path });
      } else {
        const version = before.version + 1;
        await notify(server, stats, 'textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes(before.text, text, random) });
        open.set(uri, { text, version, seed: seed.path });
      }
      await exercise(server, uri, text, random, stats, fail, options.requestTimeoutMs ?? 10_000);
      const seen = [...logs.splice(0), ...server.stderr.splice(0)];
      for (const line of seen) if (FAILED.test(line) || /warning|error/i.test(line)) fail(`logged: ${line.split('\n')[0].replace(/file:\/\/\S+/g, 'URI').replace(/\d+/g, 'N').slice(0, 160)}`);
      // Keep a handful of documents open, as an editor does.
      if (open.size > 6) {
        const [oldest] = open.keys();
        open.delete(oldest);
        await notify(server, stats, 'textDocument/didClose', { textDocument: { uri: oldest } });
      }
    }
  } finally {
    // What the server said after the last iteration (a crash prints its reason on stderr).
    await new Promise((resolve) => setTimeout(resolve, 100));
    for (const line of [...logs.splice(0), ...server.stderr.splice(0)]) if (FAILED.test(line) || /warning|error/i.test(line)) fail(`logged: ${line.split('\n')[0].replace(/file:\/\/\S+/g, 'URI').replace(/\d+/g, 'N').slice(0, 160)}`);
    const closed = stuck ? false : await within(server.close().then(() => true), 10_000);
    if (closed !== true) {
      if (!stuck) fail('did not shut down within 10 s');
      server.kill();
    }
  }
  stats.ms = performance.now() - started;
  return stats;
}

async function notify(server: ServerSession, stats: ServerFuzzStats, method: string, params: unknown): Promise<void> {
  stats.notifications++;
  await server.connection.sendNotification(method, params);
}

/** One incremental change (the span between common prefix and suffix), sometimes as two, or the whole text. */
function changes(before: string, after: string, random: Random): unknown[] {
  if (random.chance(0.1)) return [{ text: after }];
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < before.length - prefix && suffix < after.length - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  // Never split a CRLF or a surrogate pair at a change boundary: an editor's positions do not either.
  while (prefix > 0 && (isLow(before, prefix) || (before[prefix - 1] === '\r' && before[prefix] === '\n'))) prefix--;
  while (suffix > 0 && (isLow(before, before.length - suffix) || (before[before.length - suffix - 1] === '\r' && before[before.length - suffix] === '\n'))) suffix--;
  const lines = new Lines(before);
  const at = (offset: number) => {
    const line = upperBound(lines.starts, offset) - 1;
    return { line, character: offset - lines.starts[line] };
  };
  const range = { start: at(prefix), end: at(before.length - suffix) };
  return [{ range, text: after.slice(prefix, after.length - suffix) }];
}

function isLow(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  const p = text.charCodeAt(i - 1);
  return c >= 0xdc00 && c <= 0xdfff && p >= 0xd800 && p <= 0xdbff;
}

function upperBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid] <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}

async function exercise(server: ServerSession, uri: string, text: string, random: Random, stats: ServerFuzzStats, fail: (what: string) => void, timeoutMs: number): Promise<void> {
  const lines = new Lines(text);
  const textDocument = { uri };
  const request = async <T>(method: string, params: unknown): Promise<T | undefined> => {
    stats.requests++;
    try {
      const answer = await within(server.connection.sendRequest(method, params) as Promise<T>, timeoutMs);
      if (answer === TIMEOUT) {
        fail(`${method}: not answered within ${timeoutMs} ms`);
        return undefined;
      }
      return answer as T;
    } catch (error) {
      fail(`${method}: error response: ${String((error as Error).message ?? error).split('\n')[0].replace(/\d+/g, 'N').slice(0, 160)}`);
      return undefined;
    }
  };
  const range = (what: string, r: Rng | undefined) => {
    const bad = lines.badRange(r);
    if (bad) fail(`${what}: range outside the document (${bad.replace(/\d+/g, 'N')})`);
  };
  const edits = (what: string, list: Edit[]) => {
    try {
      applyEdits(lines, list);
    } catch (error) {
      fail(`${what}: ${String((error as Error).message).replace(/\d+/g, 'N')}`);
    }
  };

  const report = await request<{ kind: string; items?: { range: Rng; message: string; data?: unknown }[] }>('textDocument/diagnostic', { textDocument });
  const diagnostics = report?.items ?? [];
  for (const d of diagnostics) range('diagnostic', d.range);

  // Requests at random positions, all in flight at once, as an editor sends them while typing.
  const position = lines.randomPosition(random.int);
  const where = lines.randomPosition(random.int);
  const near = diagnostics.length > 0 && random.chance(0.7) ? random.pick(diagnostics).range : { start: where, end: where };
  await Promise.all([
    request<{ items?: CompletionItemLike[] } | CompletionItemLike[] | null>('textDocument/completion', { textDocument, position }).then((answer) => {
      const items = Array.isArray(answer) ? answer : answer?.items ?? [];
      for (const item of items) {
        const edit = item.textEdit;
        if (!edit) continue;
        if ('range' in edit) range('completion', edit.range);
        else {
          range('completion (insert)', edit.insert);
          range('completion (replace)', edit.replace);
        }
      }
      for (const extra of items.flatMap((i) => i.additionalTextEdits ?? [])) range('completion (additional edit)', extra.range);
    }),
    request<{ range?: Rng } | null>('textDocument/hover', { textDocument, position }).then((hover) => {
      if (hover?.range) range('hover', hover.range);
    }),
    request<CodeActionLike[] | null>('textDocument/codeAction', {
      textDocument,
      range: near,
      context: { diagnostics: diagnostics.filter((d) => overlaps(d.range, near)), ...(random.chance(0.2) ? { only: ['source.fixAll'] } : {}) },
    }).then((actions) => {
      for (const action of actions ?? []) {
        const own = [...(action.edit?.changes?.[uri] ?? []), ...(action.edit?.documentChanges ?? []).flatMap((c) => (c.textDocument?.uri === uri ? c.edits ?? [] : []))];
        edits(`codeAction "${(action.title ?? '').replace(/`[^`]*`/g, '`…`').replace(/\d+/g, 'N')}"`, own);
      }
    }),
    request<SymbolLike[] | null>('textDocument/documentSymbol', { textDocument }).then((symbols) => {
      const visit = (s: SymbolLike) => {
        if (s.location) return range('documentSymbol', s.location.range);
        range('documentSymbol', s.range);
        range('documentSymbol (selectionRange)', s.selectionRange);
        s.children?.forEach(visit);
      };
      symbols?.forEach(visit);
    }),
    request<{ startLine: number; endLine: number }[] | null>('textDocument/foldingRange', { textDocument }).then((folds) => {
      for (const f of folds ?? []) if (!(f.startLine >= 0 && f.startLine <= f.endLine && f.endLine < lines.count)) fail('foldingRange: lines outside the document');
    }),
    request<{ range: Rng }[] | null>('textDocument/documentLink', { textDocument }).then((links) => {
      for (const link of links ?? []) range('documentLink', link.range);
    }),
    request<{ uri: string; range: Rng }[] | { uri: string; range: Rng } | null>('textDocument/definition', { textDocument, position }).then((answer) => {
      for (const location of Array.isArray(answer) ? answer : answer ? [answer] : []) if (location.uri === uri) range('definition', location.range);
    }),
  ]);
}

interface CompletionItemLike {
  textEdit?: { range: Rng; newText: string } | { insert: Rng; replace: Rng; newText: string };
  additionalTextEdits?: Edit[];
}
interface CodeActionLike {
  title?: string;
  edit?: { changes?: Record<string, Edit[]>; documentChanges?: { textDocument?: { uri: string }; edits?: Edit[] }[] };
}
interface SymbolLike {
  range?: Rng;
  selectionRange?: Rng;
  children?: SymbolLike[];
  location?: { range: Rng };
}

function overlaps(a: Rng, b: Rng): boolean {
  const le = (x: Rng['start'], y: Rng['start']) => x.line < y.line || (x.line === y.line && x.character <= y.character);
  return le(a.start, b.end) && le(b.start, a.end);
}

const TIMEOUT = Symbol('timeout');

function within<T>(promise: Promise<T>, ms: number): Promise<T | typeof TIMEOUT> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([promise, new Promise<typeof TIMEOUT>((resolve) => (timer = setTimeout(() => resolve(TIMEOUT), ms)))]).finally(() => clearTimeout(timer));
}
