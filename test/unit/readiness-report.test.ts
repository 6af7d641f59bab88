// The report across files: SLO references resolved through the workspace index (missing,
// in another file than named, defined twice, in a file with errors), runbooks read through
// the engine's io with the configured sections, the files a service owns, several
// manifests in one file, the summary, and the `.prr.yaml` schema of the readiness settings.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine, READINESS_CHECKS } from '../../server/src/service';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { htmlChunks, jsonChunks, markdownChunks, renderHtml, renderJson, renderMarkdown } from '../../server/src/report';
import { scanOutline } from '../../server/src/service/readiness/runbook-outline';
import { parsedOutline } from '../../server/src/service/readiness/runbook-info';
import { PositionMap } from '../../server/src/service/yaml/positions';
import { owningService } from '../../client/src/owning-service';
import { checkOf, manifestWith, reportOf, runbook, serviceOf, slothSlo } from './readiness-helpers';

const SLO_REFS = '  slos:\n    - ref: svc-availability\n    - ref: svc-latency\n      file: slos/latency.yaml';

test('slo-valid: one item per reference — valid, in a file with errors, not in the file named, did-you-mean', () => {
  const broken = slothSlo('svc-latency').replace('{{.window}}', '5m'); // sloth-window-placeholder: an error
  const service = serviceOf(SLO_REFS, { 'slos/svc.yaml': slothSlo('svc-availability'), 'slos/latency.yaml': broken });
  const check = checkOf(service, 'slo-valid');
  assert.equal(check.status, 'fail');
  assert.deepEqual(check.items?.map((i) => [i.ok, i.location.path]), [[true, 'slos/svc.yaml'], [false, 'slos/latency.yaml']]);
  assert.match(check.items?.[1].message ?? '', /^`svc-latency` is in a file with 1 error; first: .*\{\{\.window\}\}/);
  assert.deepEqual(service.files, ['file:///ws/svc.readiness.yaml', 'file:///ws/slos/svc.yaml', 'file:///ws/slos/latency.yaml']);

  const elsewhere = checkOf(serviceOf(SLO_REFS, { 'slos/svc.yaml': slothSlo('svc-availability'), 'slos/other.yaml': slothSlo('svc-latency') }), 'slo-valid');
  assert.equal(elsewhere.items?.[1].message, '`svc-latency` resolves to no SLO in `slos/latency.yaml`');

  const typo = checkOf(serviceOf('  slos:\n    - ref: svc-availabilty', { 'slos/svc.yaml': slothSlo('svc-availability') }), 'slo-valid');
  assert.equal(typo.message, '`svc-availabilty` resolves to no SLO in the workspace (did you mean `svc-availability`?)');

  const twice = checkOf(serviceOf('  slos:\n    - ref: svc-availability', { 'a.yaml': slothSlo('svc-availability', 'a'), 'b.yaml': slothSlo('svc-availability', 'b') }), 'slo-valid');
  assert.equal(twice.message, '`svc-availability` names 2 SLOs; give the `file` it is in');
});

test('an unresolved SLO reference counts against slo-valid, not also against manifest-valid', () => {
  const service = serviceOf('  slos:\n    - ref: nowhere');
  assert.equal(checkOf(service, 'slo-valid').status, 'fail');
  assert.equal(checkOf(service, 'manifest-valid').status, 'pass');
});

test('runbooks: the configured required sections, URLs not checked, missing files, every alert an item', () => {
  const spec = ['  alerts:', '    - { name: A, severity: page, runbook: runbooks/Thin.md }', '    - { name: B, severity: page, runbook: "https://wiki.example.com/b" }', '    - { name: C, severity: page, runbook: runbooks/Gone.md }'].join('\n');
  const files = { 'runbooks/Thin.md': runbook('2026-11-01', ['Meaning', 'Mitigation']) };
  const check = checkOf(serviceOf(spec, files), 'alerts-paging-runbooks');
  assert.deepEqual(check.items?.map((i) => [i.ok, i.message]), [
    [false, '`A`: `runbooks/Thin.md` lacks Impact, Diagnosis, Escalation'],
    [true, '`B`: external runbook `https://wiki.example.com/b` (not checked)'],
    [false, '`C`: runbook `runbooks/Gone.md` does not exist'],
  ]);
  assert.equal(check.message, '2 paging alerts without a complete runbook; first: `A`: `runbooks/Thin.md` lacks Impact, Diagnosis, Escalation');
  // Sections turned off in .prr.yaml are not required; an added synonym counts.
  const relaxed = { runbooks: { requiredSections: { impact: 'off' as const, diagnosis: 'off' as const, escalation: 'off' as const } } };
  assert.equal(checkOf(serviceOf(spec.split('\n').slice(0, 2).join('\n'), files, { config: relaxed }), 'alerts-paging-runbooks').status, 'pass');
});

