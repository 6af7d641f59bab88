// `prr rules`: every rule with its default severity, whether it is fixable and its docs
// page, as a table and as JSON.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { prr } from './run-prr';

interface Rule { id: string; description: string; defaultSeverity: string; fixable: boolean; docs: string }

function rulesJson(): Rule[] {
  const { code, stdout, stderr } = prr(['rules', '--format', 'json']);
  assert.equal(code, 0);
  assert.equal(stderr, '');
  const document = JSON.parse(stdout);
  assert.equal(document.version, 1);
  return document.rules;
}

test('rules --format json: every rule once, with severity, fixable and an existing docs page', () => {
  const rules = rulesJson();
  assert.ok(rules.length >= 20);
  assert.equal(new Set(rules.map((r) => r.id)).size, rules.length);
  for (const rule of rules) {
    assert.match(rule.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.ok(rule.description.length > 0, rule.id);
    assert.ok(['error', 'warning', 'info', 'hint'].includes(rule.defaultSeverity), rule.id);
    assert.equal(typeof rule.fixable, 'boolean');
    assert.ok(existsSync(fileURLToPath(rule.docs)), `${rule.id}: ${rule.docs}`);
  }
  const byId = new Map(rules.map((r) => [r.id, r]));
  assert.deepEqual(byId.get('unknown-property'), { ...byId.get('unknown-property'), defaultSeverity: 'error', fixable: true });
  assert.equal(byId.get('runbook-missing-section')?.fixable, true);
  assert.equal(byId.get('runbook-not-found')?.fixable, true);
  assert.equal(byId.get('invalid-format')?.fixable, false);
  assert.equal(byId.get('missing-service')?.defaultSeverity, 'warning');
});

test('rules: a table with a header and one aligned row a rule', () => {
  const { code, stdout } = prr(['rules']);
  assert.equal(code, 0);
  const [header, ...rows] = stdout.trimEnd().split('\n');
  assert.match(header, /^rule +severity +fixable +docs$/);
  const rules = rulesJson();
  assert.equal(rows.length, rules.length);
  const docsColumn = header.indexOf('docs');
  rows.forEach((row, i) => {
    const rule = rules[i];
    assert.match(row, new RegExp(`^${rule.id} +${rule.defaultSeverity} +${rule.fixable ? 'yes' : 'no'} +file://`));
    assert.equal(row.indexOf('file://'), docsColumn, 'columns are aligned');
  });
});

test('rules: bad format or arguments exit 2', () => {
  const bad = prr(['rules', '--format', 'sarif']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /valid values: stylish, json/);
  assert.equal(prr(['rules', 'extra']).code, 2);
});
