// What ships must be sound: every schema compiles in ajv strict mode, every rule has
// its documentation page, and every page belongs to a rule.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAjv } from '../../server/src/service/schema/validators';
import { SHIPPED_SCHEMAS } from '../../server/src/service/schema/shipped';
import { RULES } from '../../server/src/service/rules/registry';
import { FIXED_OUTSIDE_RULE_FILES } from '../../server/src/service/fixes/fixable';

const root = join(__dirname, '..', '..');
const schemaFiles = readdirSync(join(root, 'schemas')).filter((f) => f.endsWith('.json'));

test('every schema in schemas/ compiles in strict mode and is bundled into the engine', () => {
  assert.ok(schemaFiles.length > 0);
  const ajv = createAjv();
  const ids = new Set(SHIPPED_SCHEMAS.map((s) => (s as { $id: string }).$id));
  for (const file of schemaFiles) {
    const schema = JSON.parse(readFileSync(join(root, 'schemas', file), 'utf8'));
    assert.doesNotThrow(() => ajv.compile(schema), `${file} does not compile`);
    assert.ok(ids.has(schema.$id), `${file} is not in SHIPPED_SCHEMAS`);
  }
});

test('every property in the readiness schema has a description (hover shows them)', () => {
  const schema = JSON.parse(readFileSync(join(root, 'schemas', 'readiness-v1.schema.json'), 'utf8'));
  const missing: string[] = [];
  const visit = (node: Record<string, unknown>, path: string) => {
    for (const [name, child] of Object.entries((node.properties ?? {}) as Record<string, Record<string, unknown>>)) {
      if (typeof child.description !== 'string' && typeof child.$ref !== 'string') missing.push(`${path}.${name}`);
      visit(child, `${path}.${name}`);
      if (child.items) visit(child.items as Record<string, unknown>, `${path}.${name}[]`);
    }
  };
  visit(schema, '');
  for (const [name, def] of Object.entries(schema.definitions as Record<string, Record<string, unknown>>)) {
    if (typeof def.description !== 'string') missing.push(`#/definitions/${name}`);
    visit(def, `#/definitions/${name}`);
  }
  assert.deepEqual(missing, []);
});

test('every rule has a docs page and every docs page has a rule', () => {
  const pages = readdirSync(join(root, 'docs', 'rules')).filter((f) => f.endsWith('.md')).map((f) => f.replace(/\.md$/, '')).sort();
  assert.deepEqual(pages, RULES.map((r) => r.id).sort());
  for (const rule of RULES) {
    const page = readFileSync(join(root, 'docs', 'rules', `${rule.id}.md`), 'utf8');
    assert.match(page, new RegExp(`^# ${rule.id}\\n`), `${rule.id}.md must start with its id as title`);
    assert.match(page, new RegExp(`Default severity: \\*\\*${rule.defaultSeverity}\\*\\*`), `${rule.id}.md must state its default severity`);
  }
});

test('rule ids are unique and kebab-case', () => {
  const ids = RULES.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) assert.match(id, /^[a-z]+(-[a-z]+)*$/);
});

test('the README lists every rule', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  for (const rule of RULES) assert.ok(readme.includes(`[\`${rule.id}\`](docs/rules/${rule.id}.md)`), `${rule.id} is missing from README.md`);
});

test('a rule that attaches fixes says so (fixable), and only such rules do', () => {
  // Schema, duplicate-key and suppression fixes are written where those findings are made;
  // their rule ids are listed in fixes/fixable.ts instead.
  const elsewhere = new Set(FIXED_OUTSIDE_RULE_FILES);
  const sources = readdirSync(join(root, 'server', 'src', 'service', 'rules'), { recursive: true }) as string[];
  for (const file of sources.filter((f) => f.endsWith('.ts'))) {
    const text = readFileSync(join(root, 'server', 'src', 'service', 'rules', file), 'utf8');
    const id = /id: '([a-z-]+)'/.exec(text)?.[1];
    if (!id) continue;
    assert.equal(/fixable: true/.test(text), /\bfixes\b\s*:/.test(text) || elsewhere.has(id), `${file}: fixable must match whether the rule attaches fixes`);
  }
  for (const id of elsewhere) assert.ok(RULES.some((r) => r.id === id && r.fixable === true), `${id} is listed in fixes/fixable.ts but is not a fixable rule`);
});
