// An objective of 100% leaves no error budget: every failure breaches the SLO, so it is
// always breached and its burn-rate alerts cannot work. OpenSLO defines targets in [0, 1) and
// go-sdk rejects 1, so this is an error; the schema leaves the bound to this rule, whose
// message says why it matters.

import { isObject } from '../../kinds';
import type { ObjectRule } from '../types';

export const rule: ObjectRule = {
  id: 'openslo-no-error-budget',
  defaultSeverity: 'error',
  description: 'An objective targets 100% (`target: 1`, `targetPercent: 100`), which leaves no error budget.',
  kinds: ['openslo-v1', 'openslo-v1alpha'],
  check(object, report) {
    const spec = object.spec;
    if (object.kind !== 'SLO' || !isObject(spec) || !Array.isArray(spec.objectives)) return;
    // v1alpha has only `target`; a `targetPercent` there is an unknown property.
    const hasPercent = object.apiVersion === 'openslo/v1';
    spec.objectives.forEach((objective, i) => {
      if (!isObject(objective)) return;
      const where = `\`spec.objectives[${i}]\``;
      if (objective.target === 1) {
        report(['spec', 'objectives', i, 'target'], `${where} targets 100% (\`target: 1\`), which leaves no error budget: every single failure breaches the SLO; use a target below 1, e.g. \`0.999\``);
      }
      if (hasPercent && objective.targetPercent === 100) {
        report(['spec', 'objectives', i, 'targetPercent'], `${where} targets 100% (\`targetPercent: 100\`), which leaves no error budget: every single failure breaches the SLO; use a target below 100, e.g. \`99.9\``);
      }
    });
  },
};
