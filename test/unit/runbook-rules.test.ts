// The runbook rules through the engine: each reports at its exact range with its exact
// message and stays quiet on a good runbook; fixes remove their finding and leave the rest
// of the text byte-identical; only runbooks are checked (by location or because a manifest
// points at them); and no odd input makes a rule throw.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine, resolveConfig, type ConfigData, type EngineIO, type FileConfig, type Finding, type TextEdit } from '../../server/src/service';
import { show } from './helpers';

const NOW = () => new Date('2026-11-27T12:00:00Z');
const URI = 'file:///w/runbooks/HighErrors.md';

/** A file system of `uri → text`; a folder exists when some file is under it. */
function fakeIO(files: Record<string, string>): EngineIO {
  return {
    exists: (uri) => uri in files || Object.keys(files).some((f) => f.startsWith(uri.endsWith('/') ? uri : `${uri}/`)),
    readFile: (uri) => files[uri],
  };
}

function engineWith(files: Record<string, string> = {}) {
  return createEngine({ now: NOW, io: fakeIO(files) });
}

/** The configuration a `.prr.yaml` at the root with `runbooks: …` gives. */
function configWith(runbooks: ConfigData['runbooks']): FileConfig {
  return resolveConfig([{ folder: '/', data: { runbooks } }]);
}

function findings(text: string, { uri = URI, files = {}, config }: { uri?: string; files?: Record<string, string>; config?: FileConfig } = {}): Finding[] {
  return engineWith(files).check({ uri, text }, config);
}

/** Findings of one rule, shown as `line:col-line:col rule message` (1-based). */
function of(ruleId: string, text: string, opts: Parameters<typeof findings>[1] = {}): string[] {
  return findings(text, opts).filter((f) => f.ruleId === ruleId).map(show);
}

/** Applies LSP-style edits (0-based line/character) to `text`, last first. */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offset = (p: { line: number; character: number }) => Math.min((lineStarts[p.line] ?? text.length) + p.character, text.length);
  const sorted = edits.map((e) => ({ start: offset(e.range.start), end: offset(e.range.end), newText: e.newText })).sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** Applies a single-edit fix and checks that everything outside the edit is byte-identical. */
function applyFix(text: string, finding: Finding, fixIndex = 0): string {
  const edits = finding.fixes?.[fixIndex]?.edits ?? [];
  assert.equal(edits.length, 1, 'one edit');
  const fixed = applyEdits(text, edits);
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const start = lineStarts[edits[0].range.start.line] + edits[0].range.start.character;
  const end = lineStarts[edits[0].range.end.line] + edits[0].range.end.character;
  assert.equal(fixed.slice(0, start), text.slice(0, start), 'text before the edit is unchanged');
  assert.equal(fixed.slice(start + edits[0].newText.length), text.slice(end), 'text after the edit is unchanged');
  return fixed;
}

const GOOD = `---
title: HighErrors
service: checkout
alerts: [HighErrors]
owner: team-payments
severity: page
lastReviewed: 2026-11-01
---

# HighErrors

## Meaning

The error rate of checkout is above 5% for 10 minutes.

## Impact

Customers cannot pay. The [error panel](../docs/dashboards.md#error-panel) shows it.

## Diagnosis

Open the dashboard, then follow [the mitigation](#mitigation).

## Mitigation

1. Roll back the last release.
2. Scale up the deployment.

## Escalation

Page team-payments.
`;
const DOCS = { 'file:///w/docs/dashboards.md': '# Dashboards\n\n## Error panel\n\nErrors per second.\n' };

/** The body of a runbook (title and the five default sections) with `replace` applied. */
function runbook(replace: (text: string) => string = (t) => t): string {
  return replace(GOOD);
}

test('a good runbook has no findings at all', () => {
  assert.deepEqual(findings(GOOD, { files: DOCS }).map(show), []);
});

// runbook-missing-section

