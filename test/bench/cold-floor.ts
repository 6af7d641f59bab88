// The floor as a fresh process pays it: `node --import tsx cold-floor.ts FILE` loads yaml and
// compiles the OpenSLO validators (as prr does before it says it is ready), then times one
// parse + toJS + validation of FILE — code that has never run, as in a server that has just
// started — and prints the milliseconds. lsp.ts sets it next to "prr at start"; the in-process
// floor it measures itself has run many times and is compiled by the JIT.

import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { Validators } from '../../server/src/service/schema/validators';
import { SHIPPED_SCHEMAS } from '../../server/src/service/schema/shipped';

const KINDS = ['Service', 'SLO', 'SLI', 'AlertPolicy', 'AlertCondition', 'AlertNotificationTarget', 'DataSource'];

const text = readFileSync(process.argv[2], 'utf8');
const validators = new Validators(SHIPPED_SCHEMAS);
const validator = (kind: unknown) => validators.get(`https://prr.dev/schemas/openslo-v1.schema.json#/definitions/${String(kind)}`);
for (const kind of KINDS) validator(kind);
const start = performance.now();
for (const doc of parseAllDocuments(text)) {
  const value = doc.toJS() as { kind?: unknown };
  validator(value.kind)(value);
}
process.stdout.write(`${performance.now() - start}\n`);
