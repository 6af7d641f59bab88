// No lost text, as a property: over the project's fixtures and examples and mutations of
// them (keys misspelt, enum values changed, required keys deleted, numbers quoted and
// unquoted, keys duplicated, lines deleted, suppression comments added), every fix offered
// — applied alone — leaves a document that still parses, no longer has the finding it
// targets, has no error it did not have before, and is byte-identical outside its edits.
// Fix-all on each document must not add a syntax error or an error either.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAllDocuments, visit, type Node, type Pair } from 'yaml';
import { createEngine, type Finding, type Fix, type TextEdit } from '../../server/src/service';

const root = join(__dirname, '..', '..');
const SOURCES = ['examples', 'test/fixtures'];

interface Doc {
  path: string;
  text: string;
}

function files(): Doc[] {
  const docs: Doc[] = [];
  for (const folder of SOURCES) {
    for (const entry of readdirSync(join(root, folder), { recursive: true }) as string[]) {
      if (!/\.(ya?ml|md)$/.test(entry)) continue;
      const path = relative(root, join(root, folder, entry)).replace(/\\/g, '/');
      docs.push({ path, text: readFileSync(join(root, path), 'utf8') });
    }
  }
  return docs;
}

/** Drops a letter from the middle of a word (`lifecycle` → `lifecyle`). */
function typo(word: string): string {
  const at = Math.floor(word.length / 2);
  return word.slice(0, at) + word.slice(at + 1);
}

const KEY_LINE = /^(\s*(?:- )?)([A-Za-z_][\w-]{3,}):(.*)$/;

/** Deterministic mutations of a document, one change each. */
function mutations(doc: Doc): string[] {
  const lines = doc.text.split('\n');
  const out: string[] = [doc.text];
  const replaceLine = (i: number, ...next: string[]) => [...lines.slice(0, i), ...next, ...lines.slice(i + 1)].join('\n');
  const markdown = doc.path.endsWith('.md');
  const frontmatterEnd = markdown && lines[0] === '---' ? lines.indexOf('---', 1) : -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const yamlLine = !markdown || (i > 0 && i < frontmatterEnd);
    const key = KEY_LINE.exec(line);
    if (yamlLine && key) {
      const [, lead, name, rest] = key;
      if (i % 2 === 0) out.push(replaceLine(i, `${lead}${typo(name)}:${rest}`)); // misspelt key
      const value = /^ ([A-Za-z][\w-]{3,})\s*$/.exec(rest)?.[1];
      if (value) out.push(replaceLine(i, `${lead}${name}: ${typo(value)}`)); // misspelt (enum) value
      const number = /^ (-?\d+(?:\.\d+)?)\s*$/.exec(rest)?.[1];
      if (number) out.push(replaceLine(i, `${lead}${name}: "${number}"`)); // quoted number
      const quotedNumber = /^ "(-?\d+(?:\.\d+)?)"\s*$/.exec(rest)?.[1];
      if (quotedNumber) out.push(replaceLine(i, `${lead}${name}: ${quotedNumber}`)); // unquoted number
      if (value) out.push(replaceLine(i, `${lead}${name}: 1.10`)); // a number where text was
      if (/^\s*$/.test(rest) || value || number) {
        out.push(replaceLine(i)); // a deleted (perhaps required) key
        if (!lead.includes('-') && i % 2 === 1) out.push(replaceLine(i, line, line)); // a duplicated key
      }
      const indent = /^\s*/.exec(lead)?.[0] ?? '';
      if (i % 7 === 0) out.push(replaceLine(i, `${indent}# prr-disable-next-line unknown-property, invalid-enum, missing-property, not-a-rule`, line));
    } else if (markdown && i > frontmatterEnd) {
      if (/^#{1,3} /.test(line)) out.push(replaceLine(i)); // a deleted heading (a missing section)
      if (/^\w/.test(line) && i % 4 === 0) out.push(replaceLine(i, `${line} TODO`)); // a placeholder
      if (/^#{2} /.test(line) && i % 2 === 0) out.push(replaceLine(i, '<!-- prr-disable-next-line runbook-placeholder, runbook-empty-section -->', line));
    }
    if (i % (markdown ? 9 : 6) === 1) out.push(replaceLine(i)); // any deleted line
  }
  // At most MAX_MUTATIONS a file, spread evenly, so the test stays fast on long files.
  const unique = [...new Set(out)];
  const step = Math.max(1, unique.length / MAX_MUTATIONS);
  return unique.filter((_, i) => i === 0 || Math.floor(i / step) !== Math.floor((i - 1) / step));
}

const MAX_MUTATIONS = 100;

/** Applies edits as a client would, after checking that they are valid and do not overlap. */
function applyChecked(text: string, edits: readonly TextEdit[], what: string): { text: string; spans: [number, number, number][] } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (p: { line: number; character: number }) => {
    assert.ok(p.line >= 0 && p.line < starts.length, `${what}: line ${p.line} out of range`);
    const lineEnd = p.line + 1 < starts.length ? starts[p.line + 1] - 1 : text.length;
    assert.ok(p.character >= 0 && starts[p.line] + p.character <= lineEnd, `${what}: character ${p.character} beyond line ${p.line}`);
    return starts[p.line] + p.character;
  };
  const spans = edits.map((e) => [offset(e.range.start), offset(e.range.end), e.newText] as const).sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < spans.length; i++) assert.ok(spans[i - 1][1] <= spans[i][0], `${what}: overlapping edits`);
  let result = '';
  let at = 0;
  const placed: [number, number, number][] = []; // [start, end] in the new text, and the old end
  for (const [start, end, newText] of spans) {
    result += text.slice(at, start);
    placed.push([result.length, result.length + newText.length, end]);
    result += newText;
    at = end;
  }
  result += text.slice(at);
  // Byte-identical outside the edits: every gap between them is the old text's.
  let oldAt = 0;
  let newAt = 0;
  for (let i = 0; i < spans.length; i++) {
    assert.equal(result.slice(newAt, placed[i][0]), text.slice(oldAt, spans[i][0]), `${what}: text outside the edit changed`);
    oldAt = spans[i][1];
    newAt = placed[i][1];
  }
  assert.equal(result.slice(newAt), text.slice(oldAt), `${what}: text after the edit changed`);
  return { text: result, spans: placed };
}