test('runbook-missing-section: reported on the title (warnings by default); the fix inserts the section and nothing else', () => {
  const text = runbook((t) => t.replace('## Escalation\n\nPage team-payments.\n', '').replace('## Impact\n\nCustomers cannot pay. The [error panel](../docs/dashboards.md#error-panel) shows it.\n\n', ''));
  const found = findings(text, { files: DOCS }).filter((f) => f.ruleId === 'runbook-missing-section');
  assert.deepEqual(found.map((f) => `${f.severity} ${show(f)}`), [
    'warning 10:1-10:13 runbook-missing-section missing section "Impact" (or a synonym: "user impact", "business impact"): Who is affected and how: users, other services, data, money.',
    'warning 10:1-10:13 runbook-missing-section missing section "Escalation" (or a synonym: "escalations", "contacts", "contact"): Who to call when the steps above do not help: team, rotation, channel.',
  ]);
  let fixed = text;
  for (const id of ['Impact', 'Escalation']) {
    const finding = findings(fixed, { files: DOCS }).find((f) => f.ruleId === 'runbook-missing-section' && f.message.includes(`"${id}"`)) as Finding;
    // Offered, never applied by fix-all: the section's text must come from the author.
    assert.equal(finding.fixes?.[0].isPreferred, undefined);
    fixed = applyFix(fixed, finding);
  }
  assert.ok(fixed.indexOf('## Impact') > fixed.indexOf('## Meaning') && fixed.indexOf('## Impact') < fixed.indexOf('## Diagnosis'));
  assert.ok(fixed.endsWith('## Escalation\n\nWho to call when the steps above do not help: team, rotation, channel.\n'));
  assert.deepEqual(findings(fixed, { files: DOCS }).map(show), []);
});

test('runbook-missing-section: in a CRLF runbook the inserted section has CRLF line breaks too', () => {
  const text = runbook((t) => t.replace('## Escalation\n\nPage team-payments.\n', '')).replace(/\n/g, '\r\n');
  const finding = findings(text, { files: DOCS }).find((f) => f.ruleId === 'runbook-missing-section') as Finding;
  const fixed = applyFix(text, finding);
  assert.equal(fixed.replace(/\r\n/g, '').includes('\n'), false, 'a lone LF');
  assert.ok(fixed.endsWith('\r\n\r\n## Escalation\r\n\r\nWho to call when the steps above do not help: team, rotation, channel.\r\n'));
  assert.deepEqual(findings(fixed, { files: DOCS }).map(show), []);
});

test('runbook-missing-section: synonyms count, and a section set to off is not asked for', () => {
  const text = runbook((t) => t.replace('## Meaning', '## Overview').replace('## Mitigation', '### Remediation'));
  assert.deepEqual(of('runbook-missing-section', text), []);
  const noEscalation = runbook((t) => t.replace('## Escalation\n\nPage team-payments.\n', ''));
  const config = configWith({ requiredSections: { escalation: 'off' } });
  assert.deepEqual(of('runbook-missing-section', noEscalation, { config }), []);
});

// runbook-empty-section

test('runbook-empty-section: a required section with nothing, or only a comment, before the next heading', () => {
  const text = runbook((t) => t
    .replace('The error rate of checkout is above 5% for 10 minutes.\n\n', '')
    .replace('Page team-payments.\n', '<!-- who? -->\n'));
  assert.deepEqual(of('runbook-empty-section', text, { files: DOCS }), [
    '12:1-12:11 runbook-empty-section section "Meaning" is empty: What the alert means: what is measured, the threshold, and why it fires.',
    '27:1-27:14 runbook-empty-section section "Escalation" is empty: Who to call when the steps above do not help: team, rotation, channel.',
  ]);
  assert.deepEqual(findings(text, { files: DOCS }).filter((f) => f.ruleId === 'runbook-empty-section').map((f) => f.severity), ['warning', 'warning']);
});

