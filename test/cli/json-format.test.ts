// `--format json`: the document described in docs/cli-json.md, held to the JSON Schema
// on that page, with exact values for the known example findings.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import { DUPLICATE_SERVICES, prr, PAYMENTS, PAYMENTS_FINDINGS, root, workspace } from './run-prr';

function documentedSchema(): object {
  const page = readFileSync(join(root, 'docs', 'cli-json.md'), 'utf8');
  const block = /```json schema\n([\s\S]*?)\n```/.exec(page);
  assert.ok(block, 'docs/cli-json.md has a ```json schema block');
  return JSON.parse(block[1]);
}

const validate = new Ajv({ allErrors: true }).compile(documentedSchema());

interface Position { line: number; column: number }
interface JsonFinding { ruleId: string; severity: string; message: string; range: { start: Position; end: Position }; docs: string | null; related?: unknown[] }
interface JsonReport { version: number; files: { path: string; findings: JsonFinding[] }[]; summary: Record<string, number> }

function check(args: string[], cwd?: string): { code: number | null; document: JsonReport; stdout: string } {
  const run = prr(['check', ...args, '--format', 'json'], cwd ? { cwd } : {});
  assert.equal(run.stderr, '');
  const parsed: unknown = JSON.parse(run.stdout);
  assert.ok(validate(parsed), JSON.stringify(validate.errors, null, 2));
  return { code: run.code, document: parsed as JsonReport, stdout: run.stdout };
}

/** prr on examples/, run once for the tests that only read its output. */
let onExamples: ReturnType<typeof check> | undefined;
const examples = () => (onExamples ??= check(['examples']));

test('json on examples: one document matching the documented schema, with the known findings exactly', () => {
  const { code, document, stdout } = examples();
  assert.equal(code, 1);
  assert.ok(stdout.endsWith('}\n'));
  assert.equal(document.version, 1);
  const paths = document.files.map((f) => f.path);
  assert.deepEqual(paths, [...paths].sort(), 'files in path order');
  assert.ok(paths.includes('examples/checkout-api/readiness.yaml'), 'files without findings are listed too');
  const payments = document.files.find((f) => f.path === PAYMENTS);
  assert.deepEqual(payments?.findings, PAYMENTS_FINDINGS.map((f) => ({
    ruleId: f.ruleId,
    severity: 'error',
    message: f.message,
    range: { start: { line: f.start[0], column: f.start[1] }, end: { line: f.end[0], column: f.end[1] } },
    docs: pathToFileURL(join(root, 'docs', 'rules', `${f.ruleId}.md`)).href,
  })));
});

test('json summary counts what the files hold', () => {
  const { document } = examples();
  const all = document.files.flatMap((f) => f.findings);
  const count = (severity: string) => all.filter((f) => f.severity === severity).length;
  assert.deepEqual(document.summary, {
    errors: count('error'),
    warnings: count('warning'),
    infos: count('info'),
    hints: count('hint'),
    files: document.files.length,
    filesWithFindings: document.files.filter((f) => f.findings.length > 0).length,
  });
  assert.ok(document.summary.errors >= 7);
});

test('json on a clean folder: every file, no findings, exit 0', () => {
  const { code, document } = check(['examples/checkout-api']);
  assert.equal(code, 0);
  assert.ok(document.files.length > 0);
  assert.ok(document.files.every((f) => f.findings.length === 0));
  assert.deepEqual({ ...document.summary, files: 0 }, { errors: 0, warnings: 0, infos: 0, hints: 0, files: 0, filesWithFindings: 0 });
});

test('json carries related locations with relative paths', () => {
  const { document } = check(['.'], workspace(DUPLICATE_SERVICES));
  const [a] = document.files;
  assert.equal(a.path, 'a.openslo.yaml');
  assert.equal(a.findings[0].ruleId, 'duplicate-name');
  assert.deepEqual(a.findings[0].related, [{ path: 'b.openslo.yaml', range: { start: { line: 4, column: 9 }, end: { line: 4, column: 13 } }, message: 'another Service `shop`' }]);
});
