// Sloth names each SLO `<service>-<name>` and generates recording rules from that ID;
// two SLOs with one ID produce clashing rules. Each copy points at the others.

import type { WorkspaceRule } from '../types';
import { describeOthers, relatedOf } from '../workspace/duplicates';

export const rule: WorkspaceRule = {
  id: 'sloth-duplicate-id',
  defaultSeverity: 'error',
  perObject: true,
  description: 'Two Sloth SLOs share the ID `<service>-<name>` across the workspace.',
  check({ uri, entities, index, report }) {
    for (const entity of entities) {
      if (entity.family !== 'sloth' || entity.id === undefined) continue;
      const others = index.withId('sloth', entity.id).filter((e) => e !== entity);
      if (others.length === 0) continue;
      report(entity.range, `Sloth SLO ID \`${entity.id}\` is used more than once: ${describeOthers(others, uri)}; Sloth would generate clashing recording rules`, { related: relatedOf(others, `another SLO with ID \`${entity.id}\``) });
    }
  },
};
