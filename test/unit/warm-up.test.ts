// The idle warm-up runs between real checks, one step at a time: a real file checked between
// any two steps (or after the last) must get exactly the findings it gets from an engine that
// never warmed up — the warm-up's objects never reach another file's cross-file rules.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from '../../server/src/service/index';

// Names what the warm-up files declare (an SLI `warm-up-0-requests`, a policy `warm-up-1-burn`),
// so a leaked warm-up object would resolve a reference that must stay unresolved.
const REAL = {
  uri: 'file:///ws/slos.yaml',
  text: [
    'apiVersion: openslo/v1',
    'kind: SLO',
    'metadata:',
    '  name: real',
    'spec:',
    '  service: warm-up',
    '  indicatorRef: warm-up-0-requests',
    '  budgetingMethod: Occurrences',
    '  timeWindow:',
    '    - duration: 28d',
    '      isRolling: true',
    '  objectives:',
    '    - target: 0.99',
    '  alertPolicies:',
    '    - alertPolicyRef: warm-up-1-burn',
    '',
  ].join('\n'),
};

test('the idle warm-up leaves nothing behind that a real check could see, between any two steps', () => {
  const cold = createEngine({});
  cold.setFile(REAL);
  const expected = cold.check(REAL);
  assert.ok(expected.filter((f) => f.ruleId === 'unresolved-reference').length >= 2, JSON.stringify(expected.map((f) => f.message)));

  const warming = createEngine({});
  warming.warmUp();
  warming.setFile(REAL);
  const steps = warming.idleWarmUp();
  let taken = 0;
  for (;;) {
    assert.deepEqual(warming.check(REAL), expected, `after step ${taken}`);
    if (steps.next().done) break;
    taken++;
  }
  assert.ok(taken >= 5, `only ${taken} steps`);
  assert.deepEqual(warming.check(REAL), expected);
  assert.deepEqual(warming.report().services.map((s) => s.name), cold.report().services.map((s) => s.name));
});
