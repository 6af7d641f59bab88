// The engine under fuzz: mutated documents through every entry point an editor or the CLI
// uses — check, complete, hover, definition, symbols, links, folding, fix-all — and every
// fix each finding offers. A failure is an exception, an internal-error finding, a range
// outside the document, an edit that does not apply, or an iteration slower than SLOW_MS.

import { createEngine, resolveConfig, type Engine, type EngineIO, type FileConfig, type Finding, type DocumentSymbol } from '../../server/src/service';
import { applyEdits, Lines, type Pos } from './invariants';
import { mutate } from './mutate';
import { seeded, type Random } from './random';
import type { Seed } from './seeds';

export interface Failure {
  /** What failed: the operation and why. */
  what: string;
  seed: string;
  iteration: number;
  mutations: string[];
  text: string;
  /** The other documents open at the time (server runs): path → text. */
  others?: Record<string, string>;
}

export interface FuzzStats {
  iterations: number;
  /** Engine calls made (check, complete, hover, …). */
  calls: number;
  /** Fixes whose edits were applied (and, for some, the result checked again). */
  fixes: number;
  ms: number;
  failures: Failure[];
  /** Failures by `what`, counted (only the first of each kind is kept in `failures`). */
  kinds: Map<string, number>;
  slowest: { ms: number; seed: string; iteration: number };
}

export interface FuzzOptions {
  seeds: readonly Seed[];
  /** The random seed: the same one replays the same run. */
  seed: number;
  /** Stop after this many iterations… */
  iterations?: number;
  /** …or after this many milliseconds, whichever comes first. */
  timeMs?: number;
  /** An iteration slower than this is a failure. */
  slowMs?: number;
  onProgress?: (stats: FuzzStats) => void;
  /** Told each input before it goes in (a watchdog keeps the last, to name the input of a hang). */
  onInput?: (input: Omit<Failure, 'what'>) => void;
}

/** Extra seeds the fixtures lack: a `.prr.yaml` with every kind of key, JSON, multi-document and list forms. */
export const EXTRA_SEEDS: readonly Seed[] = [
  { path: 'extra/.prr.yaml', text: 'root: true\nexclude: [vendor/**]\nrules:\n  unknown-property: warning\nrunbooks:\n  requiredSections: { mitigation: error }\n  synonyms: { mitigation: ["What to do"] }\n  staleAfterDays: 90\nlimits:\n  maxFindings: 50\n' },
  { path: 'extra/svc.readiness.json', text: '{\n  "apiVersion": "prr/v1",\n  "kind": "ServiceReadiness",\n  "metadata": { "name": "svc" },\n  "spec": { "owner": "team", "tier": 2, "slos": [{ "ref": "x" }] }\n}\n' },
  { path: 'extra/list.yaml', text: '- apiVersion: openslo/v1\n  kind: Service\n  metadata: { name: a }\n  spec: {}\n- apiVersion: openslo/v1\n  kind: SLO\n  metadata: { name: b }\n  spec: { service: a, indicatorRef: nope, budgetingMethod: Occurrences, objectives: [{ target: 1 }] }\n' },
  { path: 'extra/anchors.readiness.yaml', text: 'apiVersion: prr/v1\nkind: ServiceReadiness\nmetadata: &m\n  name: svc\nspec:\n  owner: &o team\n  tier: 1\n  oncall: *o\n  extra: *m\n' },
];

const NOW = new Date('2026-11-27T12:00:00Z');
const ROOT = 'file:///fuzz/';

export function createFuzzEngine(seeds: readonly Seed[]): { engine: Engine; texts: Map<string, string>; config: (path: string) => FileConfig } {
  const texts = new Map<string, string>();
  // Besides the seeds, every other Markdown file whose name hashes even exists (a small runbook),
  // so that references resolve as often as not — both ways get fuzzed.
  const exists = (uri: string) => texts.has(uri) || /\/$/.test(uri) || (/\.(md|markdown)$/i.test(uri) && hash(uri) % 2 === 0);
  const io: EngineIO = { exists, readFile: (uri) => texts.get(uri) ?? (exists(uri) ? '# Runbook\n\n## Mitigation\n\n- Roll back.\n' : undefined) };
  const engine = createEngine({ now: () => NOW, io, docsBaseUrl: 'https://example.invalid/docs/rules/' });
  const small = resolveConfig([{ folder: '/fuzz/extra', data: { limits: { maxFindings: 50 } } as never }]);
  const config = (path: string) => (path.startsWith('extra/') ? small : resolveConfig([]));
  for (const seed of seeds) {
    texts.set(ROOT + seed.path, seed.text);
    engine.setFile({ uri: ROOT + seed.path, text: seed.text }, config(seed.path));
  }
  return { engine, texts, config };
}

