// The engine's limits: a size limit per file, a findings cap, and documents too deeply
// nested (or Markdown too bracket-heavy) refused before a parser sees them — each reported
// with a finding, the same in the editor and in `prr check`.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine, DEFAULT_CONFIG, resolveConfig, type Finding } from '../../server/src/service';
import { markdownTooComplex, yamlTooDeep, utf8Length, MAX_NESTING } from '../../server/src/service/limits';
import { manifest, show } from './helpers';

const root = join(__dirname, '..', '..');
const doc = (path: string, text: string) => ({ uri: `file:///w/${path}`, text });
const config = (limits: Record<string, number>, rules: Record<string, string> = {}) =>
  resolveConfig([{ folder: '/w', data: { limits, rules } as never }]);
const ids = (findings: readonly Finding[]) => findings.map((f) => f.ruleId);

test('a YAML file over 5 MB gets one info finding and no other work', () => {
  const engine = createEngine();
  const big = manifest(`  description: "${'x'.repeat(5 * 1024 * 1024)}"`);
  const d = doc('svc.readiness.yaml', big);
  const findings = engine.check(d);
  assert.deepEqual(findings.map(show), [`1:1-1:1 file-too-large not checked: the file is 5 MB, larger than the limit of 5 MB (\`limits.maxFileSizeMB\` in .prr.yaml)`]);
  assert.equal(findings[0].severity, 'info');
  assert.deepEqual(engine.complete(d, { line: 5, character: 2 }), []);
  assert.equal(engine.hover(d, { line: 0, character: 1 }), undefined);
  assert.deepEqual(engine.symbols(d), []);
  assert.deepEqual(engine.links(d), []);
  assert.deepEqual(engine.foldingRanges(d), []);
  assert.equal(engine.fixAll(d).fixed, 0);
  assert.deepEqual(engine.setFile(d), []);
});

test('the size counts UTF-8 bytes, as on disk', () => {
  assert.equal(utf8Length('aé€😀\uD800'), 1 + 2 + 3 + 4 + 3);
  const engine = createEngine();
  const limits = config({ maxFileSizeMB: 0.001 }); // 1,049 bytes
  assert.deepEqual(ids(engine.check(doc('a.readiness.yaml', manifest(`  description: ${'é'.repeat(600)}`)), limits)), ['file-too-large']);
  assert.notDeepEqual(ids(engine.check(doc('a.readiness.yaml', manifest(`  description: ${'e'.repeat(600)}`)), limits)), ['file-too-large']);
});

test('a runbook over 128 KB is not checked; a Markdown file that is no runbook gets nothing', () => {
  const engine = createEngine();
  const text = `# Big\n\n${'Some prose. '.repeat(12_000)}\n`;
  assert.deepEqual(engine.check(doc('runbooks/big.md', text)).map(show), ['1:1-1:1 file-too-large not checked: the file is 140.6 KB, larger than the limit of 128 KB (`limits.maxRunbookSizeKB` in .prr.yaml)']);
  assert.deepEqual(engine.check(doc('notes/big.md', text)), []);
  assert.deepEqual(engine.check(doc('runbooks/big.md', text), config({ maxRunbookSizeKB: 256 })).filter((f) => f.ruleId === 'file-too-large'), []);
});

test('oversized: what the CLI reports for a file it did not read', () => {
  const engine = createEngine();
  assert.deepEqual(ids(engine.oversized('file:///w/a.yaml', 6_000_000)), ['file-too-large']);
  assert.deepEqual(ids(engine.oversized('file:///w/runbooks/a.md', 6_000_000)), ['file-too-large']);
  assert.deepEqual(engine.oversized('file:///w/notes/a.md', 6_000_000), []);
  assert.deepEqual(engine.oversized('file:///w/a.txt', 6_000_000), []);
  assert.deepEqual(engine.oversized('file:///w/a.yaml', 6_000_000, config({}, { 'file-too-large': 'off' })), []);
  assert.equal(engine.oversized('file:///w/a.yaml', 6_000_000, config({}, { 'file-too-large': 'warning' }))[0].severity, 'warning');
  // A `.prr.yaml` is never silenced.
  assert.deepEqual(ids(engine.oversized('file:///w/.prr.yaml', 6_000_000, config({}, { 'file-too-large': 'off' }))), ['file-too-large']);
});

