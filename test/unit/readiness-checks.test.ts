// Every readiness check, one case table: a manifest that passes it, one that fails it (and
// the place the failure points at), the failing one with an active exemption (exempt) and
// with an expired one (fails again, and says so), and for dated checks a date past its age.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { READINESS_CHECKS } from '../../server/src/service';
import { checkOf, manifestWith, runbook, serviceOf, slothSlo, textAt } from './readiness-helpers';

interface Case {
  pass: string;
  fail: string;
  /** The text the failure's location covers (in the manifest, or in `failIn`). */
  failAt: string;
  failIn?: string;
  /** Other files of the workspace. */
  files?: Record<string, string>;
  /** Spec lines whose date is older than the check's age limit. */
  stale?: string;
}

const RB = { 'runbooks/A.md': runbook(), 'runbooks/Old.md': runbook('2026-01-02'), 'runbooks/Thin.md': runbook('2026-11-01', ['Meaning', 'Mitigation']) };
const on = (path: string, leaf: string) => {
  const keys = path.split('.');
  return keys.map((k, i) => `${'  '.repeat(i + 1)}${k}:${i === keys.length - 1 ? ` ${leaf}` : ''}`).join('\n');
};

const CASES: Record<string, Case> = {
  'manifest-valid': { pass: '', fail: '  lifecyle: production', failAt: 'lifecyle' },
  'ownership-owner': { pass: '', fail: '  owner: ""', failAt: '""' },
  'ownership-on-call': { pass: on('ownership.onCall.rotation', 'primary'), fail: on('ownership.slackChannel', '"#a"'), failAt: 'ownership' },
  'ownership-escalation': { pass: on('ownership.onCall.escalation', 'secondary'), fail: on('ownership.onCall.rotation', 'primary'), failAt: 'onCall' },
  'ownership-contact': { pass: on('ownership.email', 'a@example.com'), fail: on('ownership.onCall.rotation', 'primary'), failAt: 'ownership' },
  'slo-defined': { pass: '  slos:\n    - ref: svc-availability', fail: '', failAt: 'spec', files: { 'slos/svc.yaml': slothSlo('svc-availability') } },
  'slo-valid': { pass: '  slos:\n    - ref: svc-availability', fail: '  slos:\n    - ref: nope', failAt: 'nope', files: { 'slos/svc.yaml': slothSlo('svc-availability') } },
  'alerts-defined': { pass: '  alerts:\n    - { name: A, severity: ticket, runbook: runbooks/A.md }', fail: '', failAt: 'spec', files: RB },
  'alerts-paging-runbooks': { pass: '  alerts:\n    - { name: A, severity: page, runbook: runbooks/A.md }', fail: '  alerts:\n    - { name: A, severity: page, runbook: runbooks/Thin.md }', failAt: '# Alert', failIn: 'runbooks/Thin.md', files: RB },
  'alerts-runbooks': { pass: '  alerts:\n    - { name: A, severity: ticket, runbook: runbooks/A.md }', fail: '  alerts:\n    - { name: A, severity: info, runbook: runbooks/Gone.md }', failAt: 'runbooks/Gone.md', files: RB },
  'runbooks-exist': { pass: '  runbooks: [runbooks/A.md]', fail: '  runbooks: [runbooks/A.md, runbooks/Gone.md]', failAt: 'runbooks/Gone.md', files: RB },
  'runbooks-reviewed': { pass: '  runbooks: [runbooks/A.md]', fail: '  runbooks: [runbooks/A.md, runbooks/Old.md]', failAt: '2026-01-02', failIn: 'runbooks/Old.md', files: RB, stale: '  runbooks: [runbooks/Old.md]' },
  'release-versioned-artifacts': { pass: '  release:\n    artifacts: { versioning: semver, immutable: true }', fail: '  release:\n    artifacts: { versioning: semver, immutable: false }', failAt: 'false' },
  'release-gated-pipeline': { pass: on('release.pipeline.gated', 'true'), fail: on('release.pipeline.gated', 'false'), failAt: 'false' },
  'release-safe-strategy': { pass: on('release.strategy', 'canary'), fail: on('release.strategy', 'recreate'), failAt: 'recreate' },
  'release-rollback-procedure': { pass: on('release.rollback.procedure', 'runbooks/A.md'), fail: on('release.rollback.procedure', 'runbooks/Gone.md'), failAt: 'runbooks/Gone.md', files: RB },
  'release-rollback-tested': { pass: on('release.rollback.lastTested', '2026-10-01'), fail: on('release.rollback.automated', 'true'), failAt: 'rollback', stale: on('release.rollback.lastTested', '2026-05-01') },
  'release-feature-flags': { pass: on('release.featureFlags.used', 'true'), fail: on('release.featureFlags.tool', 'flagd'), failAt: 'featureFlags' },
  'infrastructure-as-code': { pass: '  infrastructure: { tool: terraform, path: deploy }', fail: on('infrastructure.tool', 'terraform'), failAt: 'infrastructure' },
  'infrastructure-environment-parity': { pass: '  infrastructure:\n    environments:\n      - { name: staging, parityNotes: smaller }\n      - { name: production }', fail: '  infrastructure:\n    environments:\n      - name: staging\n      - name: production', failAt: 'name' },
  'observability-dashboards': { pass: '  observability:\n    dashboards: [https://grafana.example.com/d/a]', fail: on('observability.metrics.tool', 'prometheus'), failAt: 'observability' },
  'observability-logs': { pass: '  observability:\n    logs: { tool: loki, structured: true }', fail: '  observability:\n    logs: { tool: loki, structured: false }', failAt: 'false' },
  'observability-metrics': { pass: on('observability.metrics.tool', 'prometheus'), fail: on('observability.tracing.tool', 'tempo'), failAt: 'observability' },
  'observability-tracing': { pass: on('observability.tracing.tool', 'tempo'), fail: on('observability.metrics.tool', 'prometheus'), failAt: 'observability' },
  'security-review': { pass: on('security.review.date', '2026-06-01'), fail: on('security.review.link', 'https://wiki.example.com/r'), failAt: 'review', stale: on('security.review.date', '2025-06-01') },
  'security-threat-model': { pass: on('security.threatModel.date', '2026-06-01'), fail: on('security.review.date', '2026-06-01'), failAt: 'security', stale: on('security.threatModel.date', '2025-06-01') },
  'security-dependency-scanning': { pass: on('security.dependencyScanning.enabled', 'true'), fail: on('security.dependencyScanning.enabled', 'false'), failAt: 'false' },
  'security-secrets-manager': { pass: on('security.secrets.manager', 'vault'), fail: on('security.secrets.rotation', '90d'), failAt: 'secrets' },
  'security-pentest': { pass: on('security.pentest.date', '2026-06-01'), fail: '', failAt: 'spec', stale: on('security.pentest.date', '2025-06-01') },
  'data-classification': { pass: '  data: { classification: internal, pii: false }', fail: on('data.classification', 'internal'), failAt: 'data' },
  'data-retention': { pass: on('data.retention', '400d'), fail: on('data.pii', 'false'), failAt: 'data' },
  'data-backups': { pass: '  data:\n    backups: { enabled: true, rpo: 15m, rto: 4h }', fail: '  data:\n    backups: { enabled: true, rpo: 15m }', failAt: 'backups' },
  'data-restore-tested': { pass: on('data.backups.restoreTested', '2026-09-01'), fail: on('data.backups.enabled', 'true'), failAt: 'backups', stale: on('data.backups.restoreTested', '2026-01-01') },
  'data-quality-checks': { pass: on('data.qualityChecks.enabled', 'true'), fail: on('data.qualityChecks.tool', 'soda'), failAt: 'qualityChecks' },
  'data-lineage': { pass: on('data.lineage', 'https://datahub.example.com/svc'), fail: on('data.pii', 'true'), failAt: 'data' },
  'ml-model-registry': { pass: on('ml.registry', 'mlflow'), fail: on('ml.retraining.automated', 'true'), failAt: 'ml' },
  'ml-drift-monitoring': { pass: on('ml.driftMonitoring.enabled', 'true'), fail: on('ml.registry', 'mlflow'), failAt: 'ml' },
  'ml-retraining': { pass: on('ml.retraining.cadence', '30d'), fail: on('ml.retraining.automated', 'true'), failAt: 'retraining' },
  'ml-fairness-review': { pass: on('ml.fairnessReview.date', '2026-06-01'), fail: on('ml.registry', 'mlflow'), failAt: 'ml', stale: on('ml.fairnessReview.date', '2025-06-01') },
  'cost-budget': { pass: '  cost: { monthlyBudget: 100, owner: team-a }', fail: on('cost.monthlyBudget', '100'), failAt: 'cost' },
  'cost-alerts': { pass: on('cost.alerts', 'true'), fail: on('cost.alerts', 'false'), failAt: 'false' },
  'incidents-postmortems': { pass: on('incidents.postmortemProcess', 'https://wiki.example.com/pm'), fail: on('incidents.postmortemTemplate', 'https://wiki.example.com/t'), failAt: 'incidents' },
  'capacity-load-test': { pass: on('capacity.loadTest.date', '2026-06-01'), fail: on('capacity.autoscaling', 'true'), failAt: 'capacity', stale: on('capacity.loadTest.date', '2025-06-01') },
  'capacity-peak-plan': { pass: on('capacity.autoscaling', 'true'), fail: on('capacity.autoscaling', 'false'), failAt: 'capacity' },
  'resilience-health-checks': { pass: '  resilience:\n    healthChecks: { liveness: /healthz, readiness: /readyz }', fail: on('resilience.healthChecks.liveness', '/healthz'), failAt: 'healthChecks' },
  'resilience-circuit-breakers': { pass: on('resilience.circuitBreakers', 'true'), fail: on('resilience.circuitBreakers', 'false'), failAt: 'false' },
  'resilience-graceful-degradation': { pass: on('resilience.gracefulDegradation', 'cached prices'), fail: on('resilience.circuitBreakers', 'true'), failAt: 'resilience' },
  'resilience-chaos-test': { pass: on('resilience.chaosTest.date', '2026-06-01'), fail: on('resilience.chaosTest.link', 'https://wiki.example.com/g'), failAt: 'chaosTest', stale: on('resilience.chaosTest.date', '2025-06-01') },
  'dependencies-fallbacks': { pass: '  dependencies:\n    - { name: db, critical: true, fallback: replica }', fail: '  dependencies:\n    - { name: db, critical: true }\n    - { name: cache, critical: false }', failAt: 'db' },
};

