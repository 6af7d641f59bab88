// A reference (indicatorRef, alertPolicyRef, conditionRef, targetRef, metricSourceRef,
// an SLO's service, a manifest's SLO) must name an object that exists in the workspace — in
// the file the reference names, when it names one (a manifest's `slos[].file`).

import type { Family } from '../../entities/types';
import { nearest } from '../../schema/suggest';
import type { WorkspaceRule } from '../types';
import { relativePath, resolveWrittenPath } from '../../uri';

/** A manifest refers to SLOs of either format; OpenSLO objects refer only to OpenSLO objects. */
const TARGET_FAMILIES: Record<Family, readonly Family[]> = { manifest: ['openslo', 'sloth'], openslo: ['openslo'], sloth: ['sloth'] };

export const rule: WorkspaceRule = {
  id: 'unresolved-reference',
  defaultSeverity: 'error',
  perObject: true,
  description: 'A reference names an object that exists nowhere in the workspace.',
  check({ entities, index, report }) {
    for (const entity of entities) {
      const families = TARGET_FAMILIES[entity.family];
      for (const ref of entity.refs) {
        if (ref.targetKind === 'Runbook') continue; // files, not objects: `runbook-not-found`
        const found = index.find(ref.targetKind, ref.name, families);
        if (ref.file !== undefined && found.length > 0) {
          const target = resolveWrittenPath(ref.file, entity.uri);
          if (found.some((e) => e.uri === target)) continue;
          const where = [...new Set(found.map((e) => relativePath(entity.uri, e.uri)))].join(', ');
          report(ref.range, `\`${ref.via}\` refers to ${ref.targetKind} \`${ref.name}\` in \`${ref.file}\`, which does not define it; it is defined in ${where}`);
          continue;
        }
        if (found.length > 0) continue;
        // Many teams never write Service objects; that case is `missing-service`, a warning.
        if (ref.targetKind === 'Service' && !index.hasKind('openslo', 'Service')) continue;
        const hint = suggestion(ref.name, index.namesOf(ref.targetKind, families));
        report(ref.range, `\`${ref.via}\` refers to ${ref.targetKind} \`${ref.name}\`, which is not defined anywhere in the workspace${hint}`);
      }
    }
  },
};

function suggestion(name: string, candidates: readonly string[]): string {
  const match = nearest(name, candidates);
  return match ? ` — did you mean \`${match}\`?` : '';
}
