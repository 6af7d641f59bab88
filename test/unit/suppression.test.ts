// Inline suppression comments: next-line and file scope, YAML and Markdown forms, unused or
// unknown ids reported as `unused-suppression` with a fix, and the CLI honouring them.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine, resolveConfig, type Finding } from '../../server/src/service';
import { applyEdits } from '../lsp/edits';
import { check, manifest, show } from './helpers';
import { prr, workspace } from '../cli/run-prr';

const BAD = '  lifecyle: production\n  system: [a]';

test('prr-disable-next-line silences the named rules on the next line only', () => {
  assert.deepEqual(check(manifest(BAD)).map((f) => f.split(' ')[1]), ['unknown-property', 'invalid-type']);
  assert.deepEqual(check(manifest(`  # prr-disable-next-line unknown-property\n${BAD}`)).map((f) => f.split(' ')[1]), ['invalid-type']);
  // Two ids, a reason, and a comment that is not about this line's rule.
  assert.deepEqual(check(manifest(`  # prr-disable-next-line invalid-type, unknown-property -- renamed in v2\n  lifecyle: production\n  # prr-disable-next-line invalid-type\n  system: [a]`)), [
    '8:27-8:39 unused-suppression `invalid-type` is disabled for the next line, but reports nothing there',
  ]);
});

