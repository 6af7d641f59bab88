// Runbook references from SLO files: Sloth alert annotations that name a file in the
// repository are checked like a manifest's runbook paths.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from '../../server/src/service';
import { show } from './helpers';

test('runbook-not-found: a Sloth alert annotation naming a missing runbook file, with a create fix', () => {
  const engine = createEngine({ io: { exists: () => false, readFile: () => undefined }, now: () => new Date('2026-11-27T00:00:00Z') });
  const text = ['version: prometheus/v1', 'service: checkout', 'slos:', '  - name: requests', '    objective: 99.9', '    sli:', '      events:',
    '        error_query: sum(rate(e[{{.window}}]))', '        total_query: sum(rate(t[{{.window}}]))', '    alerting:', '      name: CheckoutErrors',
    '      annotations:', '        runbook_url: ../runbooks/CheckoutErrors.md', '      page_alert:', '        annotations: { runbook: https://wiki.example.com/x.md }', ''].join('\n');
  const [finding] = engine.check({ uri: 'file:///w/slos/checkout.yaml', text });
  assert.deepEqual(show(finding), '13:22-13:51 runbook-not-found `annotations.runbook_url` points at `../runbooks/CheckoutErrors.md`, which does not exist; create the runbook so the on-call engineer has something to follow');
  assert.equal(finding.fixes?.[0].createFile?.uri, 'file:///w/runbooks/CheckoutErrors.md');
  assert.match(finding.fixes?.[0].createFile?.text ?? '', /^---\ntitle: CheckoutErrors\nalerts: \[CheckoutErrors\]\nseverity: page\nlastReviewed: 2026-11-27\n---\n/);
});

test('a manifest\'s runbook paths are file paths: `%` and `?` are parts of the name, not URL escapes or a query', () => {
  const files = new Set(['file:///w/svc/docs/pct%2520name.md', 'file:///w/svc/docs/what%3F.md']);
  const engine = createEngine({ io: { exists: (uri) => files.has(uri), readFile: (uri) => (files.has(uri) ? '# R\n' : undefined) }, now: () => new Date('2026-11-27T00:00:00Z') });
  const text = 'apiVersion: prr/v1\nkind: ServiceReadiness\nmetadata:\n  name: svc\nspec:\n  owner: t\n  tier: 2\n  alerts:\n    - { name: a, severity: ticket, runbook: "docs/pct%20name.md" }\n  runbooks: [docs/what?.md, "docs/pct name.md"]\n';
  assert.deepEqual(engine.check({ uri: 'file:///w/svc/readiness.yaml', text }).filter((f) => f.ruleId === 'runbook-not-found').map(show), [
    '10:29-10:47 runbook-not-found `runbooks[]` points at `docs/pct name.md`, which does not exist; create the runbook so the on-call engineer has something to follow',
  ]);
});