test('runbook-empty-section: subsection headings alone are empty; their text, code, images and HTML count; optional sections may be empty', () => {
  assert.deepEqual(of('runbook-empty-section', runbook((t) => t.replace('Open the dashboard, then follow [the mitigation](#mitigation).', '### Dashboards'))), [
    '20:1-20:13 runbook-empty-section section "Diagnosis" is empty: How to find the cause: dashboards to open, queries and commands to run, what to look for.',
  ]);
  for (const body of ['### Dashboards\n\nOpen the checkout board.', '```\nkubectl get pods\n```', '![graph](graph.png)', '<details><summary>More</summary></details>']) {
    assert.deepEqual(of('runbook-empty-section', runbook((t) => t.replace('Open the dashboard, then follow [the mitigation](#mitigation).', body))), [], body);
  }
  assert.deepEqual(of('runbook-empty-section', runbook((t) => `${t}\n## Rollback\n`)), []);
  const config = configWith({ requiredSections: { meaning: 'off', escalation: 'hint' } });
  const text = runbook((t) => t.replace('The error rate of checkout is above 5% for 10 minutes.\n\n', '').replace('Page team-payments.\n', ''));
  assert.deepEqual(findings(text, { config }).filter((f) => f.ruleId === 'runbook-empty-section').map((f) => `${f.severity} ${show(f)}`), [
    'hint 27:1-27:14 runbook-empty-section section "Escalation" is empty: Who to call when the steps above do not help: team, rotation, channel.',
  ]);
});

// runbook-placeholder

test('runbook-placeholder: TODO, TBD, FIXME, XXX, lorem ipsum and angle placeholders in prose, at their exact ranges', () => {
  const text = runbook((t) => t.replace('Page team-payments.', 'TODO: page <team name>, or ask in #help (TBD).\n\n- FIXME later\n- call 555-XXX\n\nLorem ipsum dolor.'));
  assert.deepEqual(of('runbook-placeholder', text, { files: DOCS }), [
    '31:1-31:5 runbook-placeholder placeholder "TODO" left in the runbook: replace it with the real content before someone has to follow it',
    '31:12-31:23 runbook-placeholder placeholder "<team name>" left in the runbook: fill in the actual value, or write it as code (`<team name>`) if the reader is meant to substitute it',
    '31:42-31:45 runbook-placeholder placeholder "TBD" left in the runbook: replace it with the real content before someone has to follow it',
    '33:3-33:8 runbook-placeholder placeholder "FIXME" left in the runbook: replace it with the real content before someone has to follow it',
    '34:12-34:15 runbook-placeholder placeholder "XXX" left in the runbook: replace it with the real content before someone has to follow it',
    '36:1-36:12 runbook-placeholder placeholder text "Lorem ipsum" left in the runbook: replace it with the real content',
  ]);
});

test('runbook-placeholder: HTML, code, comments, shortcodes and ordinary words are not placeholders', () => {
  const body = [
    'Line one<br>line two, <details><summary>More</summary></details>, <a href="x">x</a>, <kbd>Ctrl</kbd>.',
    'Run `kubectl -n <namespace> get pods` and see todo lists, TODOs, Array<string>.',
    '',
    '```shell',
    'kubectl -n <namespace> logs <pod> | grep XXX',
    '```',
    '',
    '<!-- TODO: add the dashboard link -->',
    '',
    'See [the other runbook]({{< ref "./Other.md" >}}) and {{<ref "x.md">}}; latency < 5 ms and > 1 ms.',
  ].join('\n');
  assert.deepEqual(of('runbook-placeholder', runbook((t) => t.replace('Page team-payments.', body))), []);
});

test('runbook-placeholder: TODO in a code block counts; angle placeholders that are not HTML are found in text too', () => {
  const body = ['```shell', '# TODO: command needed', '```', '', 'Ask <name_of_owner> or <...>.'].join('\n');
  assert.deepEqual(of('runbook-placeholder', runbook((t) => t.replace('Page team-payments.', body))), [
    '32:3-32:7 runbook-placeholder placeholder "TODO" left in the runbook: replace it with the real content before someone has to follow it',
    '35:5-35:20 runbook-placeholder placeholder "<name_of_owner>" left in the runbook: fill in the actual value, or write it as code (`<name_of_owner>`) if the reader is meant to substitute it',
    '35:24-35:29 runbook-placeholder placeholder "<...>" left in the runbook: fill in the actual value, or write it as code (`<...>`) if the reader is meant to substitute it',
  ]);
});

