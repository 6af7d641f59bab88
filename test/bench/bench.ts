// Benchmark: is the engine's check close to the cost of the work it cannot avoid, and is
// a one-line edit cheap? The floor is yaml's parseAllDocuments + toJS + the very same
// compiled ajv validator on each document; everything the engine adds (positions, kind
// detection, error mapping, rules, the workspace index) must stay within TARGET x the floor.
// Each timed run checks a text no run has seen before (a comment on every `---` differs),
// so the engine's per-document cache cannot make it look faster than a first check.
// Runs are interleaved so machine noise hits engine and floor alike; medians resist outliers.
// Runbooks have their own floor: the engine's Markdown parser (@lezer/markdown with GFM, and
// the walk that turns its tree into mdast with positions), once, and the front matter as YAML
// documents validated against the front-matter schema — the YAML floor's work, for the part
// of a runbook that is YAML; the engine adds positions, the section model and the runbook
// rules on top. (With micromark, parsing was ~80 % of a runbook's check and the front matter
// did not show; lezer parses ten times faster, so it does.)

import { parseAllDocuments } from 'yaml';
import { createEngine, resolveConfig, type FileConfig } from '../../server/src/service/index';
import { markdownTree } from '../../server/src/service/markdown/parse';
import { RUNBOOK_FRONTMATTER_SCHEMA_ID } from '../../server/src/service/kinds';
import { Validators } from '../../server/src/service/schema/validators';
import { SHIPPED_SCHEMAS } from '../../server/src/service/schema/shipped';
import { manifests } from './manifests';
import { openslo } from './openslo';
import { runbook } from './runbooks';
import type { Workload } from './random';
import { benchTree } from './cli-tree';
import { benchReport } from './report';
import { benchEditor } from './editor';

const TARGET = 1.5;
const EDIT_TARGET_MS = 50;
const validators = new Validators(SHIPPED_SCHEMAS);
const schemaFor = (value: { apiVersion?: unknown; kind?: unknown }) =>
  value.apiVersion === 'openslo/v1' ? `https://prr.dev/schemas/openslo-v1.schema.json#/definitions/${String(value.kind)}` : 'https://prr.dev/schemas/readiness-v1.schema.json';

function yamlFloor(text: string): void {
  for (const doc of parseAllDocuments(text)) {
    const value = doc.toJS() as { apiVersion?: unknown; kind?: unknown };
    validators.get(schemaFor(value))(value);
  }
}

function time(fn: () => unknown): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

const unique = (text: string, run: number) => text.replace(/^---$/gm, `--- # run ${run}`);
/**
 * The runbook floor: the engine's parse (lezer, then the walk to mdast), without the engine's
 * last-text cache, which the engine's own parse of the same text would otherwise fill for it
 * (or it for the engine); then the front matter's YAML, as the YAML floor does a file.
 */
function markdownFloor(text: string): void {
  const first = markdownTree(text).children[0];
  if (first?.type !== 'yaml') return;
  for (const doc of parseAllDocuments(first.value)) validators.get(RUNBOOK_FRONTMATTER_SCHEMA_ID)(doc.toJS());
}

/** A 5,000-line runbook (~150 KB) is over the default runbook size limit. */
const BIG_RUNBOOKS = resolveConfig([{ folder: '/bench', data: { limits: { maxRunbookSizeKB: 1024 } } }]);

/** A runbook differs from run to run by a trailing HTML comment, invisible to every rule. */
const uniqueMarkdown = (text: string, run: number) => `${text}\n<!-- run ${run} -->\n`;

interface Case {
  name: string;
  workload: Workload;
  uri: string;
  warmup: number;
  runs: number;
  floor?: (text: string) => unknown;
  unique?: (text: string, run: number) => string;
  /** The configuration to check under (default: the built-in one). */
  config?: FileConfig;
}