export function fuzzEngine(options: FuzzOptions): FuzzStats {
  const seeds = [...options.seeds, ...EXTRA_SEEDS];
  const donors = seeds.map((s) => s.text);
  const { engine, texts, config } = createFuzzEngine(seeds);
  const random = seeded(options.seed);
  // Four iterations in five on YAML and JSON, one on Markdown (which parses ten times slower), whatever the mix of seeds.
  const yaml = seeds.filter((s) => !/\.(md|markdown)$/i.test(s.path));
  const markdown = seeds.filter((s) => /\.(md|markdown)$/i.test(s.path));
  const stats = emptyStats();
  const started = performance.now();
  const deadline = started + (options.timeMs ?? Infinity);
  const maxIterations = options.iterations ?? Infinity;
  const slowMs = options.slowMs ?? 3000;
  let lastProgress = started;
  while (stats.iterations < maxIterations && performance.now() < deadline) {
    const seed = random.pick(markdown.length === 0 || random.chance(0.8) ? yaml : markdown);
    const { text, applied } = random.chance(0.03) ? { text: seed.text, applied: [] } : mutate(seed.text, random, donors);
    const iteration = stats.iterations++;
    options.onInput?.({ seed: seed.path, iteration, mutations: applied, text });
    const fail = (what: string) => {
      stats.kinds.set(what, (stats.kinds.get(what) ?? 0) + 1);
      if (stats.kinds.get(what) === 1) stats.failures.push({ what, seed: seed.path, iteration, mutations: applied, text });
    };
    const t = performance.now();
    runOne(engine, { uri: ROOT + seed.path, text }, config(seed.path), random, fail, stats);
    // Back to the seed's own text, so the next iteration sees the workspace as it was.
    try {
      engine.setFile({ uri: ROOT + seed.path, text: texts.get(ROOT + seed.path) ?? '' }, config(seed.path));
    } catch (error) {
      fail(`setFile (restore) threw: ${firstLine(error)}`);
    }
    const took = performance.now() - t;
    if (took > stats.slowest.ms) stats.slowest = { ms: took, seed: seed.path, iteration };
    if (took > slowMs) fail(`slow: one iteration took more than ${slowMs} ms`);
    if (options.onProgress && performance.now() - lastProgress > 5000) {
      lastProgress = performance.now();
      stats.ms = lastProgress - started;
      options.onProgress(stats);
    }
  }
  stats.ms = performance.now() - started;
  return stats;
}

/**
 * Every entry point on one document, checking what it returns. `exhaustive`: every feature at
 * every position (for the regression fixtures); otherwise check plus two random features.
 */