test('findings are capped per file: the most severe kept, one info finding says how many were left out', () => {
  const engine = createEngine();
  const keys = Array.from({ length: 1500 }, (_, i) => `  k${i}: 1`).join('\n');
  const text = manifest(keys);
  const findings = engine.check(doc('svc.readiness.yaml', text));
  assert.equal(findings.length, 1001);
  assert.equal(findings[0].ruleId, 'too-many-findings');
  assert.equal(findings[0].message, '500 more findings not shown: at most 1,000 per file (`limits.maxFindings` in .prr.yaml)');
  const capped = engine.check(doc('svc.readiness.yaml', `# prr-disable-next-line unknown-property\n${text}`), config({ maxFindings: 10 }));
  assert.equal(capped.length, 11);
  assert.deepEqual(ids(engine.check(doc('svc.readiness.yaml', text), config({ maxFindings: 10 }, { 'too-many-findings': 'off' }))).length, 10);
  // Errors before hints: the cap never hides an error behind lesser findings.
  const mixed = manifest(`  tier: 9\n${Array.from({ length: 20 }, (_, i) => `  # prr-disable-next-line runbook-placeholder\n  k${i}: 1`).join('\n')}`);
  const few = engine.check(doc('svc.readiness.yaml', mixed), config({ maxFindings: 3 }, { 'unknown-property': 'hint', 'unused-suppression': 'hint' }));
  assert.ok(few.some((f) => f.ruleId === 'invalid-enum'), few.map(show).join('\n'));
});

test('YAML nested more than 100 levels deep is refused before parsing, quickly', () => {
  const engine = createEngine();
  const n = 10_000;
  const cases = {
    'flow sequences': manifest(`  x: ${'['.repeat(n)}${']'.repeat(n)}`),
    'flow mappings': manifest(`  x: ${'{a: '.repeat(n)}1${'}'.repeat(n)}`),
    'block sequences on one line': manifest(`  x: ${'- '.repeat(n)}x`),
    'unclosed brackets': manifest(`  x: ${'['.repeat(2_000_000)}`),
    'indentation': `apiVersion: prr/v1\nkind: ServiceReadiness\nspec:\n${Array.from({ length: 150 }, (_, i) => `${' '.repeat(i + 2)}a:`).join('\n')}\n`,
  };
  for (const [name, text] of Object.entries(cases)) {
    const started = performance.now();
    const findings = engine.check(doc('svc.readiness.yaml', text));
    const took = performance.now() - started;
    assert.deepEqual(ids(findings), ['document-too-complex'], name);
    assert.match(findings[0].message, /nests more than 100 levels deep/);
    assert.ok(took < 500, `${name}: ${took} ms`);
    assert.deepEqual(engine.symbols(doc('svc.readiness.yaml', text)), []);
  }
  assert.deepEqual(ids(engine.check(doc('a.json', `{"apiVersion":"prr/v1","kind":"ServiceReadiness","spec":${'{"a":'.repeat(n)}1${'}'.repeat(n)}}`))), ['document-too-complex']);
  // A broken `.prr.yaml` this deep is not used.
  assert.equal(engine.parseConfig(`rules: ${'['.repeat(200)}`), undefined);
});

test('the nesting estimate ignores brackets in quoted strings, plain scalars, comments and block scalars', () => {
  const deep = '['.repeat(150);
  const texts = [
    `a: "${deep}"\n`,
    `a: '${deep}'\n`,
    `a: x${deep}\n`,
    `a: 1 # ${deep}\n`,
    `a: |\n  sum(rate(x${deep}\n`,
    `a: [${'"[", '.repeat(200)}]\n`,
    `a: don't ${deep}\n`,
  ];
  for (const text of texts) assert.equal(yamlTooDeep(text), undefined, text);
  assert.deepEqual(yamlTooDeep(`a: ${deep}`), { offset: 3 + MAX_NESTING - 1, reason: 'nesting' });
});

test('Markdown nested too deeply, or with thousands of brackets or emphasis marks in one block, is refused quickly', () => {
  const engine = createEngine();
  const cases = {
    'block quotes': `# T\n\n${'> '.repeat(10_000)}x\n`,
    'nested lists': `# T\n\n${Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i * 2)}- x`).join('\n')}\n`,
    'ordered lists on one line': `# T\n\n${'1. '.repeat(10_000)}x\n`,
    'front matter': `---\ntitle: ${'['.repeat(10_000)}\n---\n# T\n`,
    'link brackets': `# T\n\n${'[x]('.repeat(50_000)}\n`,
    'emphasis marks': `# T\n\n${'*_'.repeat(20_000)}x${'_*'.repeat(20_000)}\n`,
    strikethrough: `# T\n\n${'~a'.repeat(50_000)}\n`,
  };
  for (const [name, text] of Object.entries(cases)) {
    const started = performance.now();
    const findings = engine.check(doc('runbooks/a.md', text), config({ maxRunbookSizeKB: 4096 }));
    const took = performance.now() - started;
    assert.deepEqual(ids(findings), ['document-too-complex'], name);
    assert.ok(took < 500, `${name}: ${took} ms`);
    assert.deepEqual(engine.symbols(doc('runbooks/a.md', text), config({ maxRunbookSizeKB: 4096 })), []);
  }
  // The same brackets, in blocks of a few hundred, are fine; so is fenced code.
  assert.equal(markdownTooComplex(`# T\n\n${Array.from({ length: 200 }, () => '[x](y) '.repeat(100)).join('\n\n')}\n`), undefined);
  assert.equal(markdownTooComplex(`# T\n\n\`\`\`\n${'['.repeat(10_000)}\n${' '.repeat(400)}x\n\`\`\`\n`), undefined);
  // Underscores inside words are no emphasis marks: a long table of metric names is fine.
  assert.equal(markdownTooComplex(`# T\n\n| metric |\n| --- |\n${'| `http_requests_total` |\n'.repeat(5000)}`), undefined);
  assert.equal(markdownTooComplex(`# T\n\n${'*a* '.repeat(2000)}\n\n${'*a* '.repeat(2000)}\n`), undefined);
});

