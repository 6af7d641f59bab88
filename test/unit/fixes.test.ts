// Each kind of quick fix, with the exact text it leaves: the edit touches only the key,
// value or pair concerned, and everything else (comments, blank lines, order, quoting)
// stays as it was.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine, type Finding, type Fix } from '../../server/src/service';
import { applyEdits } from '../lsp/edits';
import { manifest } from './helpers';

function findingsOf(text: string, path = 'svc.readiness.yaml'): Finding[] {
  return createEngine().check({ uri: `file:///w/${path}`, text });
}

/** The real (not suppression-comment) fixes of the one finding of `ruleId`. */
function fixesFor(text: string, ruleId: string, path?: string): Fix[] {
  const found = findingsOf(text, path).filter((f) => f.ruleId === ruleId);
  assert.equal(found.length, 1, `expected one ${ruleId} finding, got ${found.length}`);
  return (found[0].fixes ?? []).filter((f) => !f.suppression);
}

function apply(text: string, fix: Fix | undefined): string {
  assert.ok(fix, 'no such fix');
  return applyEdits(text, fix.edits ?? []);
}

function titled(fixes: Fix[], title: string): Fix | undefined {
  return fixes.find((f) => f.title === title);
}

test('unknown property: rename to the did-you-mean name (preferred) or remove the pair', () => {
  const text = manifest('  # the stage\n  lifecyle: production # typo\n  system: payments');
  const fixes = fixesFor(text, 'unknown-property');
  assert.deepEqual(fixes.map((f) => [f.title, f.isPreferred ?? false]), [['Rename `lifecyle` to `lifecycle`', true], ['Remove `lifecyle`', false]]);
  assert.equal(apply(text, fixes[0]), manifest('  # the stage\n  lifecycle: production # typo\n  system: payments'));
  assert.equal(apply(text, fixes[1]), manifest('  # the stage\n  system: payments'));
});

test('unknown property: two misspellings of one name are both offered the rename, neither preferred (fix-all would make a duplicate key)', () => {
  const text = manifest('  lifecyle: production\n  lifecycel: experimental');
  const found = findingsOf(text).filter((f) => f.ruleId === 'unknown-property');
  assert.equal(found.length, 2);
  for (const finding of found) {
    const rename = (finding.fixes ?? []).find((f) => f.title.startsWith('Rename'));
    assert.match(rename?.title ?? '', /to `lifecycle`$/);
    assert.equal(rename?.isPreferred, undefined);
  }
  const fixed = createEngine().fixAll({ uri: 'file:///w/svc.readiness.yaml', text }).text;
  assert.equal(fixed, text);
});

test('unknown property: removal takes its nested block and keeps the comment after it', () => {
  const text = manifest('  relase:\n    strategy: canary\n    # notes\n    rollback:\n      automated: true\n  # about the system\n  system: payments');
  const remove = titled(fixesFor(text, 'unknown-property'), 'Remove `relase`');
  assert.equal(apply(text, remove), manifest('  # about the system\n  system: payments'));
});

test('unknown property: a quoted key keeps its quotes; a flow mapping loses the pair and one comma', () => {
  const quoted = manifest('  "lifecyle": production');
  assert.equal(apply(quoted, fixesFor(quoted, 'unknown-property')[0]), manifest('  "lifecycle": production'));
  const flow = manifest('  release: {strategy: canary, gatd: true, rollback: {automated: true}}');
  assert.equal(apply(flow, titled(fixesFor(flow, 'unknown-property'), 'Remove `gatd`')), manifest('  release: {strategy: canary, rollback: {automated: true}}'));
  const last = manifest('  release: { strategy: canary, zzz: 1 }');
  assert.equal(apply(last, titled(fixesFor(last, 'unknown-property'), 'Remove `zzz`')), manifest('  release: { strategy: canary }'));
});

test('unknown property: the first key of a list item, and the only key of a mapping', () => {
  const first = manifest('  dependencies:\n    - nam: db\n      name: db\n      critical: true');
  assert.equal(apply(first, titled(fixesFor(first, 'unknown-property'), 'Remove `nam`')), manifest('  dependencies:\n    - name: db\n      critical: true'));
  const only = manifest('  release:\n    zzz: 1');
  assert.equal(apply(only, titled(fixesFor(only, 'unknown-property'), 'Remove `zzz`')), manifest('  release:\n    {}'));
});

