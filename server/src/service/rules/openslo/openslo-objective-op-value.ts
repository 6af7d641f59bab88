// An SLO whose indicator is a referenced SLI with a thresholdMetric needs `op` and `value`
// on each objective — go-sdk checks this only for inline indicators, since it cannot see
// the referenced SLI. With a ratioMetric SLI, `value` has no meaning. A composite SLO's
// objective is judged by the SLI it names itself.

import type { WorkspaceRule } from '../types';

export const rule: WorkspaceRule = {
  id: 'openslo-objective-op-value',
  defaultSeverity: 'error',
  perObject: true,
  description: "An objective's op/value do not fit the metric type of the SLI it refers to.",
  check({ entities, index, report }) {
    for (const slo of entities) {
      if (slo.kind !== 'SLO' || !slo.objectives) continue;
      const sloLevel = slo.refs.find((r) => r.via === 'indicatorRef')?.name;
      for (const objective of slo.objectives) {
        // A composite SLO's objective names its own SLI (or holds one inline, which go-sdk checks itself).
        const name = objective.indicatorRef ?? (objective.inline ? undefined : sloLevel);
        const [sli] = name === undefined ? [] : index.find('SLI', name, ['openslo']);
        if (!sli?.metric) continue;
        const related = [{ uri: sli.uri, range: sli.range, message: `SLI \`${sli.name}\`` }];
        if (sli.metric === 'thresholdMetric' && !(objective.op && objective.value)) {
          const missing = [objective.op ? '' : '`op`', objective.value ? '' : '`value`'].filter(Boolean).join(' and ');
          report(objective.range, `this objective needs ${missing}: SLI \`${sli.name}\` uses a thresholdMetric, so each objective says which values are good`, { related });
        } else if (sli.metric === 'ratioMetric' && objective.value) {
          // `op` alone is left alone: OpenSLO's own examples write `op` with ratio metrics.
          report(objective.value, `\`value\` has no meaning here: SLI \`${sli.name}\` uses a ratioMetric, whose objectives set only \`target\` (or \`targetPercent\`)`, { related });
        }
      }
    }
  },
};