const key = (f: Finding) => `${f.ruleId}\u0000${f.message}`;
const errors = (findings: readonly Finding[]) => findings.filter((f) => f.severity === 'error');

function counts(findings: readonly Finding[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const f of findings) map.set(key(f), (map.get(key(f)) ?? 0) + 1);
  return map;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

/** Where an offset of the edited text was in the text before the edit (undefined: inside an edit). */
function before(offset: number, spans: readonly [number, number, number][], oldStarts: readonly number[]): number | undefined {
  let delta = 0;
  for (let i = 0; i < spans.length; i++) {
    const [start, end, oldEnd] = spans[i];
    if (offset < start) return offset - delta;
    if (offset < end) return undefined;
    delta = end - oldEnd;
  }
  void oldStarts;
  return offset - delta;
}

/** The source range of the innermost key-value pair of `text` that holds `offset`. */
function enclosingPair(text: string, offset: number): [number, number] | undefined {
  let best: [number, number] | undefined;
  for (const doc of parseAllDocuments(text)) {
    if (!('contents' in doc)) continue;
    visit(doc, {
      Pair(_, pair: Pair) {
        const start = (pair.key as Node | null)?.range?.[0];
        const end = (pair.value as Node | null)?.range?.[1] ?? (pair.key as Node | null)?.range?.[1];
        if (start !== undefined && end !== undefined && start <= offset && offset <= end && (!best || start >= best[0])) best = [start, end];
      },
    });
  }
  return best;
}

/**
 * The fixes worth checking: each one a mutation brought (the original's own are checked on the
 * original). The two disable-comment fixes, which every finding has, are sampled: one finding in three.
 */
let sample = 0;
function targets(findings: readonly Finding[], baseline: ReadonlySet<string> | undefined): { finding: Finding; fix: Fix }[] {
  const out: { finding: Finding; fix: Fix }[] = [];
  for (const finding of findings) {
    if (baseline?.has(key(finding))) continue;
    const disable = sample++ % 3 === 0;
    for (const fix of finding.fixes ?? []) if (fix.edits && !fix.createFile && (disable || !fix.suppression)) out.push({ finding, fix });
  }
  return out;
}

test('every fix offered keeps the document parsing, removes its finding, adds no error and changes nothing outside its edits', () => {
  const started = Date.now();
  // yaml warns on process about mapping keys that are collections, which some mutations make.
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: never[]) => {
    if (!String(warning).includes('Keys with collection values')) emitWarning.call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    const docs = files();
    const engine = createEngine({ now: () => new Date('2026-11-27') });
    const uri = (path: string) => `file:///prop/${path}`;
    for (const doc of docs) engine.setFile({ uri: uri(doc.path), text: doc.text });
    let documents = 0;
    let checked = 0;
    let fixAlls = 0;
    const byRule = new Map<string, number>();
    const failures: string[] = [];
    for (const doc of docs) {
      const fileStarted = Date.now();
      const check = (text: string) => engine.check({ uri: uri(doc.path), text });
      const baseline = new Set(check(doc.text).map(key));
      for (const mutated of mutations(doc)) {
        const found = check(mutated);
        documents++;
        const beforeCounts = counts(found);
        const beforeErrors = counts(errors(found));
        const starts = lineStarts(mutated);
        const findingStarts = new Set(found.map((f) => starts[f.range.start.line] + f.range.start.character));
        const syntaxBefore = found.filter((f) => f.ruleId === 'yaml-syntax').length;
        for (const { finding, fix } of targets(found, mutated === doc.text ? undefined : baseline)) {
          const what = `${doc.path}: "${fix.title}" for ${finding.ruleId} at ${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
          const { text, spans } = applyChecked(mutated, fix.edits ?? [], what);
          const after = check(text);
          const fail = (why: string) => failures.push(`${what}: ${why}\n--- before\n${mutated}\n--- after\n${text}`);
          if (after.filter((f) => f.ruleId === 'yaml-syntax').length > syntaxBefore) fail('a new syntax error');
          if ((counts(after).get(key(finding)) ?? 0) >= (beforeCounts.get(key(finding)) ?? 0)) fail('the finding is still there');
          const afterErrors = counts(errors(after));
          const afterStarts = lineStarts(text);
          for (const error of errors(after)) {
            const k = key(error);
            if ((afterErrors.get(k) ?? 0) <= (beforeErrors.get(k) ?? 0)) continue;
            const at = afterStarts[error.range.start.line] + error.range.start.character;
            const was = before(at, spans, starts);
            // Said before, in other words (a warning that became an error, a message with a new value).
            if (was !== undefined && findingStarts.has(was)) continue;
            // A skeleton's placeholders (`""`, `[]`) are for the author to fill in; a value reported
            // only as "must be text" may also be the wrong text (`kind: 1.10`, quoted, is still no kind).
            if (was === undefined && (finding.ruleId === 'missing-property' || finding.ruleId === 'invalid-type')) continue;
            // A renamed key's value is checked for the first time: what it holds was there all along.
            const pair = /^Rename /.test(fix.title) ? enclosingPair(text, spans[0][0]) : undefined;
            if (pair && at >= pair[0] && at <= pair[1]) continue;
            // A new enum value may bring requirements of its own (OpenSLO's Timeslices needs a slice target).
            if (finding.ruleId === 'invalid-enum' && error.ruleId === 'missing-property') continue;
            // Removing one of two duplicate keys makes the other value count: its own errors were hidden.
            const duplicate = /^duplicate key `(.+?)`/.exec(finding.message)?.[1];
            if (duplicate && new RegExp(`[.\`]${duplicate.replace(/\W/g, '\\$&')}[\`.[]`).test(error.message)) continue;
            fail(`a new error: ${error.ruleId} ${error.message}`);
          }
          checked++;
          const label = fix.suppression ? 'disable comments' : finding.ruleId;
          byRule.set(label, (byRule.get(label) ?? 0) + 1);
        }
        const all = documents % 2 === 0 ? engine.fixAll({ uri: uri(doc.path), text: mutated }) : { fixed: 0, text: mutated, edits: [] };
        if (all.fixed > 0) {
          fixAlls++;
          const { text } = applyChecked(mutated, all.edits, `${doc.path}: fix-all`);
          assert.equal(text, all.text);
          const after = check(all.text);
          if (after.filter((f) => f.ruleId === 'yaml-syntax').length > syntaxBefore) failures.push(`${doc.path}: fix-all added a syntax error\n${all.text}`);
          if (errors(after).length > errors(found).length + 2) failures.push(`${doc.path}: fix-all added errors\n${mutated}\n=>\n${all.text}`);
        }
      }
      engine.setFile({ uri: uri(doc.path), text: doc.text });
      if (process.env.PROPERTY_DUMP) console.log(`${doc.path}: ${Date.now() - fileStarted} ms`);
    }
    const summary = `${checked} fixes checked on ${documents} documents from ${docs.length} files (fix-all changed ${fixAlls}) in ${Date.now() - started} ms; by rule: ${[...byRule].sort((a, b) => b[1] - a[1]).map(([r, n]) => `${r} ${n}`).join(', ')}`;
    console.log(`fixes-property: ${summary}`);
    if (process.env.PROPERTY_DUMP) console.log(failures.join('\n\n'));
    assert.deepEqual(failures.slice(0, 3), [], `${failures.length} failures`);
    assert.ok(checked > 500, summary);
  } finally {
    process.emitWarning = emitWarning;
  }
});
