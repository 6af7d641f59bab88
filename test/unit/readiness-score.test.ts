// The report's arithmetic on hand-computed cases: score, level and blocking, first on
// judged checks directly, then through the engine with `.prr.yaml` overrides (weights,
// levels, blocking tiers, checks turned off, ages).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blockingOf, levelOf, scoreOf, type Judged } from '../../server/src/service/readiness/score';
import { READINESS_CHECKS, type ConfigData } from '../../server/src/service';
import { checkOf, serviceOf } from './readiness-helpers';

const judged = (id: string, status: Judged['status'], weight: number, level: Judged['level'], blocksAtTiers: number[] = []): Judged => ({ id, status, weight, level, blocksAtTiers });

test('score = ⌊100 × Σ passed weight / Σ passed and failed weight⌋; exempt and n/a count on neither side', () => {
  // 3 passed of 3 + 2 counted: 60; the exempt 3 and the n/a 1 do not count.
  assert.equal(scoreOf([judged('a', 'pass', 3, 'bronze'), judged('b', 'fail', 2, 'bronze'), judged('c', 'exempt', 3, 'silver'), judged('d', 'n/a', 1, 'gold')]), 60);
  // 2 of 3: 66.67 rounds down to 66 (a gate of 67 must not pass).
  assert.equal(scoreOf([judged('a', 'pass', 2, 'bronze'), judged('b', 'fail', 1, 'gold')]), 66);
  // 1 of 3 is 33; 5 of 6 is 83.
  assert.equal(scoreOf([judged('a', 'pass', 1, 'bronze'), judged('b', 'fail', 2, 'silver')]), 33);
  assert.equal(scoreOf([judged('a', 'pass', 3, 'bronze'), judged('b', 'pass', 2, 'silver'), judged('c', 'fail', 1, 'gold')]), 83);
  // Nothing counts: nothing failed.
  assert.equal(scoreOf([judged('a', 'n/a', 3, 'bronze'), judged('b', 'exempt', 2, 'gold')]), 100);
  assert.equal(scoreOf([]), 100);
});

test('level = the highest level with no failed check at it or below', () => {
  const all = (statuses: Record<'bronze' | 'silver' | 'gold', Judged['status']>) =>
    levelOf([judged('b', statuses.bronze, 1, 'bronze'), judged('s', statuses.silver, 1, 'silver'), judged('g', statuses.gold, 1, 'gold')]);
  assert.equal(all({ bronze: 'pass', silver: 'pass', gold: 'pass' }), 'gold');
  assert.equal(all({ bronze: 'pass', silver: 'pass', gold: 'fail' }), 'silver');
  assert.equal(all({ bronze: 'pass', silver: 'fail', gold: 'pass' }), 'bronze');
  assert.equal(all({ bronze: 'fail', silver: 'pass', gold: 'pass' }), 'none');
  // Exempt and n/a checks do not hold a level back.
  assert.equal(all({ bronze: 'exempt', silver: 'n/a', gold: 'pass' }), 'gold');
});

test('blocked = a failed check that blocks at the tier; no valid tier means the rules of tier 1', () => {
  const checks = [judged('owner', 'fail', 3, 'bronze', [1, 2]), judged('slo', 'fail', 3, 'bronze', [1]), judged('dash', 'pass', 2, 'bronze', [1, 2, 3]), judged('lineage', 'exempt', 1, 'gold', [1])];
  assert.deepEqual(blockingOf(checks, 1), ['owner', 'slo']);
  assert.deepEqual(blockingOf(checks, 2), ['owner']);
  assert.deepEqual(blockingOf(checks, 3), []);
  assert.deepEqual(blockingOf(checks, undefined), ['owner', 'slo']);
});

/** Every check off except these, so a service's score is small enough to compute by hand. */
function only(ids: string[], more: ConfigData['readiness'] = {}): ConfigData {
  const checks: Record<string, object> = Object.fromEntries(READINESS_CHECKS.map((c) => [c.id, { enabled: ids.includes(c.id) }]));
  for (const [id, override] of Object.entries(more.checks ?? {})) checks[id] = { ...checks[id], ...override };
  return { readiness: { ...more, checks } };
}

const SPEC = ['  security:', '    review: { date: 2026-10-01 }', '  cost: { alerts: false }'].join('\n');

test('through the engine: owner (3, bronze) passes, cost-alerts (1, gold) fails, security-review (3, silver) passes → 85, Silver', () => {
  const service = serviceOf(SPEC, {}, { config: only(['ownership-owner', 'cost-alerts', 'security-review']) });
  assert.deepEqual(service.checks.map((c) => [c.id, c.status]), [['ownership-owner', 'pass'], ['security-review', 'pass'], ['cost-alerts', 'fail']]);
  assert.equal(service.score, Math.floor((6 * 100) / 7)); // 85
  assert.equal(service.level, 'silver');
  assert.equal(service.blocked, false);
});

test('overrides: a weight, a level, blocking tiers and an age from .prr.yaml change the arithmetic', () => {
  const config = only(['ownership-owner', 'cost-alerts', 'security-review'], {
    checks: { 'cost-alerts': { weight: 3, level: 'bronze', blocksAtTiers: [2] } },
    staleAfterDays: { securityReview: 30 },
  });
  const service = serviceOf(SPEC, {}, { config });
  // security-review is now stale (61 days > 30): passed 3 of 3 + 3 + 3.
  assert.equal(checkOf(service, 'security-review').status, 'fail');
  assert.match(checkOf(service, 'security-review').message, /61 days ago, more than 30/);
  assert.equal(service.score, 33);
  assert.equal(service.level, 'none'); // cost-alerts is Bronze now
  assert.deepEqual(service.blocking, ['cost-alerts']); // tier 2 blocks on it now
  assert.equal(checkOf(service, 'cost-alerts').weight, 3);
  assert.equal(checkOf(service, 'cost-alerts').blocking, true);
});

test('an exemption takes its check out of the score: cost-alerts exempt → 100, Gold', () => {
  const spec = `${SPEC}\n  exemptions:\n    - { check: cost-alerts, reason: budget tool in Q1, expires: 2027-02-01 }`;
  const service = serviceOf(spec, {}, { config: only(['ownership-owner', 'cost-alerts', 'security-review']) });
  assert.equal(service.score, 100);
  assert.equal(service.level, 'gold');
  assert.deepEqual(service.counts, { pass: 2, fail: 0, exempt: 1, notApplicable: 0 });
});

test('the default catalogue at tier 1: an empty manifest is blocked by the five tier-1 essentials', () => {
  const service = serviceOf('  tier: 1\n  owner: team-a');
  assert.deepEqual(service.blocking, ['ownership-on-call', 'slo-defined', 'release-rollback-procedure']);
  // Only on-call, SLO and rollback are missing; the owner is there, and there are no alerts or SLO references to judge.
  assert.equal(service.level, 'none');
  assert.equal(serviceOf('  tier: 3\n  owner: team-a').blocked, false);
});
