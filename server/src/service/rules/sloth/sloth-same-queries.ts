// An error query that is the total query counts every event as an error: the error ratio
// is always 1, the SLO is always breached and its alerts always fire. Sloth rejects only
// byte-identical queries; this rule also sees through differences of whitespace.

import type { ObjectRule } from '../types';
import { slothQueries } from './sloth-window-placeholder';

export const rule: ObjectRule = {
  id: 'sloth-same-queries',
  defaultSeverity: 'error',
  description: "A Sloth SLI's error query is the same as its total query, so the error ratio is always 1.",
  kinds: ['sloth-prometheus-v1', 'sloth-k8s-v1'],
  check(object, report) {
    for (const { error, total } of slothQueries(object)) {
      if (!error || !total) continue;
      const normal = normalize(error.text);
      if (normal === '' || normal !== normalize(total.text)) continue;
      report(error.path, `\`${error.name}\` is the same query as \`${total.field}\`: every event counts as an error, so the error ratio is always 1; the error query should select only the failed events (e.g. \`code=~"5.."\`)`);
    }
  },
};

/**
 * The query with insignificant whitespace removed: outside string literals, a run of
 * whitespace becomes one space between two word characters and disappears elsewhere.
 */
function normalize(query: string): string {
  let out = '';
  let quote: string | undefined;
  let pendingSpace = false;
  for (let i = 0; i < query.length; i++) {
    const c = query[i];
    if (quote) {
      out += c;
      if (c === '\\' && quote !== '`' && i + 1 < query.length) out += query[++i];
      else if (c === quote) quote = undefined;
      continue;
    }
    if (/\s/.test(c)) {
      pendingSpace = true;
      continue;
    }
    if (pendingSpace && /\w$/.test(out) && /\w/.test(c)) out += ' ';
    pendingSpace = false;
    if (c === '"' || c === "'" || c === '`') quote = c;
    out += c;
  }
  return out;
}
