// `--format junit`: well-formed JUnit XML — one suite `prr`, a test case per checked
// file, a failure per error or warning — checked by parsing it back with fast-xml-parser.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { escapeXml } from '../../server/src/cli/format/junit';
import { DUPLICATE_SERVICES, ODD_FILE, ODD_KEY, ODD_MANIFEST, prr, PAYMENTS, PAYMENTS_FINDINGS, SLO_WITHOUT_SERVICE, workspace } from './run-prr';

interface Failure { message: string; type: string; '#text': string }
interface TestCase { name: string; classname: string; file: string; failure?: Failure[] }
interface Suite { name: string; tests: string; failures: string; errors: string; testcase?: TestCase[] }

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  htmlEntities: true, // decode numeric character references (&#10;) as any XML parser does
  trimValues: false,
  isArray: (name) => ['testsuite', 'testcase', 'failure'].includes(name),
});

function junit(args: string[], cwd?: string): { code: number | null; suites: { name: string; tests: string; failures: string }; suite: Suite; xml: string } {
  const run = prr(['check', ...args, '--format', 'junit'], cwd ? { cwd } : {});
  assert.equal(run.stderr, '');
  assert.equal(XMLValidator.validate(run.stdout), true, 'well-formed XML');
  assert.match(run.stdout, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n/);
  const parsed = parser.parse(run.stdout);
  assert.equal(parsed.testsuites.testsuite.length, 1);
  return { code: run.code, suites: parsed.testsuites, suite: parsed.testsuites.testsuite[0], xml: run.stdout };
}

test('junit on examples: one suite prr, a test case per file, failures with message and path:line:col rule', () => {
  const { code, suites, suite } = junit(['examples']);
  assert.equal(code, 1);
  assert.equal(suite.name, 'prr');
  assert.equal(suites.name, 'prr');
  const cases = suite.testcase ?? [];
  assert.equal(suite.tests, String(cases.length));
  assert.equal(suite.failures, String(cases.filter((c) => c.failure).length));
  assert.equal(suites.tests, suite.tests);
  assert.ok(cases.some((c) => c.name === 'examples/checkout-api/readiness.yaml' && !c.failure), 'clean files pass');
  const payments = cases.find((c) => c.name === PAYMENTS);
  assert.equal(payments?.file, PAYMENTS);
  assert.deepEqual(payments?.failure, PAYMENTS_FINDINGS.map((f) => ({
    message: f.message,
    type: 'error',
    '#text': `${PAYMENTS}:${f.start[0]}:${f.start[1]} ${f.ruleId}\nerror: ${f.message}`,
  })));
});

test('junit: warnings fail their file too; a clean run has no failures', () => {
  const warned = junit(['.'], workspace(SLO_WITHOUT_SERVICE));
  assert.equal(warned.code, 0, 'the exit code still follows errors only');
  assert.equal(warned.suite.failures, '1');
  assert.equal(warned.suite.testcase?.[0].failure?.[0].type, 'warning');
  assert.match(warned.suite.testcase?.[0].failure?.[0]['#text'] ?? '', /^slo\.openslo\.yaml:6:12 missing-service\n/);
  const clean = junit(['examples/checkout-api']);
  assert.equal(clean.code, 0);
  assert.equal(clean.suite.failures, '0');
  assert.ok((clean.suite.testcase ?? []).every((c) => !c.failure));
});

test('junit escapes file names and messages: & < > " \' and line breaks come back as they were', () => {
  const { suite, xml } = junit(['.'], workspace({ ...ODD_MANIFEST, ...DUPLICATE_SERVICES }));
  const odd = suite.testcase?.find((c) => c.name === ODD_FILE);
  assert.ok(odd, `a test case named ${ODD_FILE}`);
  assert.equal(odd.classname, ODD_FILE);
  const [failure] = odd.failure ?? [];
  const message = `unknown property \`${ODD_KEY}\` in \`spec\``;
  assert.equal(failure.message, message);
  assert.equal(failure['#text'], `${ODD_FILE}:8:3 unknown-property\nerror: ${message}`);
  assert.ok(!xml.includes('<&>'), 'no raw markup characters');
});

test('escapeXml replaces what XML 1.0 cannot carry, so the document stays well-formed', () => {
  const text = 'nul\u0000 bell\u0007 lone\uD800 ok\u{1F600} tab\t';
  const escaped = escapeXml(text, true);
  assert.equal(escaped, 'nul\uFFFD bell\uFFFD lone\uFFFD ok\u{1F600} tab&#9;');
  assert.equal(XMLValidator.validate(`<a b="${escaped}">${escapeXml(text)}</a>`), true);
});
