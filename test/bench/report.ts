// The readiness report over a generated workspace of 1,000 services — each a manifest, 3
// SLO files (OpenSLO and Sloth) and 3 runbooks, made from examples/checkout-api with every
// name made unique — from cold, two ways: the engine's phases in a bundled child process
// (index, report, a second warm report, CPU time, peak RSS), and `prr report --format json`
// as a whole process (wall time, peak RSS by GNU time where it is installed).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

export const SERVICES = 1_000;
const EXAMPLE = join(__dirname, '..', '..', 'examples', 'checkout-api');
const RUNNER = join(__dirname, 'report-run.ts');
const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');

export interface ReportBenchResult {
  services: number;
  files: number;
  indexMs: number;
  reportMs: number;
  warmReportMs: number;
  /** CPU time (user + system, all threads) of the cold index and report. */
  cpuMs: number;
  peakRssMb: number;
  /** `prr report` as a process: wall time and peak RSS (undefined without GNU time). */
  cli: { wallMs: number; peakRssMb: number | undefined };
}

/** The example service's files (path → text), with a third SLO file and a reference to it. */
function template(): Record<string, string> {
  const read = (path: string) => readFileSync(join(EXAMPLE, path), 'utf8');
  const latency = read('slos/checkout-latency.sloth.yaml');
  const manifest = read('readiness.yaml').replace('  release:', '    - ref: checkout-throughput\n      file: slos/checkout-throughput.sloth.yaml\n\n  release:');
  return {
    'readiness.yaml': manifest,
    'slos/checkout-availability.openslo.yaml': read('slos/checkout-availability.openslo.yaml'),
    'slos/checkout-latency.sloth.yaml': latency,
    'slos/checkout-throughput.sloth.yaml': latency.replace(/checkout-latency/g, 'checkout-throughput').replace(/CheckoutHighLatency/g, 'CheckoutLowThroughput'),
    'runbooks/CheckoutHighErrorRate.md': read('runbooks/CheckoutHighErrorRate.md'),
    'runbooks/CheckoutHighLatency.md': read('runbooks/CheckoutHighLatency.md'),
    'runbooks/Rollback.md': read('runbooks/Rollback.md'),
  };
}

/** Writes `services` services under `root`; returns the number of files. */
export function writeWorkspace(root: string, services = SERVICES): number {
  const files = template();
  let count = 0;
  for (let i = 0; i < services; i++) {
    const id = `svc${String(i).padStart(4, '0')}`;
    const Id = `Svc${String(i).padStart(4, '0')}`;
    const dir = join(root, id);
    mkdirSync(join(dir, 'slos'), { recursive: true });
    mkdirSync(join(dir, 'runbooks'), { recursive: true });
    for (const [path, text] of Object.entries(files)) {
      writeFileSync(join(dir, path.replace(/checkout/g, id).replace(/Checkout/g, Id)), text.replace(/checkout/g, id).replace(/Checkout/g, Id));
      count++;
    }
  }
  return count;
}

export function benchReport(services = SERVICES): ReportBenchResult {
  const root = mkdtempSync(join(tmpdir(), 'prr-report-'));
  const work = mkdtempSync(join(tmpdir(), 'prr-report-run-'));
  try {
    const files = writeWorkspace(root, services);
    // Bundled like the shipped CLI, so the child's memory is the engine's, not a TypeScript loader's.
    const runner = join(work, 'report-run.js');
    buildSync({ entryPoints: [RUNNER], outfile: runner, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' });
    const run = spawnSync(process.execPath, [runner, root], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (run.status !== 0) throw new Error(`report bench failed (${run.status}): ${run.stderr}`);
    const result = JSON.parse(run.stdout) as Omit<ReportBenchResult, 'files' | 'cli'>;
    if (result.services !== services) throw new Error(`expected ${services} services in the report, got ${result.services}`);
    return { ...result, files, cli: cliRun(root, join(work, 'report.json')) };
  } finally {
    rmSync(root, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  }
}

function cliRun(root: string, output: string): ReportBenchResult['cli'] {
  const time = existsSync('/usr/bin/time') ? ['/usr/bin/time', '-f', '%M'] : [];
  const started = process.hrtime.bigint();
  const args = [CLI, 'report', root, '--format', 'json', '--output', output];
  const run = spawnSync(time[0] ?? process.execPath, [...time.slice(1), ...(time.length ? [process.execPath] : []), ...args], { encoding: 'utf8' });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (run.status !== 0) throw new Error(`prr report exited ${run.status}: ${run.stderr}`);
  const rssKb = time.length ? Number(run.stderr.trim().split('\n').pop()) : NaN;
  return { wallMs, peakRssMb: Number.isFinite(rssKb) ? rssKb / 1024 : undefined };
}
