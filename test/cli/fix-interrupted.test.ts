// `prr check --fix` killed with SIGKILL at random moments never leaves a half-written file:
// on a tree of large manifests, every file is, after each kill, byte for byte either its
// original or its fully fixed text (server/src/node/write-file.ts: temporary file + rename).
// The moments are drawn from a seeded generator over the whole run (reading, fixing and
// writing, checking), so a run is repeatable: PRR_KILL_SEED=<n> to choose another.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './run-prr';

const FILES = 40;
const PAD_LINES = 6_000; // ~250 KB a file: each write takes long enough to be hit
const KILLS = 6;
const SEED = Number(process.env.PRR_KILL_SEED ?? 20261127);
const MANIFEST = readFileSync(join(root, 'examples', 'payments-worker', 'payments-worker.readiness.yaml'), 'utf8');

/** A tree of FILES manifests, each with the example's two auto-fixable typos and a long comment. */
function buildTree(dir: string): Map<string, string> {
  const texts = new Map<string, string>();
  const padding = Array.from({ length: PAD_LINES }, (_, i) => `# padding line ${i}: kept as it is by every fix`).join('\n');
  for (let i = 0; i < FILES; i++) {
    const rel = join(`svc-${i}`, `svc-${i}.readiness.yaml`);
    const text = `${MANIFEST.replace('name: payments-worker', `name: payments-worker-${i}`)}\n${padding}\n`;
    mkdirSync(join(dir, `svc-${i}`), { recursive: true });
    writeFileSync(join(dir, rel), text);
    texts.set(rel, text);
  }
  return texts;
}

/** Runs `prr check --fix` in `cwd`; kills it with SIGKILL after `killAfterMs` unless it ended; resolves with its duration. */
function runFix(cwd: string, killAfterMs?: number): Promise<{ ms: number; killed: boolean }> {
  const started = performance.now();
  const child = spawn(process.execPath, [join(root, 'dist', 'cli.js'), 'check', '.', '--fix', '--format', 'json'], { cwd, stdio: 'ignore' });
  const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  return new Promise((resolve) => child.on('exit', (_code, signal) => {
    clearTimeout(timer);
    resolve({ ms: performance.now() - started, killed: signal === 'SIGKILL' });
  }));
}

/** Mulberry32: a small seeded generator, so the kill moments repeat. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('prr check --fix killed at random moments leaves each file original or fully fixed', { timeout: 300_000 }, async () => {
  const reference = mkdtempSync(join(tmpdir(), 'prr-kill-ref-'));
  const work = mkdtempSync(join(tmpdir(), 'prr-kill-'));
  try {
    const originals = buildTree(reference);
    cpSync(reference, work, { recursive: true });
    // The fully fixed texts, from an uninterrupted run; it also tells how long a run takes.
    const full = await runFix(reference);
    assert.equal(full.killed, false);
    const fixed = new Map([...originals.keys()].map((rel) => [rel, readFileSync(join(reference, rel), 'utf8')]));
    for (const [rel, text] of fixed) assert.notEqual(text, originals.get(rel), `${rel} has fixes to write`);

    const next = random(SEED);
    const outcomes: string[] = [];
    let sawPartlyFixed = false;
    for (let k = 0; k < KILLS; k++) {
      const at = Math.round(full.ms * (0.15 + 0.85 * next()));
      const run = await runFix(work, at);
      let fixedCount = 0;
      for (const [rel, original] of originals) {
        const text = readFileSync(join(work, rel), 'utf8');
        if (text === fixed.get(rel)) fixedCount++;
        else assert.equal(text, original, `after a kill at ${at} ms, ${rel} is neither its original nor its fixed text (${text.length} chars)`);
      }
      if (fixedCount > 0 && fixedCount < FILES) sawPartlyFixed = true;
      outcomes.push(`${at} ms: ${run.killed ? 'killed' : 'ended'}, ${fixedCount}/${FILES} fixed`);
      // Start the next round from the originals, so every kill lands on files still to fix.
      for (const [rel, original] of originals) writeFileSync(join(work, rel), original);
    }
    const strays = (readdirSync(work, { recursive: true }) as string[]).filter((f) => f.endsWith('.tmp'));
    console.log(`uninterrupted run ${Math.round(full.ms)} ms; seed ${SEED}; ${outcomes.join('; ')}; ${strays.length} stray temporary file(s)`);
    assert.ok(sawPartlyFixed, `no kill landed while files were being written: ${outcomes.join('; ')}`);
  } finally {
    rmSync(reference, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  }
});
