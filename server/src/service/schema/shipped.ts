// The JSON Schemas that ship in the package, bundled into the engine so that no
// schema is ever fetched.

import readinessV1 from '../../../../schemas/readiness-v1.schema.json';
import type { SchemaSet } from './validators';

export const SHIPPED_SCHEMAS: SchemaSet = [readinessV1];
