// restrictUntrusted: what an untrusted workspace's `.prr.yaml` keeps — file selection,
// quieter severities, smaller limits — and the names of what it loses.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { restrictUntrusted } from '../../server/src/service/config/trust';
import { RULES } from '../../server/src/service/rules/registry';
import type { ConfigData } from '../../server/src/service';

const defaults = (id: string) => RULES.find((r) => r.id === id)?.defaultSeverity;

test('file selection is kept; severities only when no louder than the default; limits only when smaller', () => {
  const data: ConfigData = {
    root: true,
    include: { runbooks: ['docs/**/*.md'] },
    exclude: ['vendor/**'],
    gitignore: false,
    rules: { 'unknown-property': 'warning', 'runbook-placeholder': 'error', 'runbook-no-title': 'warning', 'no-such-rule': 'off' },
    runbooks: { requiredSections: { rollback: 'warning', impact: 'info', mitigation: 'error' }, synonyms: { mitigation: ['What to do'] }, staleAfterDays: 1 },
    limits: { maxFileSizeMB: 256, maxRunbookSizeKB: 64, maxFindings: 10 },
    readiness: { checks: {} },
  };
  const { data: kept, ignored } = restrictUntrusted(data, defaults);
  assert.deepEqual(kept, {
    root: true,
    include: { runbooks: ['docs/**/*.md'] },
    exclude: ['vendor/**'],
    gitignore: false,
    rules: { 'unknown-property': 'warning', 'runbook-no-title': 'warning' },
    runbooks: { requiredSections: { impact: 'info' } },
    limits: { maxRunbookSizeKB: 64, maxFindings: 10 },
  });
  assert.deepEqual(ignored, [
    'rules.runbook-placeholder',
    'rules.no-such-rule',
    'runbooks.requiredSections.rollback',
    'runbooks.requiredSections.mitigation',
    'runbooks.synonyms',
    'runbooks.staleAfterDays',
    'limits.maxFileSizeMB',
    'readiness',
  ]);
});

test('a configuration that only lowers and selects loses nothing', () => {
  const data: ConfigData = { exclude: ['x/**'], rules: { 'invalid-value': 'off' }, limits: { maxFindings: 1000 } };
  assert.deepEqual(restrictUntrusted(data, defaults), { data, ignored: [] });
});