function compare({ name, workload, uri, warmup, runs, floor = yamlFloor, unique: vary = unique, config }: Case): string[] {
  const engine = createEngine();
  const findings = engine.check({ uri, text: workload.text }, config).length;
  const engineMs: number[] = [];
  const floorMs: number[] = [];
  for (let run = 0; run < warmup + runs; run++) {
    const text = vary(workload.text, run);
    // Alternating which goes first keeps GC debt from one side landing on the other.
    for (const which of run % 2 ? [0, 1] : [1, 0]) {
      const ms = which === 0 ? time(() => engine.check({ uri, text }, config)) : time(() => floor(text));
      if (run >= warmup) (which === 0 ? engineMs : floorMs).push(ms);
    }
  }
  const ratio = median(engineMs) / median(floorMs);
  const verdict = ratio <= TARGET ? 'PASS' : 'FAIL';
  return [name, String(workload.lines), String(workload.documents), String(findings), median(engineMs).toFixed(2), median(floorMs).toFixed(2), ratio.toFixed(2), `≤ ${TARGET}`, verdict];
}

/** A one-line change in the middle of a big file: only the touched document should be re-checked. */
function edit(workload: Workload, uri: string, runs: number): string[] {
  const engine = createEngine();
  engine.check({ uri, text: workload.text });
  const lines = workload.text.split('\n');
  const target = lines.findIndex((l, i) => i > lines.length / 2 && l.startsWith('  description: '));
  const ms: number[] = [];
  for (let run = 0; run < runs + 3; run++) {
    lines[target] = `  description: edited in run ${run}`;
    const text = lines.join('\n');
    const elapsed = time(() => engine.check({ uri, text }));
    if (run >= 3) ms.push(elapsed);
  }
  const m = median(ms);
  return ['one-line edit', String(workload.lines), String(workload.documents), '', m.toFixed(2), '', '', `< ${EDIT_TARGET_MS} ms`, m < EDIT_TARGET_MS ? 'PASS' : 'FAIL'];
}

console.log(`prr bench — Node ${process.version}`);
console.log("floor = yaml parseAllDocuments + doc.toJS() + the engine's compiled ajv validator for each document's kind");
console.log('runbook floor = the engine\'s Markdown parse (@lezer/markdown + GFM, turned into mdast), uncached, + the front matter as the YAML floor');
const big = openslo(50_000);
const rows: string[][] = [
  ['workload', 'lines', 'docs', 'findings', 'engine ms', 'floor ms', 'ratio', 'target', 'result'],
  compare({ name: 'manifests', workload: manifests(100), uri: 'file:///bench/a.readiness.yaml', warmup: 10, runs: 50 }),
  compare({ name: 'manifests', workload: manifests(1_000), uri: 'file:///bench/b.readiness.yaml', warmup: 5, runs: 30 }),
  compare({ name: 'manifests', workload: manifests(10_000), uri: 'file:///bench/c.readiness.yaml', warmup: 5, runs: 15 }),
  compare({ name: 'openslo', workload: openslo(10_000), uri: 'file:///bench/d.yaml', warmup: 3, runs: 11 }),
  compare({ name: 'openslo', workload: big, uri: 'file:///bench/e.yaml', warmup: 2, runs: 11 }),
  edit(big, 'file:///bench/f.yaml', 21),
  compare({ name: 'runbook', workload: runbook(100), uri: 'file:///bench/runbooks/small.md', floor: markdownFloor, unique: uniqueMarkdown, warmup: 10, runs: 51 }),
  // Over the default 128 KB runbook limit, which would make the row time the refusal: the limit is raised for it.
  compare({ name: 'runbook', workload: runbook(5_000), uri: 'file:///bench/runbooks/big.md', floor: markdownFloor, unique: uniqueMarkdown, warmup: 3, runs: 15, config: BIG_RUNBOOKS }),
];
printTable(rows);