const exemption = (id: string, expires: string) => `  exemptions:\n    - { check: ${id}, reason: planned for Q1, expires: ${expires}, approvedBy: prr-board }`;

test('the case table covers every check in the registry', () => {
  assert.deepEqual(Object.keys(CASES).sort(), READINESS_CHECKS.map((c) => c.id).sort());
});

for (const check of READINESS_CHECKS) {
  const c = CASES[check.id];
  test(`${check.id}: pass, fail (with its location and remedy), exempt, expired exemption${c.stale ? ', stale date' : ''}`, () => {
    const files = c.files ?? {};
    const passed = checkOf(serviceOf(c.pass, files), check.id);
    assert.equal(passed.status, 'pass', passed.message);
    assert.equal(passed.remedy, undefined);

    const failed = checkOf(serviceOf(c.fail, files), check.id);
    assert.equal(failed.status, 'fail', failed.message);
    assert.ok(failed.remedy && failed.remedy.length > 0);
    const failText = c.failIn ? files[c.failIn] : manifestWith(c.fail);
    assert.equal(failed.location.path, c.failIn ?? 'svc.readiness.yaml');
    assert.equal(textAt(failText, failed.location.range), c.failAt, `${check.id} fails at ${JSON.stringify(failed.location.range)}`);

    const exempt = serviceOf(`${c.fail}\n${exemption(check.id, '2027-01-31')}`, files);
    const exempted = checkOf(exempt, check.id);
    assert.equal(exempted.status, 'exempt');
    assert.deepEqual({ ...exempted.exemption, location: undefined }, { reason: 'planned for Q1', expires: '2027-01-31', approvedBy: 'prr-board', expired: false, location: undefined });
    assert.ok(!exempt.blocking.includes(check.id));

    const expired = checkOf(serviceOf(`${c.fail}\n${exemption(check.id, '2026-11-30')}`, files), check.id);
    assert.equal(expired.status, 'fail');
    assert.equal(expired.exemption?.expired, true);
    assert.match(expired.message, /\(the exemption expired 2026-11-30\)$/);

    if (c.stale) {
      const stale = checkOf(serviceOf(c.stale, files), check.id);
      assert.equal(stale.status, 'fail', `${check.id} with a stale date`);
      assert.match(stale.message, /stale|days ago/);
    }
  });
}

