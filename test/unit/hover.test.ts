// Hover: schema descriptions, types, allowed values and defaults on keys and values;
// what a reference resolves to; the canonical section behind a runbook heading.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from '../../server/src/service';
import { doc, MANIFEST, OPENSLO, positionOf, RUNBOOK, SLOTH, workspaceEngine } from './editor-fixtures';

const engine = workspaceEngine();
const manifest = doc('readiness.yaml');
const openslo = doc('slos/availability.openslo.yaml');

test('on a manifest key: path, type, required, description, allowed values and example', () => {
  assert.deepEqual(engine.hover(manifest, positionOf(MANIFEST, 'tier', 2)), {
    contents: '`spec.tier` · integer · required\n\nCriticality tier: 1 = critical (customer-facing, revenue or safety; an outage is a major incident), '
      + '2 = important (degrades the product), 3 = internal or non-critical, 4 = best effort / experimental. Lower tiers must meet stricter checks: '
      + 'tier 1 needs an owner, on-call, a valid SLO, a runbook for every paging alert and a rollback procedure.\n\nAllowed values: `1`, `2`, `3`, `4`  \nExample: `2`',
    range: { start: { line: 7, character: 2 }, end: { line: 7, character: 6 } },
  });
});

test('on a value: the same property, the value its range, with the default', () => {
  const hover = engine.hover(manifest, positionOf(MANIFEST, 'production', 3));
  assert.deepEqual(hover?.range, { start: { line: 6, character: 13 }, end: { line: 6, character: 23 } });
  assert.match(hover?.contents ?? '', /^`spec\.lifecycle` · string\n\nLifecycle stage: /);
  assert.match(hover?.contents ?? '', /\n\nAllowed values: `experimental`, `production`, `deprecated`  \nDefault: `production`$/);
});

test('a constant: apiVersion', () => {
  assert.equal(engine.hover(manifest, positionOf(MANIFEST, 'apiVersion'))?.contents,
    '`apiVersion` · string · required\n\nVersion of the manifest format. Always `prr/v1` for this schema.\n\nAllowed values: `prr/v1`  \nDefault: `prr/v1`');
});

test('a manifest slos[].ref: resolves to an OpenSLO SLO and to a Sloth SLO, with file and line', () => {
  const openSlo = engine.hover(manifest, positionOf(MANIFEST, 'checkout-availability', 3));
  assert.match(openSlo?.contents ?? '', /\n\n---\n\n→ SLO `checkout-availability` in `slos\/availability\.openslo\.yaml:22`$/);
  assert.deepEqual(openSlo?.range, { start: { line: 9, character: 11 }, end: { line: 9, character: 32 } });
  const sloth = engine.hover(manifest, positionOf(MANIFEST, 'checkout-latency', 3));
  assert.match(sloth?.contents ?? '', /→ SLO `checkout-latency` in `slos\/latency\.sloth\.yaml:4`$/);
});

test('runbook paths: the file, or that it does not exist', () => {
  assert.match(engine.hover(manifest, positionOf(MANIFEST, 'runbooks/Rollback.md', 3))?.contents ?? '', /^`spec\.release\.rollback\.procedure` · string\n[\s\S]*→ runbook `runbooks\/Rollback\.md`$/);
  assert.match(engine.hover(manifest, positionOf(MANIFEST, 'runbooks/Missing.md', 3))?.contents ?? '', /→ `runbooks\/Missing\.md` does not exist$/);
});

test('OpenSLO references: an SLI in the same file, an AlertPolicy that exists nowhere', () => {
  const indicator = engine.hover(openslo, positionOf(OPENSLO, 'checkout-requests-success', 3, 2));
  assert.equal(indicator?.contents, '`spec.indicatorRef` · string\n\nName of the SLI object this SLO uses. Exactly one of `indicator` and `indicatorRef`, '
    + 'unless the objectives carry their own (composite SLO).\n\nFormat: a lowercase name of letters, digits and inner dashes (RFC 1123)\n\n---\n\n'
    + '→ SLI `checkout-requests-success` in line 4 of this file');
  assert.deepEqual(indicator?.range, { start: { line: 24, character: 16 }, end: { line: 24, character: 41 } });
  // The reference is also a finding: its rule's docs come first.
  assert.match(engine.hover(openslo, positionOf(OPENSLO, 'checkout-slow-burn', 3))?.contents ?? '',
    /^\*\*unresolved-reference\*\* · default `error`\n\n[^\n]+\n\n---\n\n`spec\.alertPolicies\[1\]\.alertPolicyRef` · string\n[\s\S]*→ resolves nowhere: no AlertPolicy named `checkout-slow-burn` in the workspace$/);
});

test('the schema of the object\'s own kind (a multi-document file), through $ref and list items', () => {
  assert.equal(engine.hover(openslo, positionOf(OPENSLO, 'kind: SLO', 7))?.contents, '`kind` · string · required\n\nKind of object: `SLO`.\n\nAllowed values: `SLO`');
  assert.equal(engine.hover(openslo, positionOf(OPENSLO, 'isRolling'))?.contents,
    '`spec.timeWindow[0].isRolling` · boolean\n\n`true` for a rolling window; `false` (the default) for a calendar-aligned window, which then needs `calendar`.');
  assert.equal(engine.hover(doc('slos/latency.sloth.yaml'), positionOf(SLOTH, 'objective'))?.contents,
    '`slos[0].objective` · number · required\n\nTarget of the SLO as a percentage, greater than 0 and at most 100, e.g. `99.9`.\n\n---\n\n' +
    '**Error budget**: 7 h 12 m per 30 d — 1 % may fail: 1 in 100 events; the time is what a full outage at even traffic would use.\n\n' +
    "Window: 30 d (Sloth's SLO period). Allowed error ratio 1 − 0.99 = 0.01; budget = window × ratio.");
});