test('unknown property: a misspelt required key is renamed, never removed (that would only make it missing)', () => {
  const text = 'apiVersion: prr/v1\nkind: ServiceReadiness\nmetadata:\n  name: svc\nspec:\n  ownr: team-a\n  tier: 1\n';
  const fixes = fixesFor(text, 'unknown-property');
  assert.deepEqual(fixes.map((f) => f.title), ['Rename `ownr` to `owner`']);
});

test('unknown property: Sloth and front-matter variants carry the same fixes', () => {
  const sloth = 'version: prometheus/v1\nservice: svc\nslos:\n  - name: a\n    objectiv: 99.9\n    sli:\n      events:\n        error_query: x{{.window}}\n        total_query: y{{.window}}\n    alerting:\n      page_alert: {disable: true}\n      ticket_alert: {disable: true}\n';
  const fix = fixesFor(sloth, 'sloth-unknown-key', 'slo.yaml')[0];
  assert.equal(fix.title, 'Rename `objectiv` to `objective`');
  assert.equal(apply(sloth, fix), sloth.replace('objectiv:', 'objective:'));
  const runbook = '---\ntitle: HighErrors\nlastReviewd: 2026-11-01\n---\n\n# HighErrors\n';
  const front = fixesFor(runbook, 'frontmatter-unknown-key', 'runbooks/HighErrors.md');
  assert.equal(apply(runbook, front[0]), runbook.replace('lastReviewd', 'lastReviewed'));
  assert.equal(apply(runbook, titled(front, 'Remove `lastReviewd`')), '---\ntitle: HighErrors\n---\n\n# HighErrors\n');
});

test('wrong enum value: the nearest allowed value is preferred, and every allowed value is offered', () => {
  const text = manifest('  release:\n    strategy: canari # first try');
  const fixes = fixesFor(text, 'invalid-enum');
  assert.deepEqual(fixes.map((f) => [f.title, f.isPreferred ?? false]), [
    ['Change to `canary`', true], ['Change to `blue-green`', false], ['Change to `rolling`', false], ['Change to `recreate`', false],
  ]);
  assert.equal(apply(text, fixes[0]), manifest('  release:\n    strategy: canary # first try'));
  const quoted = manifest("  lifecycle: 'prodution'");
  assert.equal(apply(quoted, fixesFor(quoted, 'invalid-enum')[0]), manifest("  lifecycle: 'production'"));
});

test('wrong enum number: every allowed value, none preferred', () => {
  const text = manifest('').replace('tier: 1', 'tier: 5');
  const fixes = fixesFor(text, 'invalid-enum');
  assert.deepEqual(fixes.map((f) => [f.title, f.isPreferred ?? false]), [['Change to `1`', false], ['Change to `2`', false], ['Change to `3`', false], ['Change to `4`', false]]);
  assert.equal(apply(text, fixes[2]), manifest('').replace('tier: 1', 'tier: 3'));
});

test('missing property: inserted with a skeleton of its required children, in schema order, at the siblings\' indentation', () => {
  const text = 'apiVersion: prr/v1\nkind: ServiceReadiness\n# the service\nspec:\n  owner: team-a\n  tier: 1\n';
  const fixes = fixesFor(text, 'missing-property');
  assert.deepEqual(fixes.map((f) => [f.title, f.isPreferred ?? false]), [['Insert `metadata`', false]]);
  assert.equal(apply(text, fixes[0]), 'apiVersion: prr/v1\nkind: ServiceReadiness\nmetadata:\n  name: ""\n# the service\nspec:\n  owner: team-a\n  tier: 1\n');
});

test('missing property: inside a list item, four-space indentation, an enum\'s first value', () => {
  const text = 'apiVersion: prr/v1\nkind: ServiceReadiness\nmetadata:\n    name: svc\nspec:\n    owner: team-a\n    tier: 1\n    alerts:\n        -   name: Down\n            runbook: runbooks/Down.md\n';
  const fix = fixesFor(text, 'missing-property')[0];
  assert.equal(apply(text, fix), text.replace('Down\n', 'Down\n            severity: page\n'));
});