test('a file with two manifests is two services, each judged on its own document', () => {
  const text = `${manifestWith('  lifecyle: production', 'first')}---\n${manifestWith('', 'second')}`;
  const report = reportOf({ files: { 'two.readiness.yaml': text } });
  assert.deepEqual(report.services.map((s) => [s.name, checkOf(s, 'manifest-valid').status]), [['first', 'fail'], ['second', 'pass']]);
  assert.equal(report.services[1].file.range.start.line, 12);
});

test('the summary: services by level, blocked, average score, the most common failures first', () => {
  const files = { 'a.readiness.yaml': manifestWith('  tier: 1', 'a'), 'b.readiness.yaml': manifestWith('', 'b'), 'notes.yaml': 'just: yaml\n' };
  const report = reportOf({ files });
  assert.deepEqual(report.services.map((s) => s.name), ['a', 'b']);
  assert.equal(report.summary.services, 2);
  assert.deepEqual(report.summary.byLevel, { none: 2, bronze: 0, silver: 0, gold: 0 });
  assert.equal(report.summary.blocked, 1);
  assert.equal(report.summary.averageScore, Math.floor((report.services[0].score + report.services[1].score) / 2));
  assert.equal(report.summary.commonFailures.length, 10);
  assert.deepEqual(report.summary.commonFailures[0], { id: 'ownership-on-call', title: 'On-call rotation', services: 2 });
});

test('without io, file existence is not judged: runbooks are "not checked", never missing', () => {
  const engine = createEngine({ now: () => new Date('2026-12-01T00:00:00Z') });
  engine.setFile({ uri: 'file:///ws/svc.readiness.yaml', text: manifestWith('  runbooks: [runbooks/Gone.md]') });
  const [service] = engine.report().services;
  assert.equal(checkOf(service, 'runbooks-exist').status, 'pass');
  assert.equal(service.file.path, '/ws/svc.readiness.yaml');
});

test('.prr.yaml: readiness settings validate; an unknown check id or a weight of 5 is a finding', () => {
  const engine = createEngine();
  const check = (text: string) => engine.check({ uri: 'file:///ws/.prr.yaml', text }).map((f) => `${f.ruleId} ${f.message}`);
  assert.deepEqual(check('readiness:\n  checks:\n    cost-alerts: { weight: 3, level: bronze, blocksAtTiers: [1, 2], enabled: true }\n  staleAfterDays: { securityReview: 90 }\n'), []);
  assert.deepEqual(check('readiness:\n  checks:\n    cost-alert: { weight: 5 }\n'), ['unknown-property unknown property `cost-alert` in `readiness.checks` — did you mean `cost-alerts`?']);
  assert.match(check('readiness:\n  checks:\n    cost-alerts: { weight: 5 }\n').join(), /weight/);
  assert.deepEqual(engine.parseConfig('readiness:\n  staleAfterDays: { loadTest: 30 }\n'), { readiness: { staleAfterDays: { loadTest: 30 } } });
});

test('the config schema names every readiness check, and every check id is kebab-case and unique', async () => {
  const schema = (await import('../../schemas/prr-config-v1.schema.json', { with: { type: 'json' } })).default as { properties: { readiness: { properties: { checks: { properties: Record<string, unknown> } } } } };
  const ids = READINESS_CHECKS.map((c) => c.id);
  assert.deepEqual(Object.keys(schema.properties.readiness.properties.checks.properties), ids);
  assert.equal(new Set(ids).size, ids.length);
  for (const c of READINESS_CHECKS) {
    assert.match(c.id, /^[a-z]+(-[a-z]+)*$/);
    assert.ok(c.weight >= 1 && c.weight <= 3 && c.why.length > 0 && c.remedy.length > 0 && c.title.length > 0, c.id);
  }
});

test('Markdown keeps table cells intact: pipes and line breaks in messages are escaped', () => {
  const service = serviceOf('  owner: "a|b"\n  ownership:\n    onCall: { rotation: "x|y" }');
  const md = renderMarkdown({ version: 1, date: '2026-12-01', services: [service], summary: { services: 1, byLevel: { none: 1, bronze: 0, silver: 0, gold: 0 }, blocked: 0, averageScore: service.score, commonFailures: [] } });
  const rows = md.split('\n').filter((l) => l.startsWith('| [svc]'));
  assert.equal(rows.length, 1);
  assert.equal(rows[0].split(/(?<!\\)\|/).length, 10); // 8 cells between 9 unescaped pipes
});

