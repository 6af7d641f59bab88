// An OpenSLO SLO names its service; when the workspace has no Service object at all
// this is only a warning, since many teams never write one.

import type { WorkspaceRule } from '../types';

export const rule: WorkspaceRule = {
  id: 'missing-service',
  defaultSeverity: 'warning',
  description: 'An SLO names a service, but the workspace defines no OpenSLO Service objects at all.',
  check({ entities, index, report }) {
    if (index.hasKind('openslo', 'Service')) return;
    for (const entity of entities) {
      for (const ref of entity.refs) {
        if (ref.targetKind === 'Service') report(ref.range, `service \`${ref.name}\` is not defined: the workspace has no OpenSLO Service object; add a Service named \`${ref.name}\` to describe it`);
      }
    }
  },
};
