// The service has alerts.

import type { ReadinessCheck } from '../types';

export const check: ReadinessCheck = {
  id: 'alerts-defined',
  category: 'alerting',
  title: 'Alerts defined',
  why: 'Without alerts, users find outages before the team does.',
  weight: 2,
  level: 'bronze',
  blocksAtTiers: [],
  remedy: 'List the alerts that watch the service in `spec.alerts`, each with a severity and a runbook.',
  evaluate(c) {
    const alerts = c.get(['spec', 'alerts']);
    const n = Array.isArray(alerts) ? alerts.length : 0;
    if (n === 0) return { status: 'fail', at: { path: ['spec', 'alerts'] }, message: 'no alerts: `spec.alerts` is empty or not set' };
    return { status: 'pass', at: { path: ['spec', 'alerts'] }, message: `${n} alert${n === 1 ? '' : 's'}` };
  },
};
