// `npm run fuzz [-- --seconds N] [--server-seconds N] [--seed N] [--no-corpus]`: the longer
// fuzz run. The engine runs on every core for N seconds (default 60), then the built
// language server for a quarter of that; it prints iterations, iterations per second and
// the failures (each with the seed to replay it), writes each failing input to a JSON file
// in the form of test/fixtures/fuzz/ (copy it there, with a fix, to keep it as a
// regression), and exits 1 when anything failed.

import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fuzzEngineParallel } from './parallel';
import { fuzzServer } from './server-fuzz';
import { loadSeeds } from './seeds';
import { EXTRA_SEEDS, type Failure } from './engine-fuzz';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { seconds: { type: 'string' }, 'server-seconds': { type: 'string' }, seed: { type: 'string' }, 'no-corpus': { type: 'boolean' }, workers: { type: 'string' } },
  });
  const seconds = Number(values.seconds ?? 60);
  const serverSeconds = Number(values['server-seconds'] ?? Math.max(5, Math.round(seconds / 4)));
  const seed = values.seed !== undefined ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31);
  const corpus = values['no-corpus'] !== true;
  const seeds = loadSeeds({ corpus });
  process.stdout.write(`prr fuzz: seed ${seed}, ${seeds.length} seed documents${corpus ? '' : ' (no corpus)'}; engine ${seconds} s, server ${serverSeconds} s\n`);

  const engine = await fuzzEngineParallel({ seed, timeMs: seconds * 1000, corpus, ...(values.workers ? { workers: Number(values.workers) } : {}) });
  const engineRate = engine.iterations / (engine.ms / 1000);
  process.stdout.write(`engine: ${engine.iterations.toLocaleString('en-US')} iterations on ${engine.workers} worker(s) in ${(engine.ms / 1000).toFixed(1)} s = ${Math.round(engineRate)} iterations/s; ${engine.calls.toLocaleString('en-US')} engine calls, ${engine.fixes.toLocaleString('en-US')} fixes applied; slowest iteration ${engine.slowest.ms.toFixed(0)} ms (${engine.slowest.seed})\n`);
  const server = await fuzzServer({ seeds: [...seeds, ...EXTRA_SEEDS], seed, timeMs: serverSeconds * 1000 });
  process.stdout.write(`server: ${server.iterations.toLocaleString('en-US')} iterations in ${(server.ms / 1000).toFixed(1)} s = ${Math.round(server.iterations / (server.ms / 1000))} iterations/s; ${server.requests.toLocaleString('en-US')} requests, ${server.notifications.toLocaleString('en-US')} notifications\n`);

  const failures: [Failure, number][] = [
    ...engine.failures.map((f): [Failure, number] => [f, engine.kinds.get(f.what) ?? 1]),
    ...server.failures.map((f): [Failure, number] => [f, server.kinds.get(f.what.replace(/^server: /, '')) ?? 1]),
  ];
  process.stdout.write(`total: ${(engine.iterations + server.iterations).toLocaleString('en-US')} iterations, ${failures.length} kind(s) of failure\n`);
  if (failures.length === 0) return 0;
  const dir = join(tmpdir(), `prr-fuzz-${seed}`);
  mkdirSync(dir, { recursive: true });
  failures.forEach(([failure, count], i) => {
    const file = join(dir, `failure-${i + 1}.json`);
    writeFileSync(file, `${JSON.stringify({ path: failure.seed, found: failure.what, fixed: '(describe the fix)', mutations: failure.mutations, iteration: failure.iteration, text: failure.text, ...(failure.others ? { others: failure.others } : {}) }, null, 2)}\n`);
    process.stdout.write(`\n✗ ${failure.what} (×${count})\n  seed document ${failure.seed}, iteration ${failure.iteration}, mutations ${failure.mutations.join('+')}\n  input: ${file}\n`);
  });
  return 1;
}

main().then((code) => process.exit(code), (error) => {
  process.stderr.write(`prr fuzz: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(2);
});
