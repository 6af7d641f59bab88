// Conformance: runs the prr engine over a corpus of real files written by other projects
// (e.g. ../shared/corpus, described in its SOURCES.md), prints what it finds in each file,
// and gates on what upstream says about those files: the valid ones must get no error, the
// invalid ones at least one. Runbooks are checked with the file system at hand (an io that
// reads the disk), so links to other files are checked too. Usage: npm run conformance -- DIR
// Exit codes: 0 every gate passes, 1 a gate fails, 2 usage or internal error.

import { existsSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createEngine, type Finding } from '../../server/src/service';
import { WORKSPACE_RULES } from '../../server/src/service/rules/registry';
import { collectFiles } from '../../server/src/node/workspace';
import { readText } from '../../server/src/node/read-text';
import { diskIO } from '../../server/src/node/engine-io';

/** A file's findings; `path` is relative to DIR, with `/` separators. */
interface FileResult {
  path: string;
  findings: Finding[];
}

/**
 * Which files are checked together, and so see each other's names and references. It follows
 * how upstream validated them: `file` — each file alone (Sloth validates its good and bad test
 * data with --ignore-slo-duplicates, and its examples restate one SLO in several formats);
 * `dir` — the files of one directory together (an SDK's example set, a duplicates test case).
 */
type Scope = 'file' | 'dir';

interface Gate {
  /** Folder under DIR; the gate is skipped when it does not exist. */
  folder: string;
  scope: Scope;
  expectation: string;
  /** The offending files (or a reason) among the results under `folder`; none when the gate passes. */
  offenders(results: readonly FileResult[]): string[];
}

/**
 * OpenSLO's `oslo validate` checks each object alone and resolves no references (SOURCES.md):
 * for its example sets, our cross-file findings (dangling references, duplicate names) are
 * what we add over upstream, not a disagreement with it. They are printed, not gated.
 */
const CROSS_FILE = new Set(WORKSPACE_RULES.map((r) => r.id));
const hasError = (r: FileResult, perObject = false) => r.findings.some((f) => f.severity === 'error' && !(perObject && CROSS_FILE.has(f.ruleId)));
const paths = (results: readonly FileResult[]) => results.map((r) => r.path);
const noErrors = (folder: string, scope: Scope, perObject = false): Gate => ({
  folder,
  scope,
  expectation: perObject ? 'no file has an error in its own objects (cross-file findings are reported, not gated)' : 'no file has an error',
  offenders: (rs) => paths(rs.filter((r) => hasError(r, perObject))),
});
const allErrors = (folder: string, scope: Scope): Gate => ({ folder, scope, expectation: 'every file has an error', offenders: (rs) => paths(rs.filter((r) => !hasError(r))) });
const indexesClean = (folder: string): Gate => ({
  folder,
  scope: 'file',
  expectation: 'every `_index.md` is a section index, not a runbook: no findings at all',
  offenders: (rs) => {
    const indexes = rs.filter((r) => posix.basename(r.path) === '_index.md');
    return indexes.length === 0 ? ['no `_index.md` found'] : paths(indexes.filter((r) => r.findings.length > 0));
  },
});
const ruleFound = (folder: string, scope: Scope, ruleId: string): Gate => ({
  folder,
  scope,
  expectation: `some file has a \`${ruleId}\` finding`,
  offenders: (rs) => (rs.some((r) => r.findings.some((f) => f.ruleId === ruleId)) ? [] : [`no \`${ruleId}\` finding in ${rs.length} files`]),
});

// What upstream says about each corpus folder (SOURCES.md), as gates.
const GATES: readonly Gate[] = [
  noErrors('openslo/go-sdk-v1', 'dir', true),
  noErrors('openslo/go-sdk-v1alpha', 'dir', true),
  noErrors('sloth/examples', 'file'),
  noErrors('sloth/validate-good', 'file'),
  allErrors('sloth/validate-bad', 'file'),
  ruleFound('sloth/validate-duplicates', 'dir', 'sloth-duplicate-id'),
  { ...noErrors('runbooks/prometheus-operator', 'file'), expectation: 'no file has an error under the default configuration' },
  indexesClean('runbooks/prometheus-operator'),
];

// Folders whose warnings and hints are summarised per rule: what prr would say to their authors.
const PER_RULE: readonly string[] = ['runbooks/prometheus-operator'];

// Folders reported but never gated: upstream's own validity claim is weaker there.
const INFORMATIONAL: readonly string[] = ['openslo/spec-examples'];