test('next-line comments stack; prr-disable-file silences a rule everywhere', () => {
  const stacked = manifest('  # prr-disable-next-line unknown-property\n  # prr-disable-next-line invalid-enum\n  release: {strategy: x, zzz: 1}');
  assert.deepEqual(check(stacked.replace(/ *# prr.*\n/g, '')).map((f) => f.split(' ')[1]), ['invalid-enum', 'unknown-property']);
  assert.deepEqual(check(stacked), []);
  const file = `# prr-disable-file unknown-property\n${manifest('  lifecyle: production\n  relase: {}')}`;
  assert.deepEqual(check(file), []);
});

test('suppression is decided before severities: a silenced finding of a rule turned off is not "unused"', () => {
  const engine = createEngine({ severities: { 'unknown-property': 'off' } });
  const text = manifest(`  # prr-disable-next-line unknown-property\n  lifecyle: production`);
  assert.deepEqual(engine.check({ uri: 'file:///w/svc.readiness.yaml', text }), []);
  const quiet = createEngine({ severities: { 'unused-suppression': 'off' } });
  assert.deepEqual(quiet.check({ uri: 'file:///w/svc.readiness.yaml', text: manifest('  # prr-disable-next-line unknown-property\n  system: a') }), []);
});

test('an unused comment, an unknown id and an empty comment are findings, each with a fix that removes it', () => {
  const text = manifest('  # prr-disable-next-line unknown-property\n  system: a\n  # prr-disable-next-line unknwn-property\n  lifecyle: x\n  # prr-disable-file');
  const findings = createEngine().check({ uri: 'file:///w/svc.readiness.yaml', text });
  assert.deepEqual(findings.map(show), [
    '8:27-8:43 unused-suppression `unknown-property` is disabled for the next line, but reports nothing there',
    '10:27-10:42 unused-suppression unknown rule `unknwn-property` in a suppression comment — did you mean `unknown-property`?',
    '11:3-11:11 unknown-property unknown property `lifecyle` in `spec` — did you mean `lifecycle`?',
    '12:5-12:21 unused-suppression `prr-disable-file` names no rule; add the rule ids to silence, or remove the comment',
  ]);
  const [unused, unknown, , empty] = findings;
  assert.equal(applyEdits(text, unused.fixes![0].edits!), manifest('  system: a\n  # prr-disable-next-line unknwn-property\n  lifecyle: x\n  # prr-disable-file'));
  assert.deepEqual(unknown.fixes!.map((f) => [f.title, f.isPreferred ?? false]), [['Change to `unknown-property`', true], ['Remove the suppression comment', false]]);
  assert.equal(applyEdits(text, unknown.fixes![0].edits!), text.replace('unknwn-property', 'unknown-property'));
  // The comment is the last line, without a line break after it: the break before it goes.
  assert.equal(applyEdits(text, empty.fixes![0].edits!), text.replace('\n  # prr-disable-file', ''));
  // The suppression findings themselves offer no disable-comment fixes.
  assert.ok(findings.filter((f) => f.ruleId === 'unused-suppression').every((f) => f.fixes!.every((x) => !x.suppression)));
});

test('one unused id among used ones: the fix removes only that id', () => {
  const text = manifest('  # prr-disable-next-line unknown-property, invalid-enum\n  lifecyle: x');
  const [finding] = createEngine().check({ uri: 'file:///w/svc.readiness.yaml', text });
  assert.equal(finding.ruleId, 'unused-suppression');
  assert.equal(applyEdits(text, finding.fixes![0].edits!), manifest('  # prr-disable-next-line unknown-property\n  lifecyle: x'));
});

test('Markdown: HTML comments, `#` comments inside the front matter, nothing inside code blocks', () => {
  const runbook = (body: string) => `---\ntitle: X\nlastReviewd: 2026-11-01\n---\n\n# X\n\n## Meaning\n\n${body}\n\n## Impact\n\nI.\n\n## Diagnosis\n\nD.\n\n## Mitigation\n\n1. M.\n\n## Escalation\n\nE.\n`;
  const rules = (text: string) => check(text, 'runbooks/X.md').map((f) => f.split(' ')[1]);
  assert.deepEqual(rules(runbook('TODO')), ['frontmatter-unknown-key', 'runbook-placeholder']);
  assert.deepEqual(rules(runbook('<!-- prr-disable-next-line runbook-placeholder -->\nTODO')), ['frontmatter-unknown-key']);
  assert.deepEqual(rules(runbook('TODO').replace('title: X\n', 'title: X\n# prr-disable-next-line frontmatter-unknown-key\n')), ['runbook-placeholder']);
  assert.deepEqual(rules(runbook('TODO').replace('---\n\n#', '---\n<!-- prr-disable-file runbook-placeholder, frontmatter-unknown-key -->\n\n#')), []);
  // A `#` line in the body is a heading, and a directive in a code block is an example.
  assert.deepEqual(rules(runbook('```\n<!-- prr-disable-file runbook-placeholder -->\n```\n\nTODO')), ['frontmatter-unknown-key', 'runbook-placeholder']);
});

test('Markdown: no line comment is offered inside a code block or among a table\'s rows (it would be code, or end the table); the file comment is', () => {
  const text = '# X\n\n## Meaning\n\nM.\n\n## Impact\n\nI.\n\n## Diagnosis\n\n```sh\ndf -h  # TODO: add the node selector\n```\n\n| team | owner |\n| --- | --- |\n| team-x | TBD |\n\n## Mitigation\n\n1. M. TODO\n\n## Escalation\n\nE.\n';
  const findings = createEngine().check({ uri: 'file:///w/runbooks/X.md', text }).filter((f) => f.ruleId === 'runbook-placeholder');
  const titles = (f: Finding) => (f.fixes ?? []).filter((x) => x.suppression).map((x) => x.title);
  assert.deepEqual(findings.map((f) => [f.range.start.line, titles(f)]), [
    [13, ['Disable runbook-placeholder for this file']],
    [18, ['Disable runbook-placeholder for this file']],
    [22, ['Disable runbook-placeholder for this line', 'Disable runbook-placeholder for this file']],
  ]);
  // The line comment that is offered works.
  const fix = findings[2].fixes?.find((x) => x.title.endsWith('this line'));
  const fixed = applyEdits(text, fix?.edits ?? []);
  assert.deepEqual(createEngine().check({ uri: 'file:///w/runbooks/X.md', text: fixed }).filter((f) => f.ruleId === 'runbook-placeholder').map((f) => f.range.start.line), [13, 18]);
});

test('a .prr.yaml is never silenced, and YAML that is not ours gets no suppression findings', () => {
  const engine = createEngine();
  const config = engine.check({ uri: 'file:///w/.prr.yaml', text: '# prr-disable-file unknown-property\nrulez: {}\n' });
  assert.deepEqual(config.map((f) => f.ruleId), ['unknown-property']);
  assert.deepEqual(engine.check({ uri: 'file:///w/values.yaml', text: '# prr-disable-file unknown-property\nreplicas: 2\n' }), []);
});

test('excluded by configuration: no suppression findings either', () => {
  const config = resolveConfig([{ folder: '/w', data: { exclude: ['svc.readiness.yaml'] } }]);
  const findings: Finding[] = createEngine().check({ uri: 'file:///w/svc.readiness.yaml', text: `# prr-disable-file unknown-property\n${manifest('')}` }, config);
  assert.deepEqual(findings, []);
});

test('prr check honours suppression comments (a real run of dist/cli.js)', () => {
  const dir = workspace({
    'svc.readiness.yaml': `# prr-disable-file invalid-enum\n${manifest('  # prr-disable-next-line unknown-property\n  lifecyle: production').replace('tier: 1', 'tier: 5')}`,
    'other.readiness.yaml': manifest('  # prr-disable-next-line unknown-property\n  system: a').replace('svc', 'other'),
  });
  try {
    const run = prr(['check', '.', '--format', 'json'], { cwd: dir });
    const report = JSON.parse(run.stdout) as { files: { path: string; findings: { ruleId: string }[] }[] };
    const byFile = Object.fromEntries(report.files.map((f) => [f.path.replace(/^.*[\\/]/, ''), f.findings.map((x) => x.ruleId)]));
    assert.deepEqual(byFile['svc.readiness.yaml'] ?? [], []);
    assert.deepEqual(byFile['other.readiness.yaml'], ['unused-suppression']);
    assert.equal(run.code, 0, run.stderr); // a warning only
  } finally {
    rmSync(join(dir), { recursive: true, force: true });
  }
});
