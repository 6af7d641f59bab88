// The JSON Schemas that ship in the package, bundled into the engine so that no
// schema is ever fetched.

import readinessV1 from '../../../../schemas/readiness-v1.schema.json';
import opensloV1 from '../../../../schemas/openslo-v1.schema.json';
import opensloV1alpha from '../../../../schemas/openslo-v1alpha.schema.json';
import slothPrometheusV1 from '../../../../schemas/sloth-prometheus-v1.schema.json';
import slothK8sV1 from '../../../../schemas/sloth-k8s-v1.schema.json';
import runbookFrontmatterV1 from '../../../../schemas/runbook-frontmatter-v1.schema.json';
import prrConfigV1 from '../../../../schemas/prr-config-v1.schema.json';
import type { SchemaSet } from './validators';

export const SHIPPED_SCHEMAS: SchemaSet = [readinessV1, opensloV1, opensloV1alpha, slothPrometheusV1, slothK8sV1, runbookFrontmatterV1, prrConfigV1];
