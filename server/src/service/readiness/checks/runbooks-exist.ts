// Every runbook listed in `spec.runbooks` exists (cross-file).

import type { ReadinessCheck } from '../types';
import { listedRunbookOutcome } from '../cross-file';

export const check: ReadinessCheck = {
  id: 'runbooks-exist',
  category: 'alerting',
  title: 'Listed runbooks exist',
  why: 'Procedures (failover, restore, deploy) are only useful if the file is where the manifest says.',
  weight: 1,
  level: 'silver',
  blocksAtTiers: [],
  remedy: 'Create the missing runbooks, or fix their paths in `spec.runbooks`.',
  evaluate: (c) => listedRunbookOutcome(c),
};
