// `--format sarif`: valid against the SARIF 2.1.0 JSON Schema (test/fixtures/sarif/),
// with rule metadata, exact 1-based regions, relative URIs and related locations.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { Log, Result } from 'sarif';
import { DUPLICATE_SERVICES, ODD_FILE, ODD_KEY, ODD_MANIFEST, prr, PAYMENTS, PAYMENTS_FINDINGS, root, SLO_WITHOUT_SERVICE, workspace } from './run-prr';

const schema = JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8'));
// The schema is draft-07 and uses keywords ajv's strict mode does not know.
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

function sarif(args: string[], cwd?: string): { code: number | null; log: Log } {
  const run = prr(['check', ...args, '--format', 'sarif'], cwd ? { cwd } : {});
  assert.equal(run.stderr, '');
  const log: unknown = JSON.parse(run.stdout);
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
  return { code: run.code, log: log as Log };
}

/** prr on examples/, run once for the tests that only read its output. */
let onExamples: ReturnType<typeof sarif> | undefined;
const examples = () => (onExamples ??= sarif(['examples']));

test('the schema fixture is the SARIF 2.1.0 schema and rejects what it should', () => {
  assert.equal(schema.title, 'Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema');
  assert.ok(validate({ version: '2.1.0', runs: [] }));
  assert.ok(!validate({ version: '2.0.0', runs: [] }));
  assert.ok(!validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }), 'a driver needs a name');
});

test('sarif on examples: valid SARIF 2.1.0, one run, the prr driver', () => {
  const { code, log } = examples();
  assert.equal(code, 1);
  assert.equal(log.version, '2.1.0');
  assert.match(log.$schema ?? '', /sarif-schema-2\.1\.0\.json$/);
  assert.equal(log.runs.length, 1);
  const [run] = log.runs;
  const driver = run.tool.driver;
  assert.equal(driver.name, 'prr');
  assert.match(driver.version ?? '', /^\d+\.\d+\.\d+$/);
  assert.match(driver.informationUri ?? '', /^https:\/\//);
  assert.equal(run.columnKind, 'utf16CodeUnits');
  assert.equal(run.originalUriBaseIds?.['%SRCROOT%']?.uri, `${pathToFileURL(root).href}/`);
});

test('sarif rules: each rule with a result once, with description, docs and default level; results point at them', () => {
  const { log } = examples();
  const [run] = log.runs;
  const rules = run.tool.driver.rules ?? [];
  const results = run.results ?? [];
  assert.deepEqual(rules.map((r) => r.id), [...new Set(results.map((r) => r.ruleId))], 'every rule that appears, once, in order of appearance');
  for (const rule of rules) {
    assert.ok(rule.shortDescription?.text && rule.shortDescription.text !== rule.id, rule.id);
    assert.equal(rule.helpUri, pathToFileURL(join(root, 'docs', 'rules', `${rule.id}.md`)).href);
    assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration?.level ?? ''), rule.id);
  }
  for (const result of results) assert.equal(rules[result.ruleIndex ?? -1].id, result.ruleId);
  const unknown = rules.find((r) => r.id === 'unknown-property');
  assert.equal(unknown?.shortDescription?.text, 'A property the schema does not define, usually a typo of one it does.');
  assert.equal(unknown?.defaultConfiguration?.level, 'error');
});

test('sarif results: the known findings with exact regions and relative URIs', () => {
  const { log } = examples();
  const results = (log.runs[0].results ?? []).filter((r) => r.locations?.[0].physicalLocation?.artifactLocation?.uri === PAYMENTS);
  assert.deepEqual(results.map((r): Partial<Result> => ({ ruleId: r.ruleId, level: r.level, message: r.message, locations: r.locations })), PAYMENTS_FINDINGS.map((f) => ({
    ruleId: f.ruleId,
    level: 'error',
    message: { text: f.message },
    locations: [{
      physicalLocation: {
        artifactLocation: { uri: PAYMENTS, uriBaseId: '%SRCROOT%' },
        region: { startLine: f.start[0], startColumn: f.start[1], endLine: f.end[0], endColumn: f.end[1] },
      },
    }],
  })));
});

test('sarif: warnings are level warning; related locations; URIs percent-encoded', () => {
  const dir = workspace({ ...DUPLICATE_SERVICES, ...ODD_MANIFEST });
  const { log } = sarif(['.'], dir);
  const results = log.runs[0].results ?? [];
  const duplicate = results.find((r) => r.ruleId === 'duplicate-name');
  assert.deepEqual(duplicate?.relatedLocations, [{
    id: 0,
    physicalLocation: { artifactLocation: { uri: 'b.openslo.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 4, startColumn: 9, endLine: 4, endColumn: 13 } },
    message: { text: 'another Service `shop`' },
  }]);
  const odd = results.find((r) => r.ruleId === 'unknown-property');
  assert.equal(odd?.locations?.[0].physicalLocation?.artifactLocation?.uri, encodeURIComponent(ODD_FILE));
  assert.equal(decodeURIComponent(odd?.locations?.[0].physicalLocation?.artifactLocation?.uri ?? ''), ODD_FILE);
  assert.equal(odd?.message.text, `unknown property \`${ODD_KEY}\` in \`spec\``);
});

test('sarif on a clean folder: a valid log with no results, exit 0', () => {
  const { code, log } = sarif(['examples/checkout-api']);
  assert.equal(code, 0);
  assert.deepEqual(log.runs[0].results, []);
  assert.deepEqual(log.runs[0].tool.driver.rules, []);
});

test('sarif levels follow severities: a warning is a warning, and --quiet drops it', () => {
  const dir = workspace(SLO_WITHOUT_SERVICE);
  const { log } = sarif(['.'], dir);
  const [result] = log.runs[0].results ?? [];
  assert.equal(result.ruleId, 'missing-service');
  assert.equal(result.level, 'warning');
  assert.equal(log.runs[0].tool.driver.rules?.[0].defaultConfiguration?.level, 'warning');
  assert.deepEqual(sarif(['.', '--quiet'], dir).log.runs[0].results, []);
});
