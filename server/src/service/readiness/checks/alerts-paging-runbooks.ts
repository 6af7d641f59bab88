// Every paging alert has a runbook that exists and has the required sections (cross-file).

import type { ReadinessCheck } from '../types';
import { alertRunbookOutcome } from '../cross-file';

export const check: ReadinessCheck = {
  id: 'alerts-paging-runbooks',
  category: 'alerting',
  title: 'Runbook for every paging alert',
  why: 'Whoever is woken by a page needs written steps; a missing runbook, or one without Diagnosis or Mitigation, turns minutes into hours.',
  weight: 3,
  level: 'bronze',
  blocksAtTiers: [1],
  remedy: 'Give each paging alert a `runbook` that exists, with every required section (`prr check` lists the missing ones).',
  evaluate: (c) => alertRunbookOutcome(c, true),
};
