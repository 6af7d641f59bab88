import type { RuleMeta } from '../../types';

/** Reported by schema/custom-check.ts on the `.prr.yaml` entry that names the schema. */
export const rule: RuleMeta = {
  id: 'custom-schema',
  defaultSeverity: 'error',
  description: 'A custom schema named in `.prr.yaml` (`schemas:`) cannot be used: missing, unreadable, not a valid JSON Schema, remote, looping on its own `$ref`s, or with a regex that cannot be matched in linear time (backreferences, lookaround).',
};