async function run(dir: string): Promise<number> {
  const engine = createEngine({ io: diskIO() });
  const results: FileResult[] = [];
  const groups = new Map<string, { uri: string; path: string; text: string }[]>();
  for (const file of await collectFiles([dir], (p) => engine.isCandidate(p))) {
    const path = relative(dir, file).split(sep).join('/');
    const read = await readText(file);
    if (!read.ok) {
      results.push({ path, findings: [{ ruleId: 'file-skipped', severity: 'warning', message: read.reason, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }] });
      continue;
    }
    const scope = GATES.find((g) => path.startsWith(`${g.folder}/`))?.scope ?? 'dir';
    const key = scope === 'file' ? path : posix.dirname(path);
    groups.set(key, [...(groups.get(key) ?? []), { uri: pathToFileURL(file).href, path, text: read.text }]);
  }
  // Index a group's files before checking any of them; forget them before the next group.
  for (const group of groups.values()) {
    for (const { uri, text } of group) engine.setFile({ uri, text });
    for (const { uri, path, text } of group) results.push({ path, findings: engine.check({ uri, text }) });
    for (const { uri } of group) engine.removeFile(uri);
  }
  results.sort((a, b) => (a.path < b.path ? -1 : 1));

  const width = Math.max(4, ...results.map((r) => r.path.length));
  console.log(`${'file'.padEnd(width)}  errors  warnings  rules`);
  for (const { path, findings } of results) {
    const count = (severity: Finding['severity']) => String(findings.filter((f) => f.severity === severity).length);
    const rules = [...new Set(findings.map((f) => f.ruleId))].sort().join(', ') || '-';
    console.log(`${path.padEnd(width)}  ${count('error').padStart(6)}  ${count('warning').padStart(8)}  ${rules}`);
  }

  const under = (folder: string) => results.filter((r) => r.path.startsWith(`${folder}/`));
  console.log('\nGates:');
  let passed = 0;
  let failed = 0;
  for (const gate of GATES) {
    if (!existsSync(join(dir, gate.folder))) {
      console.log(`SKIP  ${gate.folder}: folder not found`);
      continue;
    }
    const offenders = gate.offenders(under(gate.folder));
    if (offenders.length > 0) failed++;
    else passed++;
    const scope = gate.scope === 'file' ? 'each file alone' : 'files of a directory together';
    console.log(`${offenders.length > 0 ? 'FAIL' : 'PASS'}  ${gate.folder} (${scope}): ${gate.expectation}${offenders.map((o) => `\n        ${o}`).join('')}`);
  }

  for (const folder of INFORMATIONAL.filter((f) => existsSync(join(dir, f)))) {
    console.log(`\nInformational (${folder}, never fails):`);
    for (const r of under(folder)) console.log(`${hasError(r) ? 'errors' : 'valid '}  ${r.path}`);
  }

  for (const folder of PER_RULE.filter((f) => existsSync(join(dir, f)))) {
    const rs = under(folder);
    const counts = new Map<string, { warning: number; hint: number; files: Set<string> }>();
    for (const r of rs) {
      for (const f of r.findings) {
        if (f.severity !== 'warning' && f.severity !== 'hint') continue;
        const c = counts.get(f.ruleId) ?? { warning: 0, hint: 0, files: new Set<string>() };
        c[f.severity]++;
        c.files.add(r.path);
        counts.set(f.ruleId, c);
      }
    }
    console.log(`\nWarnings and hints per rule (${folder}, ${rs.length} files):`);
    const ruleWidth = Math.max(4, ...[...counts.keys()].map((k) => k.length));
    console.log(`${'rule'.padEnd(ruleWidth)}  warnings  hints  files`);
    for (const [rule, c] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      console.log(`${rule.padEnd(ruleWidth)}  ${String(c.warning).padStart(8)}  ${String(c.hint).padStart(5)}  ${String(c.files.size).padStart(5)}`);
    }
    if (counts.size === 0) console.log('(none)');
  }

  console.log(`\nconformance: ${failed === 0 ? 'PASS' : 'FAIL'} — ${passed} of ${passed + failed} gates pass; ${results.length} files checked`);
  return failed === 0 ? 0 : 1;
}

const dir = process.argv[2];
if (dir === undefined || process.argv.length > 3) {
  console.error('Usage: npm run conformance -- DIR');
  process.exitCode = 2;
} else {
  run(dir).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(`conformance: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exitCode = 2;
    },
  );
}
