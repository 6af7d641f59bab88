// Each kind of schema problem in a readiness manifest gives exactly one finding with
// the expected rule id, range and message.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { check, manifest, openSloNamed } from './helpers';

const fixture = (name: string) => readFileSync(`${__dirname}/../fixtures/manifests/${name}`, 'utf8');

test('a valid manifest has no findings', () => {
  assert.deepEqual(check(fixture('valid.readiness.yaml'), undefined, {}, { 'slos/search.yaml': openSloNamed('search-availability') }), []);
});

test('a file named as a manifest is not clean when empty, only comments, or a lone value; an empty document after a manifest adds nothing', () => {
  const missing = ['apiVersion', 'kind', 'metadata', 'spec'].map((p) => `1:1-1:1 missing-property missing required property \`${p}\` in \`document\``);
  for (const text of ['', '# to do\n', '---\n', '\n\n']) assert.deepEqual(check(text), missing, JSON.stringify(text));
  assert.deepEqual(check('"x"\n'), ['1:1-1:4 invalid-type `document` must be a mapping; got the string `"x"`']);
  const valid = fixture('valid.readiness.yaml');
  const others = { 'slos/search.yaml': openSloNamed('search-availability') };
  for (const text of [`${valid}---\n`, `---\n${valid}`, `${valid}---\n# end\n`]) assert.deepEqual(check(text, undefined, {}, others), [], JSON.stringify(text.slice(-12)));
  // Lone CR line breaks after a comment are line breaks: the manifest is not "empty".
  assert.deepEqual(check(`# owned by team-a\r${valid.replace(/\n/g, '\r')}`, undefined, {}, others), []);
  // Not named as a manifest: an empty YAML file is nobody's business.
  assert.deepEqual(check('', 'notes.yaml'), []);
});

test('unknown property: the key, with did-you-mean', () => {
  assert.deepEqual(check(manifest('  lifecyle: production')), [
    '8:3-8:11 unknown-property unknown property `lifecyle` in `spec` — did you mean `lifecycle`?',
  ]);
});

test('unknown property with no near name lists what is allowed when the list is short', () => {
  assert.deepEqual(check(manifest('  cost:\n    wallet: 3')), [
    '9:5-9:11 unknown-property unknown property `wallet` in `spec.cost`; allowed: `monthlyBudget`, `currency`, `alerts`, `owner`',
  ]);
});

test('missing property: the parent key', () => {
  const text = 'apiVersion: prr/v1\nkind: ServiceReadiness\nmetadata:\n  name: svc\nspec:\n  tier: 1\n';
  assert.deepEqual(check(text), ['5:1-5:5 missing-property missing required property `owner` in `spec`']);
});

test('missing property at the root: the first key of the document', () => {
  const text = 'apiVersion: prr/v1\nkind: ServiceReadiness\nmetadata:\n  name: svc\n';
  assert.deepEqual(check(text), ['1:1-1:11 missing-property missing required property `spec` in `document`']);
});

test('missing property in a list item: the item\'s first key', () => {
  assert.deepEqual(check(manifest('  alerts:\n    - name: A\n      runbook: r.md')), [
    '9:7-9:11 missing-property missing required property `severity` in `spec.alerts[0]`',
  ]);
});

test('wrong type: the value', () => {
  assert.deepEqual(check(manifest('  release:\n    rollback:\n      automated: "yes"')), [
    '10:18-10:23 invalid-type `spec.release.rollback.automated` must be a boolean; got the string `"yes"`',
  ]);
});

test('a mapping where a scalar belongs: the key, not every line of the mapping', () => {
  assert.deepEqual(check(manifest('  system:\n    name: a\n    more: b')), [
    '8:3-8:9 invalid-type `spec.system` must be a string; got a mapping',
  ]);
});

test('enum: the value, every allowed value, and did-you-mean', () => {
  assert.deepEqual(check(manifest('  release:\n    strategy: canery')), [
    '9:15-9:21 invalid-enum `spec.release.strategy` must be one of `canary`, `blue-green`, `rolling`, `recreate`; got `canery` — did you mean `canary`?',
  ]);
  assert.deepEqual(check(manifest('').replace('tier: 1', 'tier: 5')), [
    '7:9-7:10 invalid-enum `spec.tier` must be one of `1`, `2`, `3`, `4`; got `5`',
  ]);
});

test('const: a wrong apiVersion of ours', () => {
  assert.deepEqual(check(manifest('').replace('prr/v1', 'prr/v2')), [
    '1:13-1:19 invalid-enum `apiVersion` must be `prr/v1`; got `prr/v2`',
  ]);
});

test('format: an impossible date and a URL without scheme', () => {
  assert.deepEqual(check(manifest('  security:\n    review:\n      date: 2025-13-40\n  release:\n    pipeline:\n      url: ci/pipeline')), [
    '10:13-10:23 invalid-format `spec.security.review.date` must be a date (YYYY-MM-DD); got `2025-13-40`',
    '13:12-13:23 invalid-format `spec.release.pipeline.url` must be an absolute URL (e.g. https://…); got `ci/pipeline`',
  ]);
});

test('pattern: a duration', () => {
  assert.deepEqual(check(manifest('  observability:\n    logs:\n      retention: 30 days')), [
    '10:18-10:25 invalid-format `spec.observability.logs.retention` must be a duration (e.g. `30d`); got `30 days`',
  ]);
});

test('range: a number outside its bounds', () => {
  assert.deepEqual(check(manifest('  observability:\n    tracing:\n      sampling: 2')), [
    '10:17-10:18 invalid-value `spec.observability.tracing.sampling` must be <= 1; got `2`',
  ]);
});

test('several problems give one finding each, in document order', () => {
  const findings = check(manifest('  lifecyle: production\n  release:\n    strategy: canery'));
  assert.equal(findings.length, 2);
  assert.match(findings[0], /^8:3 ?.*unknown-property/);
  assert.match(findings[1], /^10:15-.*invalid-enum/);
});

test('a quoted number where a number belongs: one finding (type), not also one for the enum', () => {
  assert.deepEqual(check(manifest('').replace('tier: 1', 'tier: "1"')), [
    '7:9-7:12 invalid-type `spec.tier` must be an integer; got the string `"1"`',
  ]);
});

test('a misspelled required key is one finding (unknown, with did-you-mean), not also a missing one', () => {
  assert.deepEqual(check(manifest('').replace('  owner: team-a', '  owenr: team-a')), [
    '6:3-6:8 unknown-property unknown property `owenr` in `spec` — did you mean `owner`?',
  ]);
});