test('runbook-placeholder: exact ranges on continuation lines of quotes and lists; the whole text node when escapes make the source differ', () => {
  const body = ['> Ask the owner.', '> TODO: which owner?', '', '- step one', '  then TBD', '', 'Ask \\<service owner\\> first.'].join('\n');
  assert.deepEqual(of('runbook-placeholder', runbook((t) => t.replace('Page team-payments.', body))), [
    '32:3-32:7 runbook-placeholder placeholder "TODO" left in the runbook: replace it with the real content before someone has to follow it',
    '35:8-35:11 runbook-placeholder placeholder "TBD" left in the runbook: replace it with the real content before someone has to follow it',
    '37:1-37:29 runbook-placeholder placeholder "<service owner>" left in the runbook: fill in the actual value, or write it as code (`<service owner>`) if the reader is meant to substitute it',
  ]);
});

test('runbook-placeholder: the fix for an angle placeholder makes it code, which is then not reported', () => {
  const text = runbook((t) => t.replace('Page team-payments.', 'Page <team name>.'));
  const finding = findings(text).find((f) => f.ruleId === 'runbook-placeholder') as Finding;
  assert.equal(finding.fixes?.[0].title, 'Mark <team name> as a value to substitute (`<team name>`)');
  const fixed = applyFix(text, finding);
  assert.ok(fixed.includes('Page `<team name>`.'));
  assert.deepEqual(of('runbook-placeholder', fixed), []);
});

// runbook-no-title

test('runbook-no-title: reported on the first line after the front matter; the message names the front-matter title', () => {
  const text = runbook((t) => t.replace('# HighErrors\n\n', ''));
  const found = findings(text, { files: DOCS });
  assert.deepEqual(found.map(show), [
    '10:1-10:11 runbook-no-title no top-level `#` heading; the front matter\'s `title` ("HighErrors") is shown only by site generators, not in editors or on GitHub',
  ]);
  assert.equal(found[0].severity, 'warning');
  assert.equal(found[0].fixes?.[0].isPreferred, undefined);
  const fixed = applyFix(text, found[0]);
  assert.equal(fixed, GOOD);
});

test('runbook-no-title: without front matter the fix takes the file name; a setext title counts; an empty file gets line 1', () => {
  const text = '## Meaning\n\nx\n';
  const finding = findings(text).find((f) => f.ruleId === 'runbook-no-title') as Finding;
  assert.equal(show(finding), '1:1-1:11 runbook-no-title no top-level `#` heading: start the runbook with `# <alert or procedure name>`');
  assert.equal(finding.fixes?.[0].isPreferred, true);
  assert.equal(applyFix(text, finding), '# HighErrors\n\n## Meaning\n\nx\n');
  assert.deepEqual(of('runbook-no-title', 'HighErrors\n==========\n\n## Meaning\n'), []);
  assert.deepEqual(of('runbook-no-title', ''), ['1:1-1:1 runbook-no-title no top-level `#` heading: start the runbook with `# <alert or procedure name>`']);
  assert.deepEqual(applyEdits('', findings('').find((f) => f.ruleId === 'runbook-no-title')?.fixes?.[0].edits ?? []), '# HighErrors\n');
});

// runbook-stale-review

test('runbook-stale-review: a review older than 180 days is reported on the date; the fix sets today and nothing else', () => {
  const text = runbook((t) => t.replace('lastReviewed: 2026-11-01', 'lastReviewed: 2025-01-01  # walked through by ana'));
  const found = findings(text, { files: DOCS });
  assert.deepEqual(found.map((f) => `${f.severity} ${show(f)}`), [
    'warning 7:15-7:25 runbook-stale-review `lastReviewed` is 2025-01-01, 695 days ago; runbooks go stale after 180 days: walk through this one, fix what changed, and update the date',
  ]);
  assert.equal(found[0].fixes?.[0].title, 'Set `lastReviewed` to 2026-11-27 (after reviewing the runbook)');
  assert.equal(found[0].fixes?.[0].isPreferred, undefined);
  const fixed = applyFix(text, found[0]);
  assert.ok(fixed.includes('lastReviewed: 2026-11-27  # walked through by ana\n'));
  assert.deepEqual(findings(fixed, { files: DOCS }).map(show), []);
});