export function runOne(engine: Engine, document: { uri: string; text: string }, config: FileConfig, random: Random, fail: (what: string) => void, stats: FuzzStats, exhaustive = false): void {
  const lines = new Lines(document.text);
  const call = <T>(name: string, work: () => T): T | undefined => {
    stats.calls++;
    try {
      return work();
    } catch (error) {
      fail(`${name} threw: ${firstLine(error)}`);
      return undefined;
    }
  };
  const range = (name: string, r: Parameters<Lines['badRange']>[0]) => {
    const bad = lines.badRange(r);
    if (bad) fail(`${name}: range outside the document (${bad.replace(/\d+/g, 'N')})`);
  };

  // check indexes the document first (setFile), as the language server does on a change.
  const findings = call('check', () => engine.check(document, config)) ?? [];
  checkFindings(findings, document, lines, random, fail, range, stats, (text) => call('check (after a fix)', () => engine.check({ uri: document.uri, text }, config)));

  // Then two of the editor's features (each iteration a different pair), so an iteration stays a few milliseconds.
  let position = lines.randomPosition(random.int);
  const features: (() => void)[] = [
    () => {
      for (const item of call('complete', () => engine.complete(document, position, config)) ?? []) {
        range('complete', item.edit.range);
        if (!lines.badRange(item.edit.range) && !contains(item.edit.range, position)) fail('complete: an edit range that does not contain the position');
        if (item.edit.range.start.line !== item.edit.range.end.line) fail('complete: an edit range over more than one line');
      }
    },
    () => {
      // With the findings, as the language server passes them (cached per version).
      const hovered = call('hover', () => engine.hover(document, position, config, findings));
      if (hovered) range('hover', hovered.range);
    },
    () => {
      for (const target of call('definition', () => engine.definition(document, position, config)) ?? []) if (target.uri === document.uri) range('definition', target.range);
    },
    () => {
      const visit = (symbol: DocumentSymbol) => {
        range('symbols', symbol.range);
        range('symbols (selectionRange)', symbol.selectionRange);
        if (!lines.badRange(symbol.range) && !lines.badRange(symbol.selectionRange) && !inside(symbol.selectionRange, symbol.range)) fail('symbols: selectionRange outside range');
        symbol.children.forEach(visit);
      };
      (call('symbols', () => engine.symbols(document, config)) ?? []).forEach(visit);
    },
    () => {
      for (const link of call('links', () => engine.links(document, config)) ?? []) range('links', link.range);
    },
    () => {
      for (const fold of call('foldingRanges', () => engine.foldingRanges(document, config)) ?? []) {
        if (!(fold.startLine >= 0 && fold.startLine <= fold.endLine && fold.endLine < lines.count)) fail('foldingRanges: lines outside the document');
      }
    },
    () => {
      const result = call('fixAll', () => engine.fixAll(document, config));
      if (!result) return;
      try {
        if (applyEdits(lines, result.edits) !== result.text) fail('fixAll: its edits do not give its text');
      } catch (error) {
        fail(`fixAll: ${firstLine(error).replace(/\d+/g, 'N')}`);
      }
    },
  ];
  if (exhaustive) {
    features.slice(3).forEach((feature) => feature());
    for (let line = 0; line < lines.count; line++) {
      for (let character = 0; character <= lines.lengths[line]; character++) {
        position = { line, character };
        features.slice(0, 3).forEach((feature) => feature());
      }
    }
    return;
  }
  const first = random.int(features.length);
  features[first]();
  features[(first + 1 + random.int(features.length - 1)) % features.length]();
}

export function emptyStats(): FuzzStats {
  return { iterations: 0, calls: 0, fixes: 0, ms: 0, failures: [], kinds: new Map(), slowest: { ms: 0, seed: '', iteration: 0 } };
}

function checkFindings(
  findings: readonly Finding[],
  document: { uri: string; text: string },
  lines: Lines,
  random: Random,
  fail: (what: string) => void,
  range: (name: string, r: Finding['range']) => void,
  stats: FuzzStats,
  recheck: (text: string) => unknown,
): void {
  for (const finding of findings) {
    range(`check (${finding.ruleId})`, finding.range);
    if (finding.ruleId === 'internal-error') fail(`check: internal-error: ${finding.message.replace(/\d+/g, 'N')}`);
    for (const related of finding.related ?? []) if (related.uri === document.uri) range(`check (${finding.ruleId} related)`, related.range);
    for (const fix of finding.fixes ?? []) {
      if (!fix.edits) continue;
      stats.fixes++;
      let fixed: string;
      try {
        fixed = applyEdits(lines, fix.edits);
      } catch (error) {
        fail(`fix "${fix.title.replace(/`[^`]*`/g, '`…`')}" (${finding.ruleId}): ${firstLine(error).replace(/\d+/g, 'N')}`);
        continue;
      }
      // Now and then, the fixed text goes through the engine too (a fix must not produce a text that breaks it).
      if (random.chance(0.02)) recheck(fixed);
    }
  }
}

function contains(r: { start: Pos; end: Pos }, p: Pos): boolean {
  return before(r.start, p) && before(p, r.end);
}

function inside(inner: { start: Pos; end: Pos }, outer: { start: Pos; end: Pos }): boolean {
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

function before(a: Pos, b: Pos): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

function hash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return Math.abs(h);
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.split('\n')[0].slice(0, 200);
}
