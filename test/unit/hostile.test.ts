// Hostile inputs, measured: each is answered — its findings, and the editor's outline,
// hover, completion and folding — in under a second, with the heap growing by less than
// 100 MB (measured after a full GC, so what stays; garbage is reported too).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createEngine, type Finding, type SourceDocument } from '../../server/src/service';

const MB = 1024 * 1024;
/** A full GC, without `--expose-gc` on the command line (the test runner's processes do not get it). */
const gc = exposeGc();

function exposeGc(): (() => void) | undefined {
  const own = (globalThis as { gc?: () => void }).gc;
  if (own) return own;
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
}

const engine = createEngine({ now: () => new Date('2026-11-27') });
engine.warmUp();

const head = 'apiVersion: prr/v1\nkind: ServiceReadiness\nmetadata:\n  name: svc\nspec:\n  owner: team\n  tier: 1\n';

function aliasBomb(): string {
  const lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  const names = 'abcdefghi';
  for (let i = 1; i < names.length; i++) lines.push(`${names[i]}: &${names[i]} [${Array(10).fill(`*${names[i - 1]}`).join(', ')}]`);
  return `${head}  bomb:\n${lines.map((l) => `    ${l}`).join('\n')}\n`;
}

function binary(size: number): string {
  let state = 7;
  let text = '';
  for (let i = 0; i < size; i++) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    text += String.fromCharCode(state % 256);
  }
  return text;
}

const N = 10_000;
const LINE = 1024 * 1024;
const CASES: { name: string; path: string; text: () => string; expect?: string }[] = [
  { name: 'alias bomb (10⁹ expansions)', path: 'svc.readiness.yaml', text: aliasBomb, expect: 'yaml-alias-limit' },
  { name: '5 MB + 1 file', path: 'svc.readiness.yaml', text: () => `${head}  description: "${'x'.repeat(5 * MB)}"\n`, expect: 'file-too-large' },
  { name: '50 MB file', path: 'big.yaml', text: () => 'x'.repeat(50 * MB), expect: 'file-too-large' },
  { name: '10,000-deep flow sequences', path: 'svc.readiness.yaml', text: () => `${head}  x: ${'['.repeat(N)}${']'.repeat(N)}\n`, expect: 'document-too-complex' },
  { name: '10,000-deep flow mappings', path: 'svc.readiness.yaml', text: () => `${head}  x: ${'{a: '.repeat(N)}1${'}'.repeat(N)}\n`, expect: 'document-too-complex' },
  { name: '10,000-deep block sequences', path: 'svc.readiness.yaml', text: () => `${head}  x: ${'- '.repeat(N)}x\n`, expect: 'document-too-complex' },
  { name: '10,000-deep JSON', path: 'svc.readiness.json', text: () => `{"apiVersion":"prr/v1","kind":"ServiceReadiness","spec":${'{"a":'.repeat(N)}1${'}'.repeat(N)}}`, expect: 'document-too-complex' },
  { name: '2,000,000 unclosed brackets', path: 'svc.readiness.yaml', text: () => `${head}  x: ${'['.repeat(2_000_000)}\n`, expect: 'document-too-complex' },
  { name: '10,000-deep block quotes (runbook)', path: 'runbooks/deep.md', text: () => `# T\n\n${'> '.repeat(N)}x\n`, expect: 'document-too-complex' },
  { name: '10,000-deep lists (runbook)', path: 'runbooks/deep.md', text: () => `# T\n\n${'1. '.repeat(N)}x\n`, expect: 'document-too-complex' },
  { name: '1 MB line (YAML scalar)', path: 'svc.readiness.yaml', text: () => `${head}  description: ${'word '.repeat(LINE / 5)}\n` },
  { name: '1 MB line (quoted, in JSON)', path: 'svc.readiness.json', text: () => `{"apiVersion":"prr/v1","kind":"ServiceReadiness","metadata":{"name":"svc"},"spec":{"owner":"t","tier":1,"description":"${'x'.repeat(LINE)}"}}` },
  { name: '1 MB line (runbook)', path: 'runbooks/long.md', text: () => `# T\n\n${'[x](y) '.repeat(LINE / 7)}\n`, expect: 'file-too-large' },
  { name: 'binary (1 MB with NUL bytes)', path: 'svc.readiness.yaml', text: () => `apiVersion: prr/v1\n${binary(LINE)}`, expect: 'binary-file' },
  { name: 'binary runbook (100 KB)', path: 'runbooks/bin.md', text: () => binary(100 * 1024) },
  { name: 'lone surrogates', path: 'svc.readiness.yaml', text: () => `${head}  owner: \uD800x\uDFFF\n${Array.from({ length: 2000 }, (_, i) => `  k\uDC00${i}: "\uD83D ${i}"`).join('\n')}\n` },
  { name: 'lone surrogates (runbook)', path: 'runbooks/s.md', text: () => `# T\uD800\n\n## Mitigation \uDC00\n\n${'text \uD83D '.repeat(2000)}\n` },
  { name: '1,000 duplicate keys', path: 'svc.readiness.yaml', text: () => `${head}${'  owner: a\n'.repeat(1000)}`, expect: 'duplicate-key' },
  // Two documents run together, the first with 5,000 top-level keys: each duplicate's `---` fix looks at the top level once.
  { name: '5,000 top-level keys, then 200 of them again', path: 'all.yaml', text: () => {
    const keys = (n: number, value: string) => Array.from({ length: n }, (_, i) => `k${i}: ${value}`).join('\n');
    return `apiVersion: openslo/v1\nkind: Service\n${keys(5000, '1')}\napiVersion: openslo/v1\nkind: Service\n${keys(200, '2')}\n`;
  } },
];

for (const c of CASES) {
  test(`hostile: ${c.name} — answered in under 1 s, heap growth under 100 MB`, (t) => {
    const document: SourceDocument = { uri: `file:///hostile/${c.path}`, text: c.text() };
    gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    let findings: Finding[] = [];
    const times: Record<string, number> = {};
    const time = (name: string, work: () => unknown) => {
      const started = performance.now();
      work();
      times[name] = performance.now() - started;
    };
    time('check', () => (findings = engine.check(document)));
    time('symbols', () => engine.symbols(document));
    time('hover', () => engine.hover(document, { line: 5, character: 4 }, undefined, findings));
    time('complete', () => engine.complete(document, { line: 5, character: 4 }));
    time('folding', () => engine.foldingRanges(document));
    const garbage = (process.memoryUsage().heapUsed - heapBefore) / MB;
    gc?.();
    const growth = (process.memoryUsage().heapUsed - heapBefore) / MB;
    engine.removeFile(document.uri);
    t.diagnostic(`${c.name}: ${(document.text.length / MB).toFixed(2)} M chars; ${Object.entries(times).map(([k, v]) => `${k} ${v.toFixed(0)} ms`).join(', ')}; heap +${growth.toFixed(1)} MB kept${gc ? `, +${garbage.toFixed(1)} MB before GC` : ' (no GC available)'}; ${findings.length} finding(s): ${[...new Set(findings.map((f) => f.ruleId))].slice(0, 4).join(', ')}`);
    if (c.expect) assert.ok(findings.some((f) => f.ruleId === c.expect), `expected ${c.expect}, got ${findings.map((f) => f.ruleId).join(', ')}`);
    for (const [name, ms] of Object.entries(times)) assert.ok(ms < 1000, `${name} took ${ms.toFixed(0)} ms`);
    // Without a GC to call, garbage counts too: the bound is looser.
    assert.ok(growth < (gc ? 100 : 400), `heap grew by ${growth.toFixed(1)} MB`);
  });
}