test('missing property: a value the schema fixes is preferred; flow style stays flow; CRLF and a missing last line break are kept', () => {
  const named = 'kind: ServiceReadiness\r\nmetadata: {name: svc}\r\nspec: {owner: team-a, tier: 1}';
  const fix = fixesFor(named, 'missing-property', 'readiness.yaml')[0];
  assert.deepEqual([fix.title, fix.isPreferred], ['Insert `apiVersion`', true]);
  assert.equal(apply(named, fix), `apiVersion: prr/v1\r\n${named}`);
  const flow = 'apiVersion: prr/v1\nkind: ServiceReadiness\nmetadata: {name: svc}\nspec: {tier: 1}';
  assert.equal(apply(flow, fixesFor(flow, 'missing-property')[0]), 'apiVersion: prr/v1\nkind: ServiceReadiness\nmetadata: {name: svc}\nspec: {tier: 1, owner: ""}');
  const empty = 'apiVersion: prr/v1\nkind: ServiceReadiness\nmetadata: {}\nspec: {owner: a, tier: 1}\n';
  assert.equal(apply(empty, fixesFor(empty, 'missing-property')[0]), empty.replace('metadata: {}', 'metadata: {name: ""}'));
  const last = 'apiVersion: prr/v1\nkind: ServiceReadiness\nmetadata:\n  name: svc\nspec:\n  owner: team-a';
  assert.equal(apply(last, fixesFor(last, 'missing-property')[0]), `${last}\n  tier: 1`);
});

test('missing property: an OpenSLO SLO gets an enum default and a list', () => {
  const text = 'apiVersion: openslo/v1\nkind: SLO\nmetadata:\n  name: x\nspec:\n  service: s\n  indicatorRef: i\n  timeWindow:\n    - duration: 28d\n      isRolling: true\n  objectives:\n    - target: 0.99\n';
  const fix = fixesFor(text, 'missing-property', 'slo.yaml')[0];
  assert.equal(apply(text, fix), text.replace('  timeWindow:', '  budgetingMethod: Occurrences\n  timeWindow:'));
});

test('wrong type: a number where text is wanted is quoted as written; a quoted number or boolean is unquoted', () => {
  const text = manifest('  system: 1.10');
  const [quote] = fixesFor(text, 'invalid-type');
  assert.deepEqual([quote.title, quote.isPreferred], ['Quote `1.10` as text', true]);
  assert.equal(apply(text, quote), manifest('  system: "1.10"'));
  const tier = manifest('').replace('tier: 1', 'tier: "2"');
  assert.equal(apply(tier, fixesFor(tier, 'invalid-type')[0]), manifest('').replace('tier: 1', 'tier: 2'));
  const flag = manifest("  release:\n    rollback:\n      automated: 'true'");
  const [unquote] = fixesFor(flag, 'invalid-type');
  assert.equal(unquote.title, "Unquote `'true'` (a boolean)");
  assert.equal(apply(flag, unquote), manifest('  release:\n    rollback:\n      automated: true'));
  const sampling = manifest('  observability:\n    tracing:\n      sampling: "0.1"');
  assert.equal(apply(sampling, fixesFor(sampling, 'invalid-type')[0]), manifest('  observability:\n    tracing:\n      sampling: 0.1'));
  assert.deepEqual(fixesFor(manifest('  observability:\n    tracing:\n      sampling: "a lot"'), 'invalid-type'), []);
});

test('duplicate key: remove the later pair (with its block) or the earlier one', () => {
  const text = manifest('  release:\n    strategy: canary\n  system: a\n  release:\n    strategy: rolling\n  # end');
  const fixes = fixesFor(text, 'duplicate-key');
  assert.deepEqual(fixes.map((f) => [f.title, f.isPreferred ?? false]), [['Remove this `release` (keep the first)', false], ['Remove the first `release` (keep this one)', false]]);
  assert.equal(apply(text, fixes[0]), manifest('  release:\n    strategy: canary\n  system: a\n  # end'));
  assert.equal(apply(text, fixes[1]), manifest('  system: a\n  release:\n    strategy: rolling\n  # end'));
});