test('runbook-stale-review: quoted dates and CRLF line ends keep the range on the date itself', () => {
  const quoted = runbook((t) => t.replace('lastReviewed: 2026-11-01', "lastReviewed: '2025-01-01'"));
  assert.deepEqual(of('runbook-stale-review', quoted).map((s) => s.slice(0, 40)), ['7:16-7:26 runbook-stale-review `lastRevi']);
  const crlf = quoted.replace(/\n/g, '\r\n');
  const finding = findings(crlf).find((f) => f.ruleId === 'runbook-stale-review') as Finding;
  assert.equal(show(finding).slice(0, 9), '7:16-7:26');
  const fixed = applyEdits(crlf, finding.fixes?.[0].edits ?? []);
  assert.equal(fixed, crlf.replace("'2025-01-01'", "'2026-11-27'"));
});

test('runbook-stale-review: within the limit, a configured limit, and dates that are not dates', () => {
  const at = (date: string) => runbook((t) => t.replace('lastReviewed: 2026-11-01', `lastReviewed: ${date}`));
  assert.deepEqual(of('runbook-stale-review', at('2026-05-31')), []); // 180 days
  assert.deepEqual(of('runbook-stale-review', at('2026-05-30')), [
    '7:15-7:25 runbook-stale-review `lastReviewed` is 2026-05-30, 181 days ago; runbooks go stale after 180 days: walk through this one, fix what changed, and update the date',
  ]);
  assert.deepEqual(of('runbook-stale-review', at('2026-08-01'), { config: configWith({ staleAfterDays: 90 }) }), [
    '7:15-7:25 runbook-stale-review `lastReviewed` is 2026-08-01, 118 days ago; runbooks go stale after 90 days: walk through this one, fix what changed, and update the date',
  ]);
  for (const odd of ['2026-13-01', 'last week', '[2025-01-01]', '', '2030-01-01']) assert.deepEqual(of('runbook-stale-review', at(odd)), [], odd);
});

// runbook-broken-link

test('runbook-broken-link: missing files and anchors, reported on the URL', () => {
  const body = [
    'See [the notes](notes.md), ![graph](img/graph.png) and [the panel](../docs/dashboards.md#eror-panel).',
    'Also [the ref][r] and [up](#mitigaton).',
    '',
    '[r]: ./gone.md "Gone"',
  ].join('\n');
  assert.deepEqual(of('runbook-broken-link', runbook((t) => t.replace('Page team-payments.', body)), { files: DOCS }), [
    '31:17-31:25 runbook-broken-link `notes.md` does not exist (relative to this runbook); fix the path or create the file',
    '31:37-31:50 runbook-broken-link `img/graph.png` does not exist (relative to this runbook); fix the path or create the file',
    '31:68-31:100 runbook-broken-link `#eror-panel` matches no heading in `../docs/dashboards.md` — did you mean `#error-panel`?',
    '32:28-32:38 runbook-broken-link `#mitigaton` matches no heading in this runbook — did you mean `#mitigation`?',
    '34:6-34:15 runbook-broken-link `./gone.md` does not exist (relative to this runbook); fix the path or create the file',
  ]);
  for (const f of findings(runbook((t) => t.replace('Page team-payments.', body)), { files: DOCS }).filter((x) => x.ruleId === 'runbook-broken-link')) {
    assert.equal(f.severity, 'error');
  }
});

test('runbook-broken-link: the anchor fix changes only the fragment and removes the finding', () => {
  const text = runbook((t) => t.replace('Page team-payments.', 'Back to [the steps](#mitigaton).'));
  const finding = findings(text, { files: DOCS }).find((f) => f.ruleId === 'runbook-broken-link') as Finding;
  assert.equal(show(finding), '31:21-31:31 runbook-broken-link `#mitigaton` matches no heading in this runbook — did you mean `#mitigation`?');
  assert.equal(finding.fixes?.[0].title, 'Change the anchor to #mitigation');
  const fixed = applyFix(text, finding);
  assert.ok(fixed.includes('[the steps](#mitigation)'));
  assert.deepEqual(findings(fixed, { files: DOCS }).map(show), []);
});

