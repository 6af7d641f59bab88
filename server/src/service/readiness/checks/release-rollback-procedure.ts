// A documented rollback procedure that exists (cross-file for a runbook path).

import { UNREADABLE, type ReadinessCheck } from '../types';
import { isSet, showPath } from '../predicates';

export const check: ReadinessCheck = {
  id: 'release-rollback-procedure',
  category: 'release',
  title: 'Rollback procedure',
  why: 'The fastest fix for a bad release is usually to undo it; during an incident nobody should have to work out how.',
  weight: 3,
  level: 'bronze',
  blocksAtTiers: [1],
  remedy: 'Write the rollback procedure (a runbook or a wiki page) and set `spec.release.rollback.procedure` to it.',
  evaluate(c) {
    const path = ['spec', 'release', 'rollback', 'procedure'];
    const procedure = c.get(path);
    if (!isSet(procedure) || typeof procedure !== 'string') return { status: 'fail', at: { path }, message: `no rollback procedure: \`${showPath(path)}\` is not set` };
    const found = c.runbook(procedure);
    if (found.state === 'missing') return { status: 'fail', at: { path }, message: `the rollback procedure \`${procedure}\` does not exist`, remedy: 'Create the rollback runbook, or fix its path.' };
    if (found.state === 'unreadable') return { status: 'fail', at: { path }, message: `the rollback procedure \`${procedure}\` ${UNREADABLE}`, remedy: 'Point it at the runbook file itself.' };
    if (found.state === 'found') return { status: 'pass', at: { uri: found.uri, range: found.titleRange }, message: `rollback procedure in \`${procedure}\`` };
    return { status: 'pass', at: { path }, message: `rollback procedure at \`${procedure}\`` };
  },
};
