// Every rule the engine knows, listed explicitly (bundler-friendly, no discovery).
// RULES holds them all (for docs, severities and `prr rules`); OBJECT_RULES and
// WORKSPACE_RULES are the ones with checks of their own. Schema-mapped rules are found
// by the schema mapper.

import type { RuleMeta } from '../types';
import type { BudgetRule, ObjectRule, WorkspaceRule } from './types';
import type { RunbookRule } from '../runbook/types';
import { rule as runbookNotFound } from './workspace/runbook-not-found';
import { rule as frontmatterUnknownKey } from './runbook/frontmatter-unknown-key';
import { rule as runbookMissingSection } from './runbook/runbook-missing-section';
import { rule as runbookEmptySection } from './runbook/runbook-empty-section';
import { rule as runbookPlaceholder } from './runbook/runbook-placeholder';
import { rule as runbookNoTitle } from './runbook/runbook-no-title';
import { rule as runbookStaleReview } from './runbook/runbook-stale-review';
import { rule as runbookBrokenLink } from './runbook/runbook-broken-link';
import { rule as runbookMitigationNoSteps } from './runbook/runbook-mitigation-no-steps';
import { rule as runbookDuplicateSection } from './runbook/runbook-duplicate-section';
import { rule as yamlSyntax } from './yaml/yaml-syntax';
import { rule as duplicateKey } from './yaml/duplicate-key';
import { rule as yamlAliasLimit } from './yaml/yaml-alias-limit';
import { rule as binaryFile } from './yaml/binary-file';
import { rule as fileTooLarge } from './limits/file-too-large';
import { rule as documentTooComplex } from './limits/document-too-complex';
import { rule as tooManyFindings } from './limits/too-many-findings';
import { rule as unknownProperty } from './schema/unknown-property';
import { rule as missingProperty } from './schema/missing-property';
import { rule as invalidType } from './schema/invalid-type';
import { rule as invalidEnum } from './schema/invalid-enum';
import { rule as invalidFormat } from './schema/invalid-format';
import { rule as invalidValue } from './schema/invalid-value';
import { rule as unsupportedVersion } from './schema/unsupported-version';
import { rule as internalError } from './internal-error';
import { rule as unusedSuppression } from './suppression/unused-suppression';
import { rule as unresolvedReference } from './workspace/unresolved-reference';
import { rule as missingService } from './workspace/missing-service';
import { rule as duplicateName } from './workspace/duplicate-name';
import { rule as opensloObjectiveOpValue } from './openslo/openslo-objective-op-value';
import { rule as slothUnknownKey } from './sloth/sloth-unknown-key';
import { rule as slothDuplicateId } from './sloth/sloth-duplicate-id';
import { rule as slothOpensloWindow } from './sloth/sloth-openslo-window';
import { rule as opensloTimeZone } from './openslo/openslo-time-zone';
import { rule as opensloNoErrorBudget } from './openslo/openslo-no-error-budget';
import { rule as slothWindowPlaceholder } from './sloth/sloth-window-placeholder';
import { rule as slothSameQueries } from './sloth/sloth-same-queries';
import { rule as sloAlertAfterBudget } from './budget/slo-alert-after-budget';
import { rule as sloPageSlowBurn } from './budget/slo-page-slow-burn';
import { rule as sloLookbackExceedsWindow } from './budget/slo-lookback-exceeds-window';
import { rule as sloBudgetTooSmall } from './budget/slo-budget-too-small';
import { rule as customSchema } from './config/custom-schema';

export const OBJECT_RULES: readonly ObjectRule[] = [opensloTimeZone, opensloNoErrorBudget, slothWindowPlaceholder, slothSameQueries, slothOpensloWindow];

export const WORKSPACE_RULES: readonly WorkspaceRule[] = [unresolvedReference, missingService, duplicateName, opensloObjectiveOpValue, slothDuplicateId, runbookNotFound];

/** Rules on the error-budget arithmetic (configuration and clock dependent, so run at check time). */
export const BUDGET_RULES: readonly BudgetRule[] = [sloAlertAfterBudget, sloPageSlowBurn, sloLookbackExceedsWindow, sloBudgetTooSmall];

export const RUNBOOK_RULES: readonly RunbookRule[] = [
  runbookMissingSection,
  runbookEmptySection,
  runbookPlaceholder,
  runbookNoTitle,
  runbookStaleReview,
  runbookBrokenLink,
  runbookMitigationNoSteps,
  runbookDuplicateSection,
];

const SCHEMA_AND_SYNTAX_RULES: readonly RuleMeta[] = [
  yamlSyntax,
  duplicateKey,
  yamlAliasLimit,
  binaryFile,
  fileTooLarge,
  documentTooComplex,
  tooManyFindings,
  unknownProperty,
  missingProperty,
  invalidType,
  invalidEnum,
  invalidFormat,
  invalidValue,
  unsupportedVersion,
  customSchema,
  slothUnknownKey,
  frontmatterUnknownKey,
  internalError,
  unusedSuppression,
];

export const RULES: readonly RuleMeta[] = [...SCHEMA_AND_SYNTAX_RULES, ...OBJECT_RULES, ...WORKSPACE_RULES, ...BUDGET_RULES, ...RUNBOOK_RULES];