test('nothing on a mapping with no key under the cursor, in YAML that is not ours, or off the schema', () => {
  assert.equal(engine.hover(manifest, { line: 4, character: 5 }), undefined);
  assert.equal(engine.hover({ uri: 'file:///w/deploy.yaml', text: 'apiVersion: apps/v1\nkind: Deployment\n' }, { line: 0, character: 2 }), undefined);
  const typo = 'apiVersion: prr/v1\nkind: ServiceReadiness\nmetadata:\n  name: x\nspec:\n  owner: a\n  tire: 1\n';
  // Off the schema there is no property to describe: only the finding's rule.
  assert.deepEqual(createEngine().hover({ uri: 'file:///w/readiness.yaml', text: typo }, { line: 6, character: 3 }), {
    contents: '**unknown-property** · default `error`\n\nA property the schema does not define, usually a typo of one it does.',
    range: { start: { line: 6, character: 2 }, end: { line: 6, character: 6 } },
  });
});

test('on a finding\'s range: the rule\'s short docs and a link to its page, above the property\'s hover', () => {
  const docs = createEngine({ docsBaseUrl: 'https://prr.dev/docs/rules/' });
  const text = 'apiVersion: prr/v1\nkind: ServiceReadiness\nmetadata:\n  name: x\nspec:\n  owner: a\n  tier: 7\n';
  const found = docs.hover({ uri: 'file:///w/readiness.yaml', text }, { line: 6, character: 8 });
  assert.deepEqual(found?.range, { start: { line: 6, character: 8 }, end: { line: 6, character: 9 } }, 'the value\'s range');
  assert.match(found?.contents ?? '', /^\*\*invalid-enum\*\* · default `error` · \[docs\]\(https:\/\/prr\.dev\/docs\/rules\/invalid-enum\.md\)\n\n[^\n]+\n\n---\n\n`spec\.tier` · integer · required\n\nCriticality tier: /);
  // Off the finding's range, only the property.
  assert.match(docs.hover({ uri: 'file:///w/readiness.yaml', text }, { line: 5, character: 3 })?.contents ?? '', /^`spec\.owner` · string · required/);
  // A runbook's findings too: five missing sections at its title, one rule, shown once.
  const runbook = docs.hover({ uri: 'file:///w/runbooks/X.md', text: '# X\n\nSome text.\n' }, { line: 0, character: 2 });
  assert.deepEqual(runbook, {
    contents: '**runbook-missing-section** · default `warning` · [docs](https://prr.dev/docs/rules/runbook-missing-section.md)\n\n'
      + 'A runbook lacks a required section (by default Meaning, Impact, Diagnosis, Mitigation and Escalation).',
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } },
  });
});

test('a runbook heading: the canonical section it counts as, whether it is required, its guidance', () => {
  const runbook = doc('runbooks/CheckoutHighErrorRate.md');
  assert.deepEqual(engine.hover(runbook, positionOf(RUNBOOK, '## Troubleshooting', 4)), {
    contents: '**Diagnosis** · runbook section 3 of 7 · required (warning)\n\n“Troubleshooting” counts as the Diagnosis section.\n\n'
      + 'How to find the cause: dashboards to open, queries and commands to run, what to look for.\n\nAlso recognised as: troubleshooting, investigation, triage',
    range: { start: { line: 11, character: 0 }, end: { line: 11, character: 18 } },
  });
  assert.match(engine.hover(runbook, positionOf(RUNBOOK, '## Mitigation', 4))?.contents ?? '', /^\*\*Mitigation\*\* · runbook section 4 of 7 · required \(warning\)\n\nConcrete steps/);
  assert.equal(engine.hover(runbook, positionOf(RUNBOOK, '### Logs', 4)), undefined);
  assert.equal(engine.hover(runbook, positionOf(RUNBOOK, 'Errors are high')), undefined);
  assert.equal(engine.hover(doc('README.md'), { line: 0, character: 3 }), undefined);
});

test('.prr.yaml: a rule id under `rules` shows the rule, its default severity, and the setting\'s schema', () => {
  const text = 'root: true\nrules:\n  unknown-property: warning\n';
  assert.match(engine.hover({ uri: `${'file:///w/'}.prr.yaml`, text }, { line: 2, character: 4 })?.contents ?? '',
    /^\*\*unknown-property\*\* · default `error`\n\nA property the schema does not define, usually a typo of one it does\.\n\n---\n\n`rules\.unknown-property` · string\n/);
});

test('on the first character of a key that follows a nested block (the block\'s range ends there)', () => {
  const text = 'apiVersion: openslo/v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  description: x\n';
  const hover = createEngine().hover({ uri: 'file:///w/s.yaml', text }, { line: 4, character: 0 });
  assert.match(String(hover?.contents ?? ''), /^`spec` · object/);
});
