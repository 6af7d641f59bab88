// Two OpenSLO objects of the same kind, or two manifests, with the same name: tools that
// load them keep one and silently drop the other. Each copy points at the others.

import type { WorkspaceRule } from '../types';
import { describeOthers, relatedOf } from './duplicates';

export const rule: WorkspaceRule = {
  id: 'duplicate-name',
  defaultSeverity: 'error',
  perObject: true,
  description: 'Two objects of the same kind share a name across the workspace.',
  check({ uri, entities, index, report }) {
    for (const entity of entities) {
      if (entity.family === 'sloth' || entity.name === '') continue;
      const others = index.find(entity.kind, entity.name, [entity.family]).filter((e) => e !== entity);
      if (others.length === 0) continue;
      report(entity.range, `${entity.kind} \`${entity.name}\` is defined more than once: ${describeOthers(others, uri)}`, { related: relatedOf(others, `another ${entity.kind} \`${entity.name}\``) });
    }
  },
};
