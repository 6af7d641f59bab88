// One problem gives one finding: anyOf/oneOf noise is resolved to the branch the
// document evidently meant; if/then wrappers give way to the errors inside.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseYaml } from '../../server/src/service/yaml/parse';
import { Validators } from '../../server/src/service/schema/validators';
import { checkAgainstSchema } from '../../server/src/service/schema/check';
import { show } from './helpers';

const ID = 'https://prr.dev/schemas/test.schema.json';

function run(schema: object, text: string): string[] {
  const validators = new Validators([{ $id: ID, ...schema }]);
  const parsed = parseYaml(text);
  const [document] = parsed.documents;
  const target = { node: document.doc.contents, value: document.value, basePath: [], damage: [] };
  return checkAgainstSchema(validators.get(ID), target, parsed.positions).map(show);
}

const objective = {
  type: 'object',
  properties: { target: { type: 'number', maximum: 1 }, targetPercent: { type: 'number', maximum: 100 }, name: { type: 'string' } },
  additionalProperties: false,
  oneOf: [{ required: ['target'] }, { required: ['targetPercent'] }],
};

test('exactly-one-of written as oneOf of required: neither given', () => {
  assert.deepEqual(run(objective, 'name: x\n'), ['1:1-1:5 missing-property `document` needs one of `target` or `targetPercent`']);
});

test('exactly-one-of written as oneOf of required: both given, pointing at the second', () => {
  assert.deepEqual(run(objective, 'target: 0.9\ntargetPercent: 90\n'), [
    '2:1-2:14 invalid-value `document` may have only one of `target` or `targetPercent`; it has `target` and `targetPercent`',
  ]);
});

const metric = {
  type: 'object',
  properties: {
    source: {
      anyOf: [
        { type: 'object', properties: { kind: { const: 'prometheus' }, query: { type: 'string' } }, required: ['kind', 'query'], additionalProperties: false },
        { type: 'object', properties: { kind: { const: 'datadog' }, metric: { type: 'string' } }, required: ['kind', 'metric'], additionalProperties: false },
      ],
    },
  },
};

test('anyOf: only the branch the document meant is reported', () => {
  assert.deepEqual(run(metric, 'source:\n  kind: datadog\n  metrc: m\n'), [
    '3:3-3:8 unknown-property unknown property `metrc` in `source` — did you mean `metric`?',
  ]);
  assert.deepEqual(run(metric, 'source:\n  kind: datadog\n'), ['1:1-1:7 missing-property missing required property `metric` in `source`']);
});

test('if/then: the inner error, not the wrapper', () => {
  const schema = {
    type: 'object',
    properties: { rolling: { type: 'boolean' }, calendar: { type: 'object' } },
    if: { properties: { rolling: { const: false } }, required: ['rolling'] },
    then: { required: ['calendar'] },
  };
  assert.deepEqual(run(schema, 'rolling: false\n'), ['1:1-1:8 missing-property missing required property `calendar` in `document`']);
});