// `prr check` as a whole process over a 10,000-file tree (issue: prr for CI). Skipped with
// PRR_BENCH_TREE=0, since it takes minutes; PRR_BENCH_TREE_RUNS=n runs it n times (medians,
// with min–max). The verdict is the process with the workers it picks by itself.
const treeRows: string[][] = [['workload', 'files', 'wall ms', 'min–max', 'CPU ms', 'files/s', 'peak RSS MB', 'engine ms', 'wall/engine', 'target', 'result']];
async function treeBench(): Promise<void> {
  if (process.env.PRR_BENCH_TREE === '0') return;
  const tree = await benchTree(Math.max(1, Number(process.env.PRR_BENCH_TREE_RUNS) || 1));
  const engineMs = median(tree.engineMs);
  for (const run of tree.runs) {
    const wallMs = median(run.wallMs);
    const perSecond = tree.files / (wallMs / 1000);
    const ratio = wallMs / engineMs;
    const rss = run.peakRssMb.filter((x): x is number => x !== undefined);
    const cpu = run.cpuMs.filter((x): x is number => x !== undefined);
    const verdict = run.workers === undefined ? (perSecond >= 2000 && ratio <= 1.2 ? 'PASS' : 'FAIL') : '';
    const name = run.workers === undefined ? 'prr check tree' : `  PRR_WORKERS=${run.workers}`;
    treeRows.push([name, String(tree.files), wallMs.toFixed(0), `${Math.min(...run.wallMs).toFixed(0)}–${Math.max(...run.wallMs).toFixed(0)}`, cpu.length ? median(cpu).toFixed(0) : 'n/a', perSecond.toFixed(0), rss.length ? median(rss).toFixed(0) : 'n/a', engineMs.toFixed(0), ratio.toFixed(2), run.workers === undefined ? '≥ 2000/s, ≤ 1.2' : '', verdict]);
  }
  treeRows.push(['  engine in process, 1 thread', String(tree.files), '', `${Math.min(...tree.engineMs).toFixed(0)}–${Math.max(...tree.engineMs).toFixed(0)}`, '', '', '', engineMs.toFixed(0), '', '', '']);
  // The ceiling: parsing alone, in one thread and in one thread per core (see TreeResult.parseMs).
  for (const [threads, times] of [[1, tree.parseMs], [tree.cores, tree.parseWallMs]] as const) {
    const ms = median(times);
    treeRows.push([`  parse alone, ${threads} thread${threads === 1 ? '' : 's'}`, String(tree.files), ms.toFixed(0), `${Math.min(...times).toFixed(0)}–${Math.max(...times).toFixed(0)}`, '', (tree.files / (ms / 1000)).toFixed(0), '', '', '', '', '']);
  }
  console.log('');
  printTable(treeRows);
}

// The readiness report over a generated workspace of 1,000 services (issue: the readiness
// report): cold index and report, in a child process. Skipped with PRR_BENCH_REPORT=0.
const reportRows: string[][] = [['workload', 'services', 'files', 'index ms', 'report ms', 'cold ms', 'CPU ms', 'warm ms', 'peak RSS MB', 'target', 'result']];
function reportBench(): void {
  if (process.env.PRR_BENCH_REPORT === '0') return;
  const r = benchReport();
  const cold = r.indexMs + r.reportMs;
  const verdict = (ms: number, mb: number | undefined) => (ms < 10_000 && (mb === undefined || mb < 400) ? 'PASS' : 'FAIL');
  reportRows.push(['report: engine phases', String(r.services), String(r.files), r.indexMs.toFixed(0), r.reportMs.toFixed(0), cold.toFixed(0), r.cpuMs.toFixed(0), r.warmReportMs.toFixed(0), r.peakRssMb.toFixed(0), '< 10 s, < 400 MB', verdict(cold, r.peakRssMb)]);
  reportRows.push(['prr report --format json', String(r.services), String(r.files), '', '', r.cli.wallMs.toFixed(0), '', '', r.cli.peakRssMb?.toFixed(0) ?? 'n/a', '< 10 s, < 400 MB', verdict(r.cli.wallMs, r.cli.peakRssMb)]);
  console.log('');
  printTable(reportRows);
}

// Editor latency (issue: editor intelligence): hover and completion in a 10,000-line OpenSLO
// file, code actions for 500 findings; in-process and over stdio. Skipped with PRR_BENCH_EDITOR=0.
const editorRows: string[][] = [];
async function editorBench(): Promise<void> {
  if (process.env.PRR_BENCH_EDITOR === '0') return;
  const { rows: table } = await benchEditor();
  editorRows.push(...table);
  console.log('');
  printTable(table);
}

// One after another: each measures a machine the others leave alone.
void (async () => {
  await treeBench();
  reportBench();
  await editorBench();
  process.exitCode = [...rows, ...treeRows, ...reportRows, ...editorRows].some((r) => r[r.length - 1] === 'FAIL') ? 1 : 0;
})().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 2;
});

function printTable(table: string[][]): void {
  const widths = table[0].map((_, c) => Math.max(...table.map((r) => r[c].length)));
  for (const row of table) console.log(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));
}
