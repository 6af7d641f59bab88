// The options of `prr check` and the exit codes they lead to: --format, --max-warnings,
// --quiet, color (--no-color, NO_COLOR, FORCE_COLOR), and the help text naming them all.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prr, SLO_WITHOUT_SERVICE, workspace } from './run-prr';

const ESC = /\x1b\[/;

test('a bad --format value exits 2 and names the valid formats', () => {
  for (const args of [['check', 'examples', '--format', 'xml'], ['check', '--format=XML'], ['check', '-f', '']]) {
    const { code, stdout, stderr } = prr(args);
    assert.equal(code, 2, args.join(' '));
    assert.equal(stdout, '');
    assert.match(stderr, /^prr: unknown value '.*' for --format; valid values: stylish, json, sarif, junit, github\n/);
  }
  assert.match(prr(['check', '--format']).stderr, /--format/);
});

test('a bad --max-warnings value exits 2 and says what is valid', () => {
  for (const value of ['-1', 'many', '1.5', '']) {
    const { code, stderr } = prr(['check', 'examples/checkout-api', '--max-warnings', value]);
    assert.equal(code, 2, value);
    assert.match(stderr, new RegExp(`^prr: invalid value '${value.replace('.', '\\.')}' for --max-warnings; valid values: a whole number, 0 or more\\n`));
  }
  assert.equal(prr(['check', 'examples/checkout-api', '--max-warnings=-1']).code, 2);
});

test('options may come before or after the command and the paths', () => {
  const after = prr(['check', 'examples', '--format', 'json']);
  const before = prr(['--format', 'json', 'check', 'examples']);
  assert.equal(after.code, 1);
  assert.equal(before.stdout, after.stdout);
  assert.equal(prr(['-f', 'json', 'check', 'examples/checkout-api']).code, 0);
});

test('warnings alone exit 0; --max-warnings N exits 1 only when there are more than N', () => {
  const dir = workspace(SLO_WITHOUT_SERVICE);
  const plain = prr(['check', '.'], { cwd: dir });
  assert.equal(plain.code, 0);
  assert.match(plain.stdout, /^slo\.openslo\.yaml:6:12  warning  missing-service  service `shop` is not defined\b.*\n1 warning in 1 file; 1 file checked\n$/);
  assert.equal(prr(['check', '.', '--max-warnings', '1'], { cwd: dir }).code, 0);
  const over = prr(['check', '.', '--max-warnings', '0'], { cwd: dir });
  assert.equal(over.code, 1);
  assert.equal(over.stdout, plain.stdout, 'the report is the same');
  assert.equal(over.stderr, 'prr: 1 warning found; --max-warnings allows 0\n');
});

test('--quiet reports errors only, and warnings still count against --max-warnings', () => {
  const dir = workspace(SLO_WITHOUT_SERVICE);
  const quiet = prr(['check', '.', '--quiet'], { cwd: dir });
  assert.equal(quiet.code, 0);
  assert.equal(quiet.stdout, 'no problems; 1 file checked\n');
  const json = JSON.parse(prr(['check', '.', '-q', '--format', 'json'], { cwd: dir }).stdout);
  assert.deepEqual(json.files, [{ path: 'slo.openslo.yaml', findings: [] }]);
  assert.equal(json.summary.warnings, 0);
  const gated = prr(['check', '.', '--quiet', '--max-warnings', '0'], { cwd: dir });
  assert.equal(gated.code, 1);
  assert.match(gated.stderr, /1 warning found; --max-warnings allows 0/);
  // Errors are still reported, and still fail.
  const examples = prr(['check', 'examples', '--quiet']);
  assert.equal(examples.code, 1);
  assert.match(examples.stdout, /payments-worker\.readiness\.yaml:13:3  error  unknown-property/);
});

test('stylish output is colored only when asked: FORCE_COLOR; --no-color and NO_COLOR win', () => {
  const forced = prr(['check', 'examples'], { env: { FORCE_COLOR: '1' } });
  assert.match(forced.stdout, ESC);
  // Severity in red, rule id dim; the text is the same once the escapes are removed.
  assert.match(forced.stdout, /payments-worker\.readiness\.yaml:13:3 {2}\x1b\[31merror\x1b\[39m {2}\x1b\[2munknown-property\x1b\[22m {2}unknown property/);
  const plain = prr(['check', 'examples']);
  assert.equal(forced.stdout.replace(/\x1b\[\d+m/g, ''), plain.stdout);
  assert.doesNotMatch(prr(['check', 'examples', '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout, ESC);
  assert.doesNotMatch(prr(['check', 'examples'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout, ESC);
  assert.doesNotMatch(prr(['check', 'examples'], { env: { FORCE_COLOR: '0' } }).stdout, ESC);
  // Machine formats never get colors.
  for (const format of ['json', 'sarif', 'junit', 'github']) {
    assert.doesNotMatch(prr(['check', 'examples', '--format', format], { env: { FORCE_COLOR: '1' } }).stdout, ESC, format);
  }
});

test('an option of another command is refused', () => {
  const { code, stderr } = prr(['rules', '--max-warnings', '3']);
  assert.equal(code, 2);
  assert.match(stderr, /--max-warnings/);
});

test('--help names every command, option, format and exit code', () => {
  const { code, stdout } = prr(['--help']);
  assert.equal(code, 0);
  for (const text of ['check [paths...]', 'rules', '--format', 'stylish, json, sarif, junit, github', '--max-warnings', '--quiet', '--no-color', 'NO_COLOR', 'Exit codes: 0', '1 errors found', '2 usage or internal error']) {
    assert.ok(stdout.includes(text), text);
  }
});