test('runbook-broken-link: existing targets, GitHub slugs, decoding, HTML anchors; schemes and site paths skipped', () => {
  const files = {
    ...DOCS,
    'file:///w/runbooks/My%20Notes.md': '# Notes\n\n## Café au lait\n\n## Step\n\n## Step\n\n## `kubectl` & <b>friends</b>!\n',
    'file:///w/runbooks/img/graph.png': '',
    'file:///w/runbooks/other/x.md': '',
  };
  const body = [
    '[a](My%20Notes.md#caf%C3%A9-au-lait) [b](<My Notes.md#step-1>) [c](My%20Notes.md#kubectl--friends) [d](My%20Notes.md#STEP)',
    '![g](img/graph.png "Graph") [e](other/) [f](./other/x.md?plain=1)',
    '[h](https://example.com/x.md) [i](mailto:a@b.c) [j](/docs/site-path.md) [k](//cdn.example.com/x.png) <https://example.com>',
    '[l](#anchor-by-html) <a id="anchor-by-html"></a> [m](#) [n](HighErrors.md#impact) [o](../docs/dashboards.md)',
  ].join('\n');
  assert.deepEqual(of('runbook-broken-link', runbook((t) => t.replace('Page team-payments.', body)), { files }), []);
});

test('runbook-broken-link: without file-system access only this file\'s anchors are checked; escaped URLs fall back to the link', () => {
  const text = runbook((t) => t.replace('Page team-payments.', '[a](nowhere.md) [b](#nowhere) [c](#also\\_nowhere)'));
  const engine = createEngine({ now: NOW });
  assert.deepEqual(engine.check({ uri: URI, text }).filter((f) => f.ruleId === 'runbook-broken-link').map(show), [
    '31:21-31:29 runbook-broken-link `#nowhere` matches no heading in this runbook',
    '31:31-31:50 runbook-broken-link `#also_nowhere` matches no heading in this runbook',
  ]);
});

// runbook-mitigation-no-steps

test('runbook-mitigation-no-steps: prose only is a hint on the heading; a list or code block anywhere under it is enough', () => {
  const prose = runbook((t) => t.replace('1. Roll back the last release.\n2. Scale up the deployment.', 'Roll back the last release, then scale up.'));
  const found = findings(prose, { files: DOCS });
  assert.deepEqual(found.map((f) => `${f.severity} ${show(f)}`), [
    'hint 24:1-24:14 runbook-mitigation-no-steps "Mitigation" has no steps: write what to do as a numbered list, or the commands to run in a code block',
  ]);
  const resolution = prose.replace('## Mitigation', '## Resolution');
  assert.deepEqual(of('runbook-mitigation-no-steps', resolution), [
    '24:1-24:14 runbook-mitigation-no-steps "Resolution" has no steps: write what to do as a numbered list, or the commands to run in a code block',
  ]);
  const code = prose.replace('Roll back the last release, then scale up.', '```shell\nkubectl rollout undo deploy/checkout\n```');
  const nested = prose.replace('Roll back the last release, then scale up.', 'Two options.\n\n### Roll back\n\n- `kubectl rollout undo`');
  assert.deepEqual(of('runbook-mitigation-no-steps', code), []);
  assert.deepEqual(of('runbook-mitigation-no-steps', nested), []);
});

test('runbook-mitigation-no-steps: an empty required Mitigation is left to runbook-empty-section', () => {
  const empty = runbook((t) => t.replace('1. Roll back the last release.\n2. Scale up the deployment.\n\n', ''));
  assert.deepEqual(findings(empty, { files: DOCS }).map((f) => f.ruleId), ['runbook-empty-section']);
  const config = configWith({ requiredSections: { mitigation: 'off' } });
  assert.deepEqual(findings(empty, { files: DOCS, config }).map((f) => f.ruleId), ['runbook-mitigation-no-steps']);
});

// runbook-duplicate-section

test('runbook-duplicate-section: the same kind by synonym, or the same heading at the same level, on the later heading', () => {
  const text = runbook((t) => `${t}\n## Resolution\n\n1. Restart.\n\n## Notes\n\nA.\n\n## notes:\n\nB.\n`);
  assert.deepEqual(of('runbook-duplicate-section', text, { files: DOCS }), [
    '33:1-33:14 runbook-duplicate-section "Resolution" is a second Mitigation section (the first is "Mitigation" on line 24): merge the two',
    '41:1-41:10 runbook-duplicate-section duplicate heading "notes:" (first on line 37): merge the two sections',
  ]);
  assert.equal(findings(text, { files: DOCS }).find((f) => f.ruleId === 'runbook-duplicate-section')?.severity, 'warning');
});