test('an exemption holds through its expiry day and counts neither as pass nor fail', () => {
  const onTheDay = serviceOf(`${CASES['cost-alerts'].fail}\n${exemption('cost-alerts', '2026-12-01')}`);
  assert.equal(checkOf(onTheDay, 'cost-alerts').status, 'exempt');
  assert.equal(onTheDay.counts.exempt, 1);
});

test('ML checks do not apply to a service without models; critical-dependency fallbacks without critical dependencies', () => {
  const service = serviceOf('');
  for (const id of ['ml-model-registry', 'ml-drift-monitoring', 'ml-retraining', 'ml-fairness-review', 'dependencies-fallbacks', 'slo-valid', 'alerts-paging-runbooks', 'alerts-runbooks', 'runbooks-exist', 'runbooks-reviewed']) {
    assert.equal(checkOf(service, id).status, 'n/a', id);
  }
});

test('exemption notes: one for a check that does not exist, one that is no longer needed', () => {
  const service = serviceOf(`${on('cost.alerts', 'true')}\n  exemptions:\n    - { check: cost-alert, reason: typo, expires: 2027-01-01 }\n    - { check: cost-alerts, reason: old, expires: 2027-01-01 }`);
  assert.deepEqual(service.notes, ['the exemption for `cost-alert` names no readiness check', 'the exemption for `cost-alerts` is no longer needed: the check passes']);
  assert.equal(checkOf(service, 'cost-alerts').status, 'pass');
});