test('duplicate key: two documents run together (the top level says again what it is) get their `---` back, preferred', () => {
  const service = (name: string) => `apiVersion: openslo/v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  description: ${name}\n`;
  const merged = `${service('checkout')}# the second\n${service('payments')}`;
  const findings = findingsOf(merged, 'services.yaml').filter((f) => f.ruleId === 'duplicate-key');
  assert.equal(findings.length, 4); // apiVersion, kind, metadata, spec
  for (const finding of findings) {
    const [split, ...rest] = (finding.fixes ?? []).filter((f) => !f.suppression);
    assert.deepEqual([split.title, split.isPreferred], ['Start a new document at line 8 (insert `---`)', true]);
    assert.ok(rest.every((f) => !f.isPreferred));
    assert.equal(apply(merged, split), `${service('checkout')}# the second\n---\n${service('payments')}`);
  }
  assert.equal(createEngine().fixAll({ uri: 'file:///w/services.yaml', text: merged }).text, `${service('checkout')}# the second\n---\n${service('payments')}`);
  // CRLF text gets a CRLF after the `---`; Sloth's top level is `version` and `service`.
  const sloth = (svc: string) => `version: prometheus/v1\r\nservice: ${svc}\r\nslos:\r\n  - name: avail\r\n    objective: 99.9\r\n    sli:\r\n      events:\r\n        error_query: a\r\n        total_query: b\r\n    alerting:\r\n      page_alert:\r\n        disable: true\r\n      ticket_alert:\r\n        disable: true\r\n`;
  const slothFixes = findingsOf(`${sloth('a')}${sloth('b')}`, 'sloth.yaml').filter((f) => f.ruleId === 'duplicate-key').map((f) => f.fixes?.[0]);
  assert.ok(slothFixes.length >= 2);
  for (const fix of slothFixes) assert.equal(apply(`${sloth('a')}${sloth('b')}`, fix), `${sloth('a')}---\r\n${sloth('b')}`);
});

test('duplicate key: no `---` is offered for a key written twice inside one document', () => {
  const once = 'apiVersion: openslo/v1\nkind: Service\nkind: Service\nmetadata:\n  name: s\nspec: {}\n';
  assert.deepEqual(fixesFor(once, 'duplicate-key', 'svc.yaml').map((f) => f.title), ['Remove this `kind` (keep the first)', 'Remove the first `kind` (keep this one)']);
});

test('fixes in the second document of a file and in front matter point at the right lines', () => {
  const first = 'apiVersion: openslo/v1\nkind: Service\nmetadata:\n  name: s\nspec: {}\n';
  const second = 'apiVersion: openslo/v1\nkind: SLI\nmetadata:\n  name: i\nspec:\n  thresholdMetric:\n    metricSource:\n      type: Prometheus\n      spec: {query: up}\n  descripton: x\n';
  const text = `${first}---\n${second}`;
  const fix = fixesFor(text, 'unknown-property', 'slo.yaml')[0];
  assert.equal(apply(text, fix), `${first}---\n${second.replace('descripton', 'description')}`);
});

test('every finding offers to disable its rule for the line and for the file; those are marked as suppressions', () => {
  const text = manifest('  lifecyle: production');
  const [finding] = findingsOf(text);
  const disable = (finding.fixes ?? []).filter((f) => f.suppression);
  assert.deepEqual(disable.map((f) => f.title), ['Disable unknown-property for this line', 'Disable unknown-property for this file']);
  assert.equal(apply(text, disable[0]), manifest('  # prr-disable-next-line unknown-property\n  lifecyle: production'));
  assert.equal(apply(text, disable[1]), `# prr-disable-file unknown-property\n${text}`);
  for (const fix of disable) assert.deepEqual(findingsOf(apply(text, fix)), []);
});

test('disable fixes join an existing comment, and use HTML comments in Markdown after the front matter', () => {
  const text = manifest('  # prr-disable-next-line invalid-enum\n  lifecyle: production');
  const finding = findingsOf(text).find((f) => f.ruleId === 'unknown-property')!;
  const [line] = (finding.fixes ?? []).filter((f) => f.suppression);
  assert.equal(apply(text, line), manifest('  # prr-disable-next-line invalid-enum, unknown-property\n  lifecyle: production'));
  const runbook = '---\ntitle: X\n---\n\n# X\n\n## Meaning\n\nTODO\n';
  const placeholder = findingsOf(runbook, 'runbooks/X.md').find((f) => f.ruleId === 'runbook-placeholder')!;
  const [mdLine, mdFile] = (placeholder.fixes ?? []).filter((f) => f.suppression);
  assert.equal(apply(runbook, mdLine), runbook.replace('\nTODO', '\n<!-- prr-disable-next-line runbook-placeholder -->\nTODO'));
  assert.equal(apply(runbook, mdFile), runbook.replace('---\n\n#', '---\n<!-- prr-disable-file runbook-placeholder -->\n\n#'));
  for (const fix of [mdLine, mdFile]) assert.ok(!findingsOf(apply(runbook, fix), 'runbooks/X.md').some((f) => f.ruleId === 'runbook-placeholder' || f.ruleId === 'unused-suppression'));
});
