// Sloth renders each SLI query once per window (5m, 30m, 1h, 2h, 6h, 1d, 3d, the SLO
// period), putting the window where the query says `{{.window}}`. A query without it
// computes the same value for every window, so the multiwindow burn-rate alerts are
// meaningless; Sloth's own validator rejects it only when the spec is generated.

import { isObject } from '../../kinds';
import type { PathSegment } from '../../yaml/locate';
import type { ObjectRule } from '../types';

/** Sloth's own test (`{{ *\.window *}}`): spaces, not other whitespace or trim markers. */
const WINDOW = /\{\{ *\.window *\}\}/;

export const rule: ObjectRule = {
  id: 'sloth-window-placeholder',
  defaultSeverity: 'error',
  description: 'A Sloth SLI query lacks `{{.window}}`, so every alerting window computes the same value.',
  kinds: ['sloth-prometheus-v1', 'sloth-k8s-v1'],
  check(object, report) {
    for (const slo of slothQueries(object)) {
      for (const query of [slo.error, slo.total, slo.errorRatio]) {
        if (!query || query.text.trim() === '' || WINDOW.test(query.text)) continue;
        report(query.path, `\`${query.name}\` has no \`{{.window}}\`: Sloth puts each alerting window there (e.g. \`rate(http_requests_total[{{.window}}])\`); without it every window computes the same value`);
      }
    }
  },
};

export interface SlothQuery {
  /** Path from the object to the query's value. */
  path: PathSegment[];
  /** The query's path for messages, e.g. `slos[0].sli.events.error_query`. */
  name: string;
  /** The query's field name as written in this format, e.g. `total_query` or `totalQuery`. */
  field: string;
  text: string;
}

export interface SlothSloQueries {
  error?: SlothQuery;
  total?: SlothQuery;
  errorRatio?: SlothQuery;
}

/** The string-valued SLI queries of each SLO of a Sloth object, of either format; odd shapes give none. */
export function slothQueries(object: Record<string, unknown>): SlothSloQueries[] {
  const prometheus = object.version === 'prometheus/v1';
  const base: PathSegment[] = prometheus ? [] : ['spec'];
  const root = prometheus ? object : object.spec;
  const [error, total, errorRatio] = prometheus ? ['error_query', 'total_query', 'error_ratio_query'] : ['errorQuery', 'totalQuery', 'errorRatioQuery'];
  if (!isObject(root) || !Array.isArray(root.slos)) return [];
  return root.slos.map((slo, i) => {
    const sli = isObject(slo) ? slo.sli : undefined;
    if (!isObject(sli)) return {};
    const at = (group: string, field: string): SlothQuery | undefined => {
      const holder = sli[group];
      const text = isObject(holder) ? holder[field] : undefined;
      if (typeof text !== 'string') return undefined;
      const path = [...base, 'slos', i, 'sli', group, field];
      return { path, name: displayName(path), field, text };
    };
    return { error: at('events', error), total: at('events', total), errorRatio: at('raw', errorRatio) };
  });
}

function displayName(path: readonly PathSegment[]): string {
  let name = '';
  for (const segment of path) name += typeof segment === 'number' ? `[${segment}]` : name ? `.${segment}` : segment;
  return name;
}