test('runbook-duplicate-section: repeated subsections under different parents, or at different levels, are fine', () => {
  const text = runbook((t) => `${t}\n## Critical\n\n### Mitigation\n\n1. A.\n\n## Warning\n\n### Mitigation\n\n1. B.\n\n### Notes\n\nx\n\n#### Notes\n\ny\n`);
  assert.deepEqual(of('runbook-duplicate-section', text), []);
});

// Which Markdown files are runbooks

test('Markdown outside runbooks/, and section indexes under it, get no findings', () => {
  const bad = '## Mitigation\n\nTODO\n\n[x](missing.md)\n';
  const engine = engineWith();
  for (const uri of ['file:///w/docs/notes.md', 'file:///w/runbooks/_index.md', 'file:///w/runbooks/README.md', 'file:///w/runbooks/db/readme.md']) {
    assert.deepEqual(engine.check({ uri, text: bad }), [], uri);
  }
  assert.notDeepEqual(engine.check({ uri: 'file:///w/docs/db.runbook.md', text: bad }), []);
});

test('a Markdown file that a manifest alert points at is checked as a runbook', () => {
  const uri = 'file:///w/docs/high-errors.md';
  const engine = engineWith({ [uri]: '' });
  const bad = '## Mitigation\n\nTODO\n';
  assert.deepEqual(engine.check({ uri, text: bad }), []);
  const manifest = ['apiVersion: prr/v1', 'kind: ServiceReadiness', 'metadata:', '  name: checkout', 'spec:', '  owner: team-payments', '  tier: 1',
    '  alerts:', '    - name: HighErrors', '      severity: page', '      runbook: docs/high-errors.md', ''].join('\n');
  engine.setFile({ uri: 'file:///w/checkout.readiness.yaml', text: manifest });
  assert.deepEqual(engine.check({ uri, text: bad }).map((f) => f.ruleId), [
    'runbook-missing-section', 'runbook-missing-section', 'runbook-missing-section', 'runbook-missing-section', 'runbook-no-title', 'runbook-mitigation-no-steps',
    'runbook-placeholder',
  ]);
});

// runbook-not-found