test('the runbook outline scan agrees with the full Markdown parse, or declines', () => {
  const samples = [
    ...['checkout-api/runbooks/CheckoutHighErrorRate.md', 'checkout-api/runbooks/CheckoutHighLatency.md', 'checkout-api/runbooks/Rollback.md', 'payments-worker/runbooks/PaymentsQueueBacklog.md', 'broken/runbooks/DiskFull.md']
      .map((p) => readFileSync(join(__dirname, '..', '..', 'examples', p), 'utf8')),
    runbook(),
    '# T\n\n```sh\n# not a heading\n```\n\n## Impact ##\n\n~~~\n## nor this\n~~~~\n\n### Mitigation\n',
    '# T\r\n\r\n## Meaning\r\ntext\r\n## Escalation\r\n',
    'no title\n\n## Diagnosis\n',
    '# T\n\n``` unclosed\n## inside\n',
    '---\nlastReviewed: 2026-01-01\n---\n# T\n<!-- a comment -->\n## Meaning\n',
  ];
  const declined = ['# T\n\nMeaning\n-------\n', '# T\n\n## **Mitigation**\n', '# T\n\n<div>\n\n## Impact\n\n</div>\n', '# T\n\n- item\n\n  ## Impact\n', '---\nunclosed: front matter\n# T\n'];
  for (const text of samples) {
    const scanned = scanOutline(text);
    assert.ok(scanned, `the scan takes ${JSON.stringify(text.slice(0, 40))}`);
    assert.deepEqual(scanned, parsedOutline(text, new PositionMap(text)), JSON.stringify(text.slice(0, 60)));
  }
  for (const text of declined) assert.equal(scanOutline(text), undefined, JSON.stringify(text));
});

test('docs/checks.md lists every check with its title, level, weight and blocking tiers', () => {
  const page = readFileSync(join(__dirname, '..', '..', 'docs', 'checks.md'), 'utf8');
  for (const c of READINESS_CHECKS) {
    const level = c.level[0].toUpperCase() + c.level.slice(1);
    const row = `| \`${c.id}\` — ${c.title} | ${level} | ${c.weight} | ${c.blocksAtTiers.join(', ') || '—'} |`;
    assert.ok(page.includes(row), `docs/checks.md lacks ${row}`);
  }
});

test('the chunked renderers write exactly what the whole-string ones do (JSON: JSON.stringify with two spaces)', () => {
  const full = reportOf({ files: { 'a.readiness.yaml': manifestWith('', 'a'), 'b.readiness.yaml': manifestWith('  tier: 1', 'b') } });
  const empty = reportOf({ files: {} });
  for (const report of [full, empty]) {
    assert.equal([...jsonChunks(report)].join(''), `${JSON.stringify(report, null, 2)}\n`);
    assert.equal(JSON.stringify(JSON.parse(renderJson(report))), JSON.stringify(report));
    assert.equal([...markdownChunks(report)].join(''), renderMarkdown(report));
    assert.equal([...htmlChunks(report, { nonce: 'n' })].join(''), renderHtml(report, { nonce: 'n' }));
  }
  assert.ok([...jsonChunks(full)].length >= 3);
});

test('the status bar\'s service: the one that owns the file (manifest, SLO file, runbook), else the nearest manifest folder above it', () => {
  const report = reportOf({ files: {
    'a/svc.readiness.yaml': manifestWith('  slos:\n    - ref: a-availability\n  runbooks: [runbooks/A.md]', 'a'),
    'a/deep/b.readiness.yaml': manifestWith('', 'b'),
    'shared/slo.yaml': slothSlo('a-availability'),
    'a/runbooks/A.md': runbook(),
  } });
  const owner = (path: string) => owningService(report, `file:///ws/${path}`)?.name;
  assert.equal(owner('shared/slo.yaml'), 'a');
  assert.equal(owner('a/runbooks/A.md'), 'a');
  assert.equal(owner('a/deep/b.readiness.yaml'), 'b');
  assert.equal(owner('a/deep/x/notes.md'), 'b');
  assert.equal(owner('a/other.yaml'), 'a');
  assert.equal(owner('elsewhere/x.yaml'), undefined);
});