test('a long task list or table is not one block for the bracket and emphasis counts; a paragraph still is', () => {
  const steps = Array.from({ length: 3000 }, (_, i) => `- [ ] step ${i}: see [the dashboard](https://grafana/d/${i}) *first*`).join('\n');
  const rows = `| alert | dashboard |\n| --- | :-: |\n${Array.from({ length: 3000 }, (_, i) => `| [A${i}](a.md) | *[d](https://g/${i})* |`).join('\n')}`;
  for (const [name, body] of [['task list', steps], ['table', rows]]) {
    const text = `# T\n\n${body}\n`;
    assert.equal(markdownTooComplex(text), undefined, name);
    const started = performance.now();
    const findings = createEngine().check(doc('runbooks/a.md', text), config({ maxRunbookSizeKB: 4096 }));
    assert.ok(!ids(findings).includes('document-too-complex'), name);
    assert.ok(performance.now() - started < 5000, `${name}: ${performance.now() - started} ms`);
  }
  // Where lezer reads one inline content, the counts go on: an item's continuation lines, lines without a pipe after
  // a table, and a "table" whose header has an escaped pipe (GFM counts its cells otherwise).
  const brackets = (n: number, prefix = '') => Array.from({ length: n }, () => `${prefix}[x](y) [x](y)`).join('\n');
  assert.equal(markdownTooComplex(`# T\n\n- first\n${brackets(1200, '  ')}\n`)?.reason, 'brackets');
  assert.equal(markdownTooComplex(`# T\n\n| a |\n| - |\n| b |\n${brackets(1200)}\n`)?.reason, 'brackets');
  assert.equal(markdownTooComplex(`# T\n\na \\| b | c\n--- | --- | ---\n${brackets(1200, '| ')}\n`)?.reason, 'brackets');
  // Delimiter rows in their forms; and a long run of blanks after a dash is read in one pass (a regex took 7 s on it).
  for (const delimiter of ['| --- | :-: |', '---|---', '|:---|---:', '| - | - |']) assert.equal(markdownTooComplex(`# T\n\n| a | b |\n${delimiter}\n${brackets(1200, '| ')}\n`), undefined, delimiter);
  const started = performance.now();
  assert.equal(markdownTooComplex(`# T\n\n| a |\n|-${' '.repeat(100_000)}x\n`), undefined);
  assert.ok(performance.now() - started < 1000, `${performance.now() - started} ms`);
});

test('the example on the document-too-complex page is reported', () => {
  const page = readFileSync(join(root, 'docs', 'rules', 'document-too-complex.md'), 'utf8');
  const example = /Reported:\n\n```yaml\n([\s\S]*?)```/.exec(page)?.[1] ?? '';
  assert.deepEqual(ids(createEngine().check(doc('svc.readiness.yaml', `apiVersion: prr/v1\nkind: ServiceReadiness\n${example}`))), ['document-too-complex']);
});

test('no real file comes near the limits: examples, fixtures and ../shared/corpus', () => {
  const engine = createEngine();
  const folders = [join(root, 'examples'), join(root, 'test', 'fixtures'), join(root, '..', 'shared', 'corpus')].filter(existsSync);
  let files = 0;
  for (const folder of folders) {
    for (const entry of readdirSync(folder, { recursive: true }) as string[]) {
      const path = join(folder, entry);
      if (!statSync(path).isFile() || !/\.(ya?ml|json|md)$/.test(path)) continue;
      const text = readFileSync(path, 'utf8');
      files++;
      assert.equal(yamlTooDeep(text, 20), undefined, `${path} nests 20 levels deep`);
      if (path.endsWith('.md')) assert.equal(markdownTooComplex(text, 20, 400, 400), undefined, path);
      const found = engine.check({ uri: `file://${path.replace(/\.md$/, '.runbook.md')}`, text }, DEFAULT_CONFIG);
      assert.deepEqual(found.filter((f) => /too-large|too-complex|too-many/.test(f.ruleId)), [], path);
    }
  }
  assert.ok(files > 10);
});
