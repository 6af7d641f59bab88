// Custom schemas (`schemas:` in .prr.yaml): manifests checked against the team's own schema
// too, declared properties no longer unknown, and every way a schema can be unusable
// reported on its .prr.yaml entry — on real files, through the same ConfigStore and disk
// io the CLI and the server use.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createEngine } from '../../server/src/service';
import { ConfigStore } from '../../server/src/node/config-store';
import { diskIO } from '../../server/src/node/engine-io';
import { show } from './helpers';

const MANIFEST = `apiVersion: prr/v1
kind: ServiceReadiness
metadata:
  name: checkout
spec:
  owner: team-payments
  tier: 2
  costCenter: CC-1234
`;

const TEAM_SCHEMA = JSON.stringify({
  type: 'object',
  properties: {
    spec: {
      type: 'object',
      required: ['costCenter', 'dataClass'],
      properties: {
        costCenter: { type: 'string', pattern: '^CC-[0-9]{4}$' },
        dataClass: { enum: ['public', 'internal', 'secret'] },
      },
    },
  },
});

function withTree<T>(files: Record<string, string>, run: (root: string) => T): T {
  const root = mkdtempSync(join(tmpdir(), 'prr-custom-schema-'));
  try {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    return run(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Findings of each file (`path` relative to root) through ConfigStore + disk io, as `prr check` does. */
function checkIn(root: string, ...paths: string[]): string[][] {
  const engine = createEngine({ io: diskIO() });
  const configs = new ConfigStore(engine);
  return paths.map((path) => {
    const file = join(root, path);
    const text = readFileSync(file, 'utf8');
    return engine.check({ uri: pathToFileURL(file).href, text }, configs.configFor(file)).map(show);
  });
}

test('a property the custom schema declares is allowed; one it does not is still unknown', () => {
  withTree({ '.prr.yaml': 'schemas: [team.schema.json]\n', 'team.schema.json': TEAM_SCHEMA, 'svc/readiness.yaml': `${MANIFEST}  dataClass: internal\n  costCentre: x\n` }, (root) => {
    const [findings] = checkIn(root, 'svc/readiness.yaml');
    assert.ok(!findings!.some((f) => /costCenter|dataClass/.test(f) && f.includes('unknown-property')), findings!.join('\n'));
    assert.ok(findings!.some((f) => f.startsWith('10:3-10:13 unknown-property')), findings!.join('\n'));
  });
  // Without the schema the same field is unknown: the test can fail.
  withTree({ 'svc/readiness.yaml': MANIFEST }, (root) => {
    const [findings] = checkIn(root, 'svc/readiness.yaml');
    assert.ok(findings!.some((f) => f.startsWith('8:3-8:13 unknown-property')), findings!.join('\n'));
  });
});

test('properties declared through a $ref within the schema, allOf/anyOf/oneOf and if/then/else are not unknown either', () => {
  const manifest = `${MANIFEST}  dataClass: internal\n  region: eu\n  team:\n    slack: '#pay'\n  costCentre: x\n`;
  const schema = JSON.stringify({
    properties: { spec: { $ref: '#/definitions/spec' } },
    definitions: {
      spec: {
        type: 'object',
        properties: { costCenter: { type: 'string', pattern: '^CC-[0-9]{4}$' }, team: { $ref: '#/$defs/team' } },
        allOf: [{ properties: { dataClass: { enum: ['public', 'internal'] } } }],
        if: { required: ['dataClass'] },
        then: { properties: { region: { type: 'string' } } },
      },
    },
    $defs: { team: { anyOf: [{ properties: { slack: { type: 'string' } } }] }, loop: { $ref: '#/$defs/loop' }, odd: { $ref: '#/definitions/%E0' } },
  });
  withTree({ '.prr.yaml': 'schemas: [team.schema.json]\n', 'team.schema.json': schema, 'readiness.yaml': manifest }, (root) => {
    const [findings] = checkIn(root, 'readiness.yaml');
    const unknown = findings!.filter((f) => f.includes('unknown-property'));
    // Only the misspelt `costCentre` is left; each of the others was declared one way or another.
    assert.deepEqual(unknown.map((f) => f.split(' ')[0]), ['13:3-13:13'], findings!.join('\n'));
  });
});

test('a schema whose $refs loop without going into the value is a finding, never a crash', () => {
  // Looping for every manifest: refused on its .prr.yaml entry, and the manifests are checked without it.
  const always = JSON.stringify({ allOf: [{ $ref: '#' }], properties: { spec: { properties: { costCenter: {} } } } });
  withTree({ '.prr.yaml': 'schemas: [team.schema.json]\n', 'team.schema.json': always, 'readiness.yaml': MANIFEST }, (root) => {
    const [config, manifest] = checkIn(root, '.prr.yaml', 'readiness.yaml');
    assert.deepEqual(config, ['1:11-1:27 custom-schema custom schema `team.schema.json` is not used: its `$ref`s lead back to themselves without going into the value, so validating with it never ends']);
    assert.deepEqual(manifest!.filter((f) => f.includes('custom-schema')), []);
    assert.ok(manifest!.some((f) => f.startsWith('8:3-8:13 unknown-property')), manifest!.join('\n'));
  });
  // Looping only where some manifests have a value: those manifests say so on their first line.
  const sometimes = JSON.stringify({ properties: { spec: { properties: { costCenter: { $ref: '#/$defs/a' } } } }, $defs: { a: { allOf: [{ $ref: '#/$defs/b' }] }, b: { anyOf: [{ $ref: '#/$defs/a' }] } } });
  withTree({ '.prr.yaml': 'schemas: [team.schema.json]\n', 'team.schema.json': sometimes, 'readiness.yaml': MANIFEST }, (root) => {
    const [config, manifest] = checkIn(root, '.prr.yaml', 'readiness.yaml');
    assert.deepEqual(config, []);
    assert.deepEqual(manifest, ['1:1-1:1 custom-schema custom schema `team.schema.json` could not check this manifest: its `$ref`s lead back to themselves without going into the value, so validating with it never ends']);
  });
});

test('hover and completion describe the fields a custom schema adds, also through its own $refs', () => {
  const schema = JSON.stringify({
    properties: { spec: { $ref: '#/definitions/spec' } },
    definitions: {
      spec: {
        required: ['dataClass'],
        properties: {
          costCenter: { type: 'string', description: 'The finance cost center that pays for the service.', pattern: '^CC-[0-9]{4}$' },
          dataClass: { enum: ['public', 'internal', 'secret'], description: 'How sensitive the data is.' },
        },
      },
    },
  });
  withTree({ '.prr.yaml': 'schemas: [team.schema.json]\n', 'team.schema.json': schema, 'readiness.yaml': MANIFEST }, (root) => {
    const engine = createEngine({ io: diskIO() });
    const configs = new ConfigStore(engine);
    const file = join(root, 'readiness.yaml');
    const config = configs.configFor(file);
    const document = { uri: pathToFileURL(file).href, text: MANIFEST };
    const hover = engine.hover(document, { line: 7, character: 4 }, config);
    assert.match(hover?.contents ?? '', /`spec\.costCenter` · string/);
    assert.match(hover?.contents ?? '', /The finance cost center that pays for the service\./);
    // Completion of a new key under spec offers the custom schema's fields next to prr's own, required ones first.
    const typing = { uri: document.uri, text: `${MANIFEST}  da` };
    const items = engine.complete(typing, { line: 8, character: 4 }, config);
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('dataClass') && labels.includes('lifecycle'), labels.join(', '));
    assert.ok(!labels.includes('costCenter'), 'costCenter is already there');
    assert.match(items.find((i) => i.label === 'dataClass')?.detail ?? '', /required/);
  });
  // Without the schema, the same places know nothing of those fields: the test can fail.
  withTree({ 'readiness.yaml': MANIFEST }, (root) => {
    const engine = createEngine({ io: diskIO() });
    const file = join(root, 'readiness.yaml');
    const config = new ConfigStore(engine).configFor(file);
    assert.doesNotMatch(engine.hover({ uri: pathToFileURL(file).href, text: MANIFEST }, { line: 7, character: 4 }, config)?.contents ?? '', /cost center/);
    assert.ok(!engine.complete({ uri: pathToFileURL(file).href, text: `${MANIFEST}  da` }, { line: 8, character: 4 }, config).some((i) => i.label === 'dataClass'));
  });
});

test('$refs to other local files are followed: validation, declared fields, and a change to a referenced file', () => {
  const files = {
    '.prr.yaml': 'schemas: [schemas/team.schema.json]\n',
    'schemas/team.schema.json': JSON.stringify({ properties: { spec: { $ref: 'common/spec.schema.yaml#/definitions/spec' } } }),
    'schemas/common/spec.schema.yaml': [
      'definitions:',
      '  spec:',
      '    required: [dataClass]',
      '    properties:',
      '      costCenter: { type: string, pattern: "^CC-[0-9]{4}$" }',
      '      dataClass: { $ref: "../shared.json#/definitions/dataClass" }',
      '',
    ].join('\n'),
    'schemas/shared.json': JSON.stringify({ definitions: { dataClass: { enum: ['public', 'internal'] } } }),
    'readiness.yaml': `${MANIFEST.replace('CC-1234', 'X-1')}  dataClass: secret\n`,
  };
  withTree(files, (root) => {
    const engine = createEngine({ io: diskIO() });
    const configs = new ConfigStore(engine);
    const file = join(root, 'readiness.yaml');
    const document = { uri: pathToFileURL(file).href, text: files['readiness.yaml'] };
    const findings = engine.check(document, configs.configFor(file)).map(show);
    assert.ok(findings.includes('8:15-8:18 invalid-format `spec.costCenter` must match `^CC-[0-9]{4}$`; got `X-1`'), findings.join('\n'));
    assert.ok(findings.some((f) => f.startsWith('9:14-9:20 invalid-enum')), findings.join('\n'));
    assert.ok(!findings.some((f) => f.includes('unknown-property')), findings.join('\n'));
    // Hover follows the same $refs: `dataClass` is described by shared.json, two files away.
    assert.match(engine.hover(document, { line: 8, character: 4 }, configs.configFor(file))?.contents ?? '', /`public`.*`internal`/s);
    // The referenced file is watched like the schema: a change to it is compiled in.
    const shared = join(root, 'schemas', 'shared.json');
    assert.ok(engine.isCustomSchema(pathToFileURL(shared).href));
    writeFileSync(shared, JSON.stringify({ definitions: { dataClass: { enum: ['public', 'internal', 'secret'] } } }));
    const after = engine.check(document, configs.configFor(file)).map(show);
    assert.ok(!after.some((f) => f.includes('invalid-enum')), after.join('\n'));
  });
  // A referenced file that is missing, or that refers to the network, makes the schema unusable, said on its entry.
  for (const [shared, problem] of [
    [undefined, /`\$ref` `\.\.\/shared\.json#\/definitions\/dataClass` in `common\/spec\.schema\.yaml` names `shared\.json`, which does not exist or cannot be read/],
    [JSON.stringify({ definitions: { dataClass: { $ref: 'https://example.com/d.json' } } }), /remote \$ref `https:\/\/example\.com\/d\.json` is not fetched/],
  ] as const) {
    const tree: Record<string, string> = { ...files };
    if (shared === undefined) delete tree['schemas/shared.json'];
    else tree['schemas/shared.json'] = shared;
    withTree(tree, (root) => {
      const [config] = checkIn(root, '.prr.yaml');
      assert.equal(config!.length, 1, config!.join('\n'));
      assert.match(config![0], problem);
    });
  }
});

test('a schema nested 20,000 levels deep is a finding on its entry, never a crash', () => {
  const deep = `{"properties":{"spec":${'{"allOf":['.repeat(20_000)}{}${']}'.repeat(20_000)}}}`;
  withTree({ '.prr.yaml': 'schemas: [team.schema.json]\n', 'team.schema.json': deep, 'readiness.yaml': MANIFEST }, (root) => {
    const [config, manifest] = checkIn(root, '.prr.yaml', 'readiness.yaml');
    assert.equal(config!.length, 1);
    assert.match(config![0], /custom schema `team.schema.json` is not used: the schema file nests too deeply to be used/);
    assert.ok(manifest!.some((f) => f.startsWith('8:3-8:13 unknown-property')), manifest!.join('\n'));
  });
});

test('a custom required field that is missing is reported on its parent key; a pattern and an enum are enforced', () => {
  withTree({ '.prr.yaml': 'schemas:\n  - team.schema.json\n', 'team.schema.json': TEAM_SCHEMA, 'readiness.yaml': MANIFEST.replace('CC-1234', 'X-1') }, (root) => {
    const [findings] = checkIn(root, 'readiness.yaml');
    assert.ok(findings!.includes('5:1-5:5 missing-property missing required property `dataClass` in `spec`'), findings!.join('\n'));
    assert.ok(findings!.some((f) => f === '8:15-8:18 invalid-format `spec.costCenter` must match `^CC-[0-9]{4}$`; got `X-1`'), findings!.join('\n'));
  });
  withTree({ '.prr.yaml': 'schemas: [team.schema.json]\n', 'team.schema.json': TEAM_SCHEMA, 'readiness.yaml': `${MANIFEST}  dataClass: secrett\n` }, (root) => {
    const [findings] = checkIn(root, 'readiness.yaml');
    assert.ok(findings!.some((f) => f.startsWith('9:14-9:21 invalid-enum')), findings!.join('\n'));
  });
});

test('a YAML custom schema works; the nearest .prr.yaml replaces the list, and [] drops it', () => {
  const yamlSchema = 'type: object\nproperties:\n  spec:\n    type: object\n    required: [region]\n    properties:\n      region: { type: string }\n';
  withTree({
    '.prr.yaml': 'schemas: [s/team.schema.json]\n', 's/team.schema.json': TEAM_SCHEMA,
    'a/.prr.yaml': 'schemas: [../s/region.schema.yaml]\n', 's/region.schema.yaml': yamlSchema,
    'b/.prr.yaml': 'schemas: []\n',
    'a/readiness.yaml': MANIFEST.replace('checkout', 'a'), 'b/readiness.yaml': MANIFEST.replace('checkout', 'b'), 'readiness.yaml': `${MANIFEST}  dataClass: public\n`,
  }, (root) => {
    const [a, b, top] = checkIn(root, 'a/readiness.yaml', 'b/readiness.yaml', 'readiness.yaml');
    assert.ok(a!.some((f) => f.includes('missing required property `region`')), a!.join('\n'));
    assert.ok(!a!.some((f) => f.includes('dataClass')), a!.join('\n'));
    assert.ok(b!.some((f) => f.includes('unknown-property') && f.includes('costCenter')), b!.join('\n'));
    assert.deepEqual(top, []);
  });
});

test('unusable schemas are reported on their .prr.yaml entry and never crash the check', () => {
  const config = [
    'schemas:',
    '  - missing.json', // 2
    '  - broken.json', // 3
    '  - invalid.json', // 4
    '  - remote.json', // 5
    '  - https://example.com/s.json', // 6
    '  - unsafe.json', // 7
    '  - broken.yaml', // 8
    '  - team.schema.json', // 9: fine
    '',
  ].join('\n');
  withTree({
    '.prr.yaml': config,
    'broken.json': '{ "type": "object", ',
    'invalid.json': '{ "type": "strin" }',
    'remote.json': '{ "properties": { "spec": { "$ref": "https://example.com/defs.json#/spec" } } }',
    'unsafe.json': '{ "properties": { "spec": { "properties": { "costCenter": { "type": "string", "pattern": "^(a)\\\\1$" } } } } }',
    'broken.yaml': 'type: object\nproperties: [\n',
    'team.schema.json': TEAM_SCHEMA,
    'readiness.yaml': `${MANIFEST}  dataClass: internal\n`,
  }, (root) => {
    const [configFindings, manifest] = checkIn(root, '.prr.yaml', 'readiness.yaml');
    const byLine = new Map(configFindings!.map((f) => [Number(f.split(':')[0]), f]));
    assert.deepEqual([...byLine.keys()].sort((x, y) => x - y), [2, 3, 4, 5, 6, 7, 8], configFindings!.join('\n'));
    for (const f of configFindings!) assert.match(f, / custom-schema custom schema `/);
    assert.match(byLine.get(2)!, /^2:5-2:17 .*does not exist or cannot be read/);
    assert.match(byLine.get(3)!, /not valid JSON/);
    assert.match(byLine.get(4)!, /not a usable JSON Schema: .*type/);
    assert.match(byLine.get(5)!, /remote \$ref `https:\/\/example.com\/defs.json#\/spec` is not fetched: prr never uses the network/);
    assert.match(byLine.get(6)!, /remote schema is not fetched/);
    assert.match(byLine.get(7)!, /pattern `\^\(a\)\\1\$` uses a feature that cannot be matched in linear time \(backreferences/);
    assert.match(byLine.get(8)!, /not valid YAML/);
    // The usable schema still applies; the unusable ones add nothing (the refused pattern is not run on the value).
    assert.deepEqual(manifest, []);
  });
});

test('a flow-style .prr.yaml gets its unusable entries reported too', () => {
  withTree({ '.prr.yaml': '{ "schemas": ["gone.json"] }\n', 'readiness.yaml': MANIFEST }, (root) => {
    const [configFindings] = checkIn(root, '.prr.yaml');
    assert.deepEqual(configFindings, ['1:15-1:26 custom-schema custom schema `gone.json` is not used: the schema file does not exist or cannot be read']);
  });
});

test('a hostile pattern cannot hang the check: patterns run in linear time (re2js), so they are simply enforced', () => {
  // Each of these takes a backtracking engine (JavaScript's RegExp) longer than the age of the universe on such values.
  const hostile = JSON.stringify({
    properties: {
      spec: {
        properties: { owner: { type: 'string', pattern: '^(([a-z])+.)+[A-Z]([a-z])+$' }, tier2: { type: 'string', pattern: '^(a|aa)+$' } },
        patternProperties: { '^(x+x+)+y$': {} },
      },
    },
  });
  const slowValue = `${'a'.repeat(5_000)}!`;
  const manifest = MANIFEST.replace('team-payments', slowValue).replace('spec:\n', `spec:\n  tier2: ${slowValue}\n  ${'x'.repeat(5_000)}: 1\n`);
  withTree({ '.prr.yaml': 'schemas: [hostile.json]\n', 'hostile.json': hostile, 'readiness.yaml': manifest }, (root) => {
    const started = performance.now();
    const [configFindings, findings] = checkIn(root, '.prr.yaml', 'readiness.yaml');
    const ms = performance.now() - started;
    assert.deepEqual(configFindings, []);
    assert.ok(findings!.some((f) => /`spec.owner` must match/.test(f)), findings!.join('\n'));
    assert.ok(findings!.some((f) => /`spec.tier2` must match/.test(f)), findings!.join('\n'));
    assert.ok(ms < 5000, `took ${ms} ms`);
  });
});

test('a pattern RE2 cannot run in linear time (lookaround, backreference) is refused, in patternProperties too', () => {
  const schema = JSON.stringify({ properties: { spec: { patternProperties: { '^(?!x)': { type: 'string' } } } } });
  withTree({ '.prr.yaml': 'schemas: [pp.json]\n', 'pp.json': schema, 'readiness.yaml': MANIFEST }, (root) => {
    const [configFindings] = checkIn(root, '.prr.yaml');
    assert.deepEqual(configFindings!.map((f) => /pattern `(.*)` uses a feature that cannot be matched in linear time/.exec(f)?.[1]), ['^(?!x)']);
  });
});

test('a schema file that changes is compiled again; an unchanged one is reused', () => {
  withTree({ '.prr.yaml': 'schemas: [team.schema.json]\n', 'team.schema.json': TEAM_SCHEMA, 'readiness.yaml': MANIFEST }, (root) => {
    const engine = createEngine({ io: diskIO() });
    const configs = new ConfigStore(engine);
    const file = join(root, 'readiness.yaml');
    const document = { uri: pathToFileURL(file).href, text: MANIFEST };
    const before = engine.check(document, configs.configFor(file)).map(show);
    assert.ok(before.some((f) => f.includes('`dataClass`')), before.join('\n'));
    assert.ok(engine.isCustomSchema(pathToFileURL(join(root, 'team.schema.json')).href));
    writeFileSync(join(root, 'team.schema.json'), JSON.stringify({ properties: { spec: { properties: { costCenter: { type: 'number' } } } } }));
    const after = engine.check(document, configs.configFor(file)).map(show);
    assert.ok(!after.some((f) => f.includes('`dataClass`')), after.join('\n'));
    assert.ok(after.some((f) => f.startsWith('8:15-8:22 invalid-type')), after.join('\n'));
  });
});

test('an untrusted workspace ignores `schemas` and names it among the ignored keys', () => {
  withTree({ '.prr.yaml': 'schemas: [team.schema.json]\nrules:\n  unknown-property: warning\n', 'team.schema.json': TEAM_SCHEMA, 'readiness.yaml': MANIFEST }, (root) => {
    const engine = createEngine({ io: diskIO() });
    const told: [string, readonly string[]][] = [];
    const configs = new ConfigStore(engine, { trusted: () => false, onIgnored: (file, keys) => told.push([file, keys]) });
    const file = join(root, 'readiness.yaml');
    const config = configs.configFor(file);
    assert.deepEqual(config.customSchemas, []);
    assert.deepEqual(told, [[join(root, '.prr.yaml'), ['schemas']]]);
    const findings = engine.check({ uri: pathToFileURL(file).href, text: MANIFEST }, config).map(show);
    // The schema is not applied: costCenter stays unknown (at the quieter severity the workspace may set), dataClass is not required.
    assert.ok(findings.some((f) => f.includes('unknown-property') && f.includes('costCenter')), findings.join('\n'));
    assert.ok(!findings.some((f) => f.includes('dataClass')), findings.join('\n'));
    // Trusted, the same file applies it.
    const trusted = new ConfigStore(engine).configFor(file);
    assert.deepEqual(trusted.customSchemas, [pathToFileURL(join(root, 'team.schema.json')).href]);
  });
});
