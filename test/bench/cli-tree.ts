// `prr check` over a generated tree of 10,000 files (readiness manifests, OpenSLO files and
// runbooks; about 1 % with errors), as a whole process: wall time, peak RSS and files per
// second, next to the engine's in-process time for the same files (texts already in memory),
// measured in the same run. The process runs with the workers it picks by itself (one per
// core) and, for comparison, with PRR_WORKERS=0 and 1. Every file's text is its own — no two
// runbooks alike — so no parse cache can make a file free that a real tree would pay for.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createEngine } from '../../server/src/service/index';
import { ConfigStore } from '../../server/src/node/config-store';
import { diskIO } from '../../server/src/node/engine-io';
import { availableParallelism } from 'node:os';
import { parseAll, parseWall } from './parse-ceiling';
import { manifests } from './manifests';
import { openslo } from './openslo';
import { runbook } from './runbooks';

const FILES = 10_000;
const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');

/** One configuration of the process: PRR_WORKERS (undefined: its own choice). */
export interface TreeRun {
  workers: string | undefined;
  wallMs: number[];
  peakRssMb: (number | undefined)[];
  /** User + system CPU of the whole process (all threads): on a loaded machine, what the wall time would be on free cores × cores. */
  cpuMs: (number | undefined)[];
}

export interface TreeResult {
  files: number;
  runs: TreeRun[];
  /** The engine in this process, setFile then check over every file, texts in memory; one per round. */
  engineMs: number[];
  /**
   * Only parsing every file, texts in memory: yaml's parseAllDocuments for the YAML files, the engine's Markdown
   * parser for the runbooks (parse-ceiling.ts); one per round, in one thread. No check can take less.
   */
  parseMs: number[];
  /** The same, shared over one worker thread per core (`cores`), wall time: the most files per second any checker built on these parsers gets here. */
  parseWallMs: number[];
  cores: number;
}

/** Writes the tree: a service folder per 10 files, each with a manifest, SLO files and runbooks. */
export function writeTree(root: string): string[] {
  // Variants are generated once and renamed per file: generation is not what is measured.
  const manifest = manifests(60).text;
  const slo = openslo(60).text;
  const book = runbook(60).text;
  const paths: string[] = [];
  for (let i = 0; i < FILES; i++) {
    const dir = join(root, `svc-${Math.floor(i / 10)}`);
    if (i % 10 === 0) mkdirSync(join(dir, 'runbooks'), { recursive: true });
    const kind = i % 10;
    const broken = i % 100 === 42;
    let path: string;
    let text: string;
    if (kind < 3) {
      path = join(dir, `part-${kind}.readiness.yaml`);
      text = manifest.replace(/name: ([a-z]+-[a-z]+)-(\d+)/g, `name: $1-$2-${i}`).replace('tier: 1', broken ? 'tier: 9' : 'tier: 1');
    } else if (kind < 7) {
      path = join(dir, `slo-${kind}.yaml`);
      text = slo.replace(/name: ([a-z-]+?)-(\d+)(-requests|-burn|-fast-burn)?$/gm, `name: $1-$2-${i}$3`).replace(/(indicatorRef|alertPolicyRef): ([a-z-]+?)-(\d+)(-requests|-burn)$/gm, `$1: $2-$3-${i}$4`).replace(/name: (checkout|payments|catalog|search|orders|billing|auth|inventory|on-call-pager)$/gm, `name: $1-${i}`).replace(/(service|targetRef): ([a-z-]+)$/gm, `$1: $2-${i}`);
    } else {
      path = join(dir, 'runbooks', `Alert${i}.md`);
      const own = book.replace(/^title: (\w+)$/m, `title: $1${i}`).replace(/^# (\w+)$/m, `# $1${i}`);
      text = broken ? own.replace('## Mitigation', '## Mitigation\n\nTODO') : own;
    }
    writeFileSync(path, text);
    paths.push(path);
  }
  return paths;
}

/** `rounds` rounds, each running every configuration once and the engine in process once (interleaved, so load hits all alike). */
export async function benchTree(rounds = 1): Promise<TreeResult> {
  const root = mkdtempSync(join(tmpdir(), 'prr-tree-'));
  try {
    const paths = writeTree(root);
    const runs: TreeRun[] = [undefined, '0', '1'].map((workers) => ({ workers, wallMs: [], peakRssMb: [], cpuMs: [] }));
    const engineMs: number[] = [];
    const parseMs: number[] = [];
    const parseWallMs: number[] = [];
    const cores = availableParallelism();
    const texts = paths.map((p) => ({ markdown: p.endsWith('.md'), text: readFileSync(p, 'utf8') }));
    for (let round = 0; round < rounds; round++) {
      for (const run of runs) {
        const { wallMs, peakRssMb, cpuMs } = runCli(root, run.workers);
        run.wallMs.push(wallMs);
        run.peakRssMb.push(peakRssMb);
        run.cpuMs.push(cpuMs);
      }
      // Parsing first, twice (the faster counts): after the engine's run its retained heap would still weigh on the collector.
      parseMs.push(Math.min(parseOnly(texts), parseOnly(texts)));
      parseWallMs.push(await parseWall(texts, cores));
      engineMs.push(inProcess(paths));
    }
    return { files: paths.length, runs, engineMs, parseMs, parseWallMs, cores };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function runCli(root: string, workers: string | undefined): { wallMs: number; peakRssMb: number | undefined; cpuMs: number | undefined } {
  // GNU time reports the child's peak RSS and CPU (all its threads); without it, only the wall time is measured.
  const time = existsSync('/usr/bin/time') ? ['/usr/bin/time', '-f', '%M %U %S'] : [];
  const env = { ...process.env, PRR_WORKERS: workers };
  if (workers === undefined) delete env.PRR_WORKERS;
  const started = process.hrtime.bigint();
  const run = spawnSync(time[0] ?? process.execPath, [...time.slice(1), ...(time.length ? [process.execPath] : []), CLI, 'check', root, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28, env });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (run.status !== 1) throw new Error(`prr check exited ${run.status}: ${run.stderr}`);
  const [rssKb, user, system] = time.length ? (run.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number) : [NaN, NaN, NaN];
  const cpuMs = (user + system) * 1000;
  return { wallMs, peakRssMb: Number.isFinite(rssKb) ? rssKb / 1024 : undefined, cpuMs: Number.isFinite(cpuMs) ? cpuMs : undefined };
}

/** The same engine calls the CLI makes, in one thread, with the texts already read. */
function inProcess(paths: readonly string[]): number {
  const texts = paths.map((p) => ({ uri: pathToFileURL(p).href, path: p, text: readFileSync(p, 'utf8') }));
  const engine = createEngine({ io: diskIO() });
  const configs = new ConfigStore(engine);
  // The CLI answers yaml's per-token process.env reads from a plain copy (see main.ts); so does this, or the comparison would favour the CLI.
  const env = process.env;
  process.env = { ...env };
  try {
    const t0 = process.hrtime.bigint();
    for (const t of texts) engine.setFile({ uri: t.uri, text: t.text }, configs.configFor(t.path));
    for (const t of texts) engine.check({ uri: t.uri, text: t.text }, configs.configFor(t.path));
    return Number(process.hrtime.bigint() - t0) / 1e6;
  } finally {
    process.env = env;
  }
}

/** The parse alone in this thread, as TreeResult.parseMs says. */
function parseOnly(texts: Parameters<typeof parseAll>[0]): number {
  const t0 = process.hrtime.bigint();
  parseAll(texts);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}
