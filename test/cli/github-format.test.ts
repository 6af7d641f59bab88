// `--format github`: GitHub Actions workflow commands (::error/::warning/::notice) that
// become annotations, with GitHub's escaping of messages and properties.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { escapeData, escapeProperty, github } from '../../server/src/cli/format/github';
import { createColors } from '../../server/src/cli/color';
import type { FormatContext } from '../../server/src/cli/format/types';
import { summarize } from '../../server/src/cli/report';
import type { Finding } from '../../server/src/service';
import { ODD_FILE, ODD_KEY, ODD_MANIFEST, prr, PAYMENTS, PAYMENTS_FINDINGS, SLO_WITHOUT_SERVICE, workspace } from './run-prr';

const COMMAND = /^::(error|warning|notice) file=[^,:]+,line=\d+(,col=\d+)?,endLine=\d+(,endColumn=\d+)?,title=[a-z0-9-]+::[^\r\n]*$/;

test('github on examples: one command a finding, the known ones exactly, then the summary', () => {
  const { code, stdout, stderr } = prr(['check', 'examples', '--format', 'github']);
  assert.equal(code, 1);
  assert.equal(stderr, '');
  const lines = stdout.split('\n');
  assert.equal(lines.pop(), '');
  assert.match(lines.pop() ?? '', /^\d+ errors?\b.*; \d+ files checked$/);
  for (const line of lines) assert.match(line, COMMAND);
  const payments = lines.filter((l) => l.includes(`file=${PAYMENTS},`));
  assert.deepEqual(payments, PAYMENTS_FINDINGS.map((f) =>
    `::error file=${PAYMENTS},line=${f.start[0]},col=${f.start[1]},endLine=${f.end[0]},endColumn=${f.end[1]},title=${f.ruleId}::${f.message}`));
});

test('github: warnings are ::warning, and escaping keeps every command on one line', () => {
  const warned = prr(['check', '.', '--format', 'github'], { cwd: workspace(SLO_WITHOUT_SERVICE) });
  assert.match(warned.stdout, /^::warning file=slo\.openslo\.yaml,line=6,col=12,endLine=6,endColumn=16,title=missing-service::service `shop` is not defined/);
  const odd = prr(['check', '.', '--format', 'github'], { cwd: workspace(ODD_MANIFEST) });
  const line = odd.stdout.split('\n').find((l) => l.includes('title=unknown-property'));
  assert.equal(line, `::error file=${escapeProperty(ODD_FILE)},line=8,col=3,endLine=8,endColumn=32,title=unknown-property::${escapeData(`unknown property \`${ODD_KEY}\` in \`spec\``)}`);
  assert.ok(line?.includes('file=odd%2C name%3A50%25 <a&b>.readiness.yaml,'));
  assert.ok(line?.includes("bad,key:100%25<&>\"'%0D%0Aline2"));
});

test('escaping follows @actions/core: % first, then CR and LF; properties also , and :', () => {
  assert.equal(escapeData('100% done\r\nnext: a,b'), '100%25 done%0D%0Anext: a,b');
  assert.equal(escapeProperty('100% done\r\nnext: a,b'), '100%25 done%0D%0Anext%3A a%2Cb');
  assert.equal(escapeData('%0A'), '%250A', 'an escape sequence in the text is not taken for one');
});

test('github: info and hint are notices; a range across lines gets lines but no columns', () => {
  const at = (line: number, character: number) => ({ line, character });
  const findings: Finding[] = [
    { ruleId: 'runbook-mitigation-no-steps', severity: 'hint', message: 'no steps', range: { start: at(2, 0), end: at(2, 4) } },
    { ruleId: 'some-info', severity: 'info', message: 'spans', range: { start: at(3, 2), end: at(5, 1) } },
  ];
  const files = [{ path: 'runbooks/a.md', findings }];
  const context: FormatContext = { rules: [], docsUrl: () => undefined, version: '0.0.0', colors: createColors(false) };
  assert.equal(github({ files, summary: summarize(files) }, context), [
    '::notice file=runbooks/a.md,line=3,col=1,endLine=3,endColumn=5,title=runbook-mitigation-no-steps::no steps',
    '::notice file=runbooks/a.md,line=4,endLine=6,title=some-info::spans',
    '1 info, 1 hint in 1 file; 1 file checked',
    '',
  ].join('\n'));
});

test('github: an ESC sequence from a checked file is shown as \\x1b, not sent raw into the log', () => {
  const dir = workspace({ 'r.readiness.yaml': 'apiVersion: prr/v1\nkind: ServiceReadiness\nmetadata:\n  name: s\nspec:\n  owner: x\n  tier: 1\n  "\\e[2Jx": 1\n' });
  try {
    const run = prr(['check', 'r.readiness.yaml', '--format', 'github'], { cwd: dir });
    assert.doesNotMatch(run.stdout, /\u001b/);
    assert.match(run.stdout, /unknown property `\\x1b\[2Jx` in `spec`/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
