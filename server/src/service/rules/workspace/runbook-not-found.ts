// A manifest points an alert (or its runbook list, or its rollback procedure), or a Sloth
// alert annotation (`runbook_url`, `runbook`), at a runbook file that does not exist. The
// fix creates it from the runbook template.

import { runbookTemplate } from '../../runbook/template';
import type { WorkspaceRule } from '../types';

export const rule: WorkspaceRule = {
  id: 'runbook-not-found',
  defaultSeverity: 'error',
  fixable: true,
  description: 'A manifest or a Sloth alert annotation points at a runbook file that does not exist.',
  check({ entities, io, report, now }) {
    if (!io) return; // nothing to ask the file system with: cannot tell
    for (const entity of entities) {
      for (const ref of entity.refs) {
        if (ref.targetKind !== 'Runbook' || !ref.resolved || io.exists(ref.resolved)) continue;
        const name = ref.label ?? ref.name.replace(/^.*\//, '').replace(/\.(md|markdown)(#.*)?$/i, '');
        const service = entity.family === 'manifest' && entity.name ? entity.name : undefined;
        const text = runbookTemplate({ name, service, today: now.toISOString().slice(0, 10) });
        report(ref.range, `\`${ref.via}\` points at \`${ref.name}\`, which does not exist; create the runbook so the on-call engineer has something to follow`, {
          fixes: [{ title: `Create ${ref.name} from the runbook template`, createFile: { uri: ref.resolved, text }, isPreferred: true }],
        });
      }
    }
  },
};