test('runbook-not-found: the create-file fix writes a runbook that itself has no findings', () => {
  const manifestUri = 'file:///w/checkout.readiness.yaml';
  const manifest = ['apiVersion: prr/v1', 'kind: ServiceReadiness', 'metadata:', '  name: checkout', 'spec:', '  owner: team-payments', '  tier: 1',
    '  alerts:', '    - name: CheckoutDown', '      severity: page', '      runbook: runbooks/CheckoutDown.md', ''].join('\n');
  const files: Record<string, string> = {};
  const engine = engineWith(files);
  const found = engine.check({ uri: manifestUri, text: manifest });
  assert.deepEqual(found.map(show), [
    '11:16-11:40 runbook-not-found `alerts[].runbook` points at `runbooks/CheckoutDown.md`, which does not exist; create the runbook so the on-call engineer has something to follow',
  ]);
  const create = found[0].fixes?.[0].createFile;
  assert.equal(create?.uri, 'file:///w/runbooks/CheckoutDown.md');
  assert.match(create?.text ?? '', /^---\ntitle: CheckoutDown\nservice: checkout\nalerts: \[CheckoutDown\]\nseverity: page\nlastReviewed: 2026-11-27\n---\n\n# CheckoutDown\n/);
  files[create!.uri] = create!.text;
  assert.deepEqual(engine.check({ uri: create!.uri, text: create!.text }).map(show), []);
  assert.deepEqual(engine.check({ uri: manifestUri, text: manifest }).map(show), []);
});

// Robustness

test('no runbook rule throws on odd input', () => {
  const deepList = Array.from({ length: 100 }, (_, i) => `${'  '.repeat(i)}- level ${i} TODO`).join('\n');
  const deepQuote = `${'> '.repeat(300)}TODO <x y>`;
  const odd = [
    '',
    '\n\n',
    '---\n---\n',
    '---\ntitle: x\n---',
    '---\nlastReviewed: [\n---\n# T\n',
    '---\n- a\n- b\n---\n',
    '#\n##\n###\n## \n## Mitigation\n## Mitigation\n',
    `# T\n\n## Mitigation\n\n${deepList}\n`,
    `# T\n\n## Diagnosis\n\n${deepQuote}\n`,
    '# T\n\n```\nunclosed fence\n## Mitigation\n',
    '[a](<>) [b]() [c](#) ![](<unclosed [d]: \n[e]:\n<a href="',
    '\u0000\u0001\uFFFD binary \r\r\n\r',
    '# T\r\n\r\n## Impact\r\n\r\n## Mitigation\r\n<!-- unclosed',
    `# T\n\n${Array.from({ length: 300 }, (_, i) => `## Notes\n\n[x](#notes-${i})\n`).join('\n')}`,
  ];
  for (const text of odd) {
    const all = findings(text, { files: DOCS, config: configWith({ staleAfterDays: -1 }) });
    assert.deepEqual(all.filter((f) => f.ruleId === 'internal-error').map(show), [], JSON.stringify(text.slice(0, 40)));
  }
});

// Read as a renderer shows the Markdown (each case a reported defect; each fails on the code before its fix)

test('a heading with inline HTML is its text: the section counts, and an id/name inside it is an anchor', () => {
  const text = runbook((t) => t.replace('## Mitigation\n', '## Mitigation <a id="fix-it"></a>\n').replace('follow [the mitigation](#mitigation)', 'follow [the steps](#fix-it)'));
  assert.deepEqual(findings(text, { files: DOCS }).map(show), []);
  const spanned = runbook((t) => t.replace('## Mitigation\n', '## <span id="m">Mitigation</span>\n'));
  assert.deepEqual(of('runbook-missing-section', spanned, { files: DOCS }), []);
});

test('section names: "Who to call" is Escalation; runs of spaces and a spaced colon do not count, in headings and configured synonyms', () => {
  assert.deepEqual(of('runbook-missing-section', runbook((t) => t.replace('## Escalation', '## Who to call')), { files: DOCS }), []);
  assert.deepEqual(of('runbook-missing-section', runbook((t) => t.replace('## Mitigation', '## Mitigation :').replace('## Meaning', '## Alert  meaning')), { files: DOCS }), []);
  const config = configWith({ synonyms: { mitigation: ['What To Do:'] } });
  assert.deepEqual(of('runbook-missing-section', runbook((t) => t.replace('## Mitigation', '## What  to do')), { files: DOCS, config }), []);
});

test('a section holding only invisible HTML is empty; an HTML list is a list of steps', () => {
  const anchorOnly = runbook((t) => t.replace('Page team-payments.\n', '<a id="contacts"></a>\n<br>\n'));
  assert.deepEqual(of('runbook-empty-section', anchorOnly, { files: DOCS }).map((f) => f.split(' ').slice(0, 2).join(' ')), ['29:1-29:14 runbook-empty-section']);
  const htmlList = runbook((t) => t.replace('1. Roll back the last release.\n2. Scale up the deployment.\n', '<ol>\n<li>Roll back</li>\n<li>Scale up</li>\n</ol>\n'));
  assert.deepEqual(of('runbook-mitigation-no-steps', htmlList, { files: DOCS }), []);
});

test('front matter that is a list or a lone value is a schema finding', () => {
  assert.deepEqual(of('invalid-type', runbook((t) => t.replace(/^---\n[\s\S]*?\n---\n/, '---\n- a\n- b\n---\n'))), ['2:1-3:4 invalid-type `front matter` must be a mapping; got a list']);
});

test('a link to a file whose name holds a bare % reaches it, as a browser does', () => {
  const text = runbook((t) => t.replace('Page team-payments.', 'Page team-payments; see [the rota](100%.md).'));
  assert.deepEqual(of('runbook-broken-link', text, { files: { ...DOCS, 'file:///w/runbooks/100%25.md': '# Rota\n' } }), []);
  assert.equal(of('runbook-broken-link', text, { files: DOCS }).length, 1);
});
