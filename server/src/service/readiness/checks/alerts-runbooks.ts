// Every non-paging alert has a runbook that exists and has the required sections (cross-file).

import type { ReadinessCheck } from '../types';
import { alertRunbookOutcome } from '../cross-file';

export const check: ReadinessCheck = {
  id: 'alerts-runbooks',
  category: 'alerting',
  title: 'Runbook for every other alert',
  why: 'Ticket alerts are handled by whoever is on duty, often not the author; a runbook makes the fix repeatable.',
  weight: 2,
  level: 'silver',
  blocksAtTiers: [],
  remedy: 'Give each ticket or info alert a `runbook` that exists, with every required section.',
  evaluate: (c) => alertRunbookOutcome(c, false),
};
