// Snippets must produce documents that the engine accepts when their placeholders keep
// their defaults: a snippet that writes an invalid manifest would teach the wrong thing.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check as checkText, manifest } from './helpers';

/** Snippets name objects that live in other files; whether those resolve is not the snippet's concern. */
const CROSS_FILE = / (unresolved-reference|missing-service) /;
const check = (text: string, path?: string) => checkText(text, path).filter((f) => !CROSS_FILE.test(f));

type Snippet = { prefix: string; body: string[]; description: string };
const snippets = JSON.parse(readFileSync(join(__dirname, '..', '..', 'snippets', 'yaml.json'), 'utf8')) as Record<string, Snippet>;

const VARIABLES: Record<string, string> = { CURRENT_YEAR: '2026', CURRENT_MONTH: '11', CURRENT_DATE: '27', TM_FILENAME_BASE: 'checkout-api' };

/** Expands a VS Code snippet body the way the editor does when every placeholder keeps its default. */
export function expand(body: string[]): string {
  const values = new Map<string, string>();
  let text = body.join('\n');
  // Innermost first, so nested placeholders such as ${3:runbooks/${1}.md} resolve.
  for (let previous = ''; previous !== text;) {
    previous = text;
    text = text
      .replace(/\$\{(\d+):([^${}]*)\}/g, (_, n: string, value: string) => (values.set(n, value), value))
      .replace(/\$\{(\d+)\|([^|},]*)(?:,[^|}]*)?\|\}/g, (_, n: string, first: string) => (values.set(n, first), first))
      .replace(/\$\{([A-Z_]+)(?::([^${}]*))?\}/g, (_, name: string, fallback?: string) => VARIABLES[name] ?? fallback ?? '')
      .replace(/\$\{(\d+)\}/g, (_, n: string) => values.get(n) ?? '');
  }
  return text.replace(/\$\d+/g, '').replace(/\$([A-Z_]+)/g, (_, name: string) => VARIABLES[name] ?? '');
}

test('every snippet has a prefix naming its format (prr-, openslo-, sloth-) and a description', () => {
  for (const [name, snippet] of Object.entries(snippets)) {
    assert.match(snippet.prefix, /^(prr|openslo|sloth)-/, name);
    assert.ok(snippet.description.length > 10, name);
  }
});

test('the manifest skeleton expands to a manifest with no findings', () => {
  const snippet = Object.values(snippets).find((s) => s.prefix === 'prr-manifest')!;
  const text = expand(snippet.body);
  assert.doesNotMatch(text, /\$\{|\$\d/);
  assert.deepEqual(check(text), []);
});

test('item snippets expand to valid items inside a manifest', () => {
  const where: Record<string, string> = { 'prr-alert': 'alerts', 'prr-exemption': 'exemptions', 'prr-slo-ref': 'slos' };
  for (const [prefix, key] of Object.entries(where)) {
    const snippet = Object.values(snippets).find((s) => s.prefix === prefix)!;
    const item = expand(snippet.body).trimEnd().split('\n').map((l) => `    ${l}`).join('\n');
    assert.deepEqual(check(manifest(`  ${key}:\n${item}`)), [], prefix);
  }
});

test('the OpenSLO and Sloth snippets expand to documents with no findings', () => {
  const slo = Object.values(snippets).filter((s) => /^(openslo|sloth)-/.test(s.prefix));
  assert.ok(slo.length >= 5);
  for (const snippet of slo) assert.deepEqual(check(expand(snippet.body), 'slos/snippet.yaml'), [], snippet.prefix);
});
