// restrictUntrusted: what an untrusted workspace's `.prr.yaml` keeps — file selection,
// quieter severities, smaller limits — and the names of what it loses.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { restrictUntrusted } from '../../server/src/service/config/trust';
import { RULES } from '../../server/src/service/rules/registry';
import { createEngine, type ConfigData } from '../../server/src/service';
import { ConfigStore } from '../../server/src/node/config-store';
import { diskIO } from '../../server/src/node/engine-io';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

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

test('in an untrusted workspace the files a .prr.yaml names under schemas: are not read, not even to report on them', () => {
  const root = mkdtempSync(join(tmpdir(), 'prr-trust-'));
  try {
    const config = join(root, '.prr.yaml');
    const text = 'root: true\nschemas:\n  - schemas/team.schema.json\n  - schemas/missing.json\n';
    writeFileSync(config, text);
    mkdirSync(join(root, 'schemas'));
    writeFileSync(join(root, 'schemas', 'team.schema.json'), '{"type":"object","properties":{"a":{"pattern":"^(?=CC)"}}}');
    const read: string[] = [];
    const io = diskIO();
    const counting = { exists: io.exists, readFile: (uri: string) => (read.push(uri), io.readFile(uri)) };
    for (const trusted of [false, true]) {
      read.length = 0;
      const engine = createEngine({ io: counting });
      const configs = new ConfigStore(engine, { trusted: () => trusted });
      const found = engine.check({ uri: pathToFileURL(config).href, text }, configs.configFor(config)).map((f) => f.ruleId);
      assert.deepEqual([found, read.some((uri) => uri.includes('/schemas/'))], trusted ? [['custom-schema', 'custom-schema'], true] : [[], false], `trusted: ${trusted}`);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
