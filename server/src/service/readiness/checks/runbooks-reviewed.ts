// Every runbook the service refers to has a recent `lastReviewed` date (cross-file).

import type { ReadinessCheck } from '../types';
import { reviewedRunbookOutcome } from '../cross-file';

export const check: ReadinessCheck = {
  id: 'runbooks-reviewed',
  category: 'alerting',
  title: 'Runbooks reviewed recently',
  why: 'Systems change under runbooks: commands, dashboards and contacts go out of date, and a runbook nobody has walked through recently fails during the incident.',
  weight: 1,
  level: 'silver',
  blocksAtTiers: [],
  remedy: 'Walk through each stale runbook, fix what changed, and set `lastReviewed` in its front matter to the review date.',
  evaluate: (c) => reviewedRunbookOutcome(c),
};
