// `prr report` against what a repository can hold: runbook paths that name a FIFO, a folder
// or a file that is no runbook; manifest values that try to write Markdown of their own; a
// broken .prr.yaml under a CI gate; a check that throws; an impossible PRR_NOW; symbolic
// links. Each case was a reported defect; each assertion fails on the code before its fix.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReadinessReport } from '../../server/src/protocol/report';
import { inWorkspace, prr, root, workspace } from './run-prr';

const DAY = { PRR_NOW: '2026-12-01' };
const manifest = (name: string, spec: string) => `apiVersion: prr/v1\nkind: ServiceReadiness\nmetadata:\n  name: ${name}\nspec:\n${spec}`;

const json = (dir: string, args: string[] = []) => JSON.parse(prr(['report', '--format', 'json', ...args], { cwd: dir, env: DAY }).stdout) as ReadinessReport;
const checkOf = (report: ReadinessReport, id: string) => report.services[0].checks.find((c) => c.id === id);

test('a runbook path naming a FIFO is not read (the run ended never); a folder, a FIFO or a .txt file is no runbook: the blocking checks fail', { timeout: 60_000 }, () => inWorkspace({
  'runbooks/empty.txt': '',
  'readiness.yaml': manifest('rb', '  owner: t\n  tier: 1\n  alerts:\n    - { name: a, severity: page, runbook: "." }\n    - { name: b, severity: page, runbook: "runbooks/empty.txt" }\n    - { name: c, severity: page, runbook: "runbooks/pipe.md" }\n  release:\n    rollback:\n      procedure: "./"\n'),
}, (dir) => {
  execFileSync('mkfifo', [join(dir, 'runbooks', 'pipe.md')]);
  const report = json(dir);
  assert.equal(checkOf(report, 'alerts-paging-runbooks')?.status, 'fail');
  assert.match(checkOf(report, 'alerts-paging-runbooks')?.message ?? '', /^3 paging alerts without a complete runbook; first: `a`: `\.` is not a file prr can read/);
  assert.deepEqual(checkOf(report, 'alerts-paging-runbooks')?.items?.map((i) => i.message.replace(/^`\w`: /, '')), [
    '`.` is not a file prr can read (a folder, a FIFO or device, or over 5 MB)',
    '`runbooks/empty.txt` is not a Markdown runbook, so its sections cannot be checked',
    '`runbooks/pipe.md` is not a file prr can read (a folder, a FIFO or device, or over 5 MB)',
  ]);
  assert.equal(checkOf(report, 'release-rollback-procedure')?.status, 'fail');
  assert.match(checkOf(report, 'release-rollback-procedure')?.message ?? '', /is not a file prr can read/);
  assert.ok(report.services[0].blocking.includes('alerts-paging-runbooks'));
}));

test('manifest values cannot write Markdown into the report: no raw HTML, heading or broken line from an owner or an exemption', () => inWorkspace({
  'readiness.yaml': manifest('svc', '  owner: "team-a\\n\\n# Injected heading\\n\\n<img src=https://tracker.example/x.png>"\n  tier: 2\n  exemptions:\n    - check: "x` <details open><summary>Approved</summary>\\n\\n# All services are ready\\n\\n</details> `"\n      reason: r\n      expires: 2030-01-01\n'),
}, (dir) => {
  const markdown = prr(['report'], { cwd: dir, env: DAY }).stdout;
  // The owner stays inside its code span, on its table row (HTML in a code span is text).
  assert.match(markdown, /^\| \[svc\]\(readiness\.yaml#L4\) \| `team-a {2}# Injected heading {2}<img src=https:\/\/tracker\.example\/x\.png>` \| 2 \|/m);
  assert.doesNotMatch(markdown, /^# (Injected|All services)|<details open>/m);
  assert.match(markdown, /^> Note: the exemption for `x` &lt;details open&gt;.*names no readiness check$/m);
}));

test('a broken .prr.yaml fails the gates (they would judge by rules it was meant to change); without gates the run still reports', () => {
  const dir = workspace({});
  try {
    cpSync(join(root, 'examples'), dir, { recursive: true });
    writeFileSync(join(dir, '.prr.yaml'), 'root: true\nreadiness:\n  checks:\n    cost-alerts: { weight: 5 }\n');
    const gated = prr(['report', '--fail-on-blocked', 'checkout-api'], { cwd: dir, env: DAY });
    assert.equal(gated.code, 1);
    assert.match(gated.stderr, /the gates fail: \.prr\.yaml could not be used/);
    assert.equal(prr(['report', 'checkout-api'], { cwd: dir, env: DAY }).code, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a check that throws counts as failed, not as not judged', () => inWorkspace({
  'readiness.yaml': manifest('thrower', '  owner: { toString: 1 }\n  tier: 1\n'),
}, (dir) => {
  const owner = checkOf(json(dir), 'ownership-owner');
  assert.equal(owner?.status, 'fail');
  assert.match(owner?.message ?? '', /could not be judged, so it counts as failed/);
}));

test('.gitignore in prr report is decided per path, as in prr check', () => inWorkspace({
  '.git/HEAD': '', 'team/.prr.yaml': 'gitignore: false\n', 'team/.gitignore': 'vendored/\n', 'team/vendored/readiness.yaml': manifest('vend', '  owner: t\n  tier: 3\n'),
}, (dir) => {
  assert.deepEqual(json(dir).services.map((s) => s.name), ['vend']);
}));

test('an impossible PRR_NOW is refused, not rolled over', () => {
  const run = prr(['report', 'examples'], { env: { PRR_NOW: '2026-02-30' } });
  assert.equal(run.code, 2);
  assert.match(run.stderr, /PRR_NOW=2026-02-30 is not a date/);
});

test('paths from /, links to paths with parentheses, reproducible HTML, a folder linked twice counted once, -o through a dangling link', () => inWorkspace({}, (dir) => {
  mkdirSync(join(dir, 'svc)x'));
  cpSync(join(root, 'examples', 'checkout-api'), join(dir, 'svc)x'), { recursive: true });
  const fromRoot = JSON.parse(prr(['report', '--format', 'json', dir], { cwd: '/', env: DAY }).stdout) as ReadinessReport;
  assert.ok(fromRoot.services[0].file.path.startsWith(dir.slice(1)), fromRoot.services[0].file.path);
  assert.match(prr(['report'], { cwd: dir, env: DAY }).stdout, /\]\(svc%29x\/readiness\.yaml#L\d+\)/);
  const html = () => prr(['report', '--format', 'html'], { cwd: dir, env: DAY }).stdout;
  assert.equal(html(), html());
  symlinkSync('svc)x', join(dir, 'lnk'));
  const twice = JSON.parse(prr(['report', '--format', 'json', 'svc)x', 'lnk'], { cwd: dir, env: DAY }).stdout) as ReadinessReport;
  assert.deepEqual(twice.services.map((s) => [s.name, s.score]), [['checkout-api', 100]]);
  // A link that names no file is neither written through (it may point anywhere) nor replaced.
  symlinkSync(join(dir, 'nowhere.md'), join(dir, 'out.md'));
  const dangling = prr(['report', '-o', 'out.md'], { cwd: dir, env: DAY });
  assert.equal(dangling.code, 2);
  assert.match(dangling.stderr, /is a symbolic link to a file that does not exist; not written/);
  assert.ok(lstatSync(join(dir, 'out.md')).isSymbolicLink());
  assert.equal(existsSync(join(dir, 'nowhere.md')), false);
}));
