// Every readiness check, in report order (by category). Adding a check is adding a file
// under checks/, a line here, a row in docs/checks.md and a test; no file-system discovery.

import { check as manifestValid } from './checks/manifest-valid';
import { check as ownershipOwner } from './checks/ownership-owner';
import { check as ownershipOnCall } from './checks/ownership-on-call';
import { check as ownershipEscalation } from './checks/ownership-escalation';
import { check as ownershipContact } from './checks/ownership-contact';
import { check as sloDefined } from './checks/slo-defined';
import { check as sloValid } from './checks/slo-valid';
import { check as alertsDefined } from './checks/alerts-defined';
import { check as alertsPagingRunbooks } from './checks/alerts-paging-runbooks';
import { check as alertsRunbooks } from './checks/alerts-runbooks';
import { check as runbooksExist } from './checks/runbooks-exist';
import { check as runbooksReviewed } from './checks/runbooks-reviewed';
import { check as releaseVersionedArtifacts } from './checks/release-versioned-artifacts';
import { check as releaseGatedPipeline } from './checks/release-gated-pipeline';
import { check as releaseSafeStrategy } from './checks/release-safe-strategy';
import { check as releaseRollbackProcedure } from './checks/release-rollback-procedure';
import { check as releaseRollbackTested } from './checks/release-rollback-tested';
import { check as releaseFeatureFlags } from './checks/release-feature-flags';
import { check as infrastructureAsCode } from './checks/infrastructure-as-code';
import { check as infrastructureEnvironmentParity } from './checks/infrastructure-environment-parity';
import { check as observabilityDashboards } from './checks/observability-dashboards';
import { check as observabilityLogs } from './checks/observability-logs';
import { check as observabilityMetrics } from './checks/observability-metrics';
import { check as observabilityTracing } from './checks/observability-tracing';
import { check as securityReview } from './checks/security-review';
import { check as securityThreatModel } from './checks/security-threat-model';
import { check as securityDependencyScanning } from './checks/security-dependency-scanning';
import { check as securitySecretsManager } from './checks/security-secrets-manager';
import { check as securityPentest } from './checks/security-pentest';
import { check as dataClassification } from './checks/data-classification';
import { check as dataRetention } from './checks/data-retention';
import { check as dataBackups } from './checks/data-backups';
import { check as dataRestoreTested } from './checks/data-restore-tested';
import { check as dataQualityChecks } from './checks/data-quality-checks';
import { check as dataLineage } from './checks/data-lineage';
import { check as mlModelRegistry } from './checks/ml-model-registry';
import { check as mlDriftMonitoring } from './checks/ml-drift-monitoring';
import { check as mlRetraining } from './checks/ml-retraining';
import { check as mlFairnessReview } from './checks/ml-fairness-review';
import { check as costBudget } from './checks/cost-budget';
import { check as costAlerts } from './checks/cost-alerts';
import { check as incidentsPostmortems } from './checks/incidents-postmortems';
import { check as capacityLoadTest } from './checks/capacity-load-test';
import { check as capacityPeakPlan } from './checks/capacity-peak-plan';
import { check as resilienceHealthChecks } from './checks/resilience-health-checks';
import { check as resilienceCircuitBreakers } from './checks/resilience-circuit-breakers';
import { check as resilienceGracefulDegradation } from './checks/resilience-graceful-degradation';
import { check as resilienceChaosTest } from './checks/resilience-chaos-test';
import { check as dependenciesFallbacks } from './checks/dependencies-fallbacks';
import type { ReadinessCheck } from './types';

export const READINESS_CHECKS: readonly ReadinessCheck[] = [
  manifestValid,
  ownershipOwner,
  ownershipOnCall,
  ownershipEscalation,
  ownershipContact,
  sloDefined,
  sloValid,
  alertsDefined,
  alertsPagingRunbooks,
  alertsRunbooks,
  runbooksExist,
  runbooksReviewed,
  releaseVersionedArtifacts,
  releaseGatedPipeline,
  releaseSafeStrategy,
  releaseRollbackProcedure,
  releaseRollbackTested,
  releaseFeatureFlags,
  infrastructureAsCode,
  infrastructureEnvironmentParity,
  observabilityDashboards,
  observabilityLogs,
  observabilityMetrics,
  observabilityTracing,
  securityReview,
  securityThreatModel,
  securityDependencyScanning,
  securitySecretsManager,
  securityPentest,
  dataClassification,
  dataRetention,
  dataBackups,
  dataRestoreTested,
  dataQualityChecks,
  dataLineage,
  mlModelRegistry,
  mlDriftMonitoring,
  mlRetraining,
  mlFairnessReview,
  costBudget,
  costAlerts,
  incidentsPostmortems,
  capacityLoadTest,
  capacityPeakPlan,
  resilienceHealthChecks,
  resilienceCircuitBreakers,
  resilienceGracefulDegradation,
  resilienceChaosTest,
  dependenciesFallbacks,
];
