// The parts of checks that look beyond the manifest: SLO references resolved through the
// workspace index, runbooks read through the engine's io. Shared by the checks that need
// them, so that each check file stays a declaration.

import type { PathSegment } from '../yaml/locate';
import { ageInDays, isSet } from './predicates';
import { UNREADABLE, type CheckContext, type Outcome, type RunbookState, type Where } from './types';

export type Item = { ok: boolean; message: string; at: Where };

/** The mapping items of a list, each with its index in the list. */
export function listItems(value: unknown): [Record<string, unknown>, number][] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item, i) => (typeof item === 'object' && item !== null && !Array.isArray(item) ? [[item as Record<string, unknown>, i] as [Record<string, unknown>, number]] : []));
}

/** ML checks apply only to services that declare models (`spec.ml`). */
export function withModels(context: CheckContext, evaluate: () => Outcome): Outcome {
  return context.get(['spec', 'ml']) === undefined ? { status: 'n/a', at: { path: ['spec'] }, message: 'the service declares no models (`spec.ml`)' } : evaluate();
}

/** One item per `spec.slos` entry: does it resolve to an SLO whose file has no errors? */
export function sloItems(context: CheckContext): Item[] {
  return listItems(context.get(['spec', 'slos'])).map(([entry, i]): Item => {
    const refPath: PathSegment[] = ['spec', 'slos', i, 'ref'];
    if (typeof entry.ref !== 'string' || entry.ref === '') return { ok: false, message: `\`spec.slos[${i}]\` has no \`ref\``, at: { path: ['spec', 'slos', i] } };
    const ref = entry.ref;
    const file = typeof entry.file === 'string' ? entry.file : undefined;
    const resolved = context.slo(ref, file);
    switch (resolved.state) {
      case 'missing': {
        const hint = resolved.candidates.length > 0 ? ` (did you mean ${resolved.candidates.map((c) => `\`${c}\``).join(', ')}?)` : '';
        return { ok: false, message: `\`${ref}\` resolves to no SLO${file ? ` in \`${file}\`` : ' in the workspace'}${hint}`, at: { path: refPath } };
      }
      case 'ambiguous':
        return { ok: false, message: `\`${ref}\` names ${resolved.uris.length} SLOs; give the \`file\` it is in`, at: { path: refPath } };
      case 'invalid':
        return { ok: false, message: `\`${ref}\` is in a file with ${resolved.errors} error${resolved.errors === 1 ? '' : 's'}; first: ${resolved.first.message}`, at: { uri: resolved.uri, range: resolved.first.range } };
      case 'valid':
        return { ok: true, message: `\`${ref}\` is a valid SLO`, at: { uri: resolved.uri, range: resolved.range } };
    }
  });
}

/** Paging alerts (`severity: page`), or all the others: each needs a runbook that exists with every required section. */
export function alertRunbookOutcome(context: CheckContext, paging: boolean): Outcome {
  const alerts = listItems(context.get(['spec', 'alerts'])).filter(([alert]) => (alert.severity === 'page') === paging);
  const what = paging ? 'paging alerts' : 'ticket or info alerts';
  if (alerts.length === 0) return { status: 'n/a', at: { path: ['spec', 'alerts'] }, message: `no ${what}` };
  const items = alerts.map(([alert, i]): Item => {
    const name = typeof alert.name === 'string' ? `\`${alert.name}\`` : `\`spec.alerts[${i}]\``;
    if (typeof alert.runbook !== 'string' || !isSet(alert.runbook)) return { ok: false, message: `${name} has no runbook`, at: { path: ['spec', 'alerts', i] } };
    return runbookItem(context, name, alert.runbook, ['spec', 'alerts', i, 'runbook'], true);
  });
  const passMessage = items.length === 1 ? `the ${paging ? 'paging' : 'ticket or info'} alert has a runbook with the required sections` : `all ${items.length} ${what} have runbooks with the required sections`;
  return fromItems(items, passMessage, `${what} without a complete runbook`);
}

/** `spec.runbooks`: each listed runbook exists. */
export function listedRunbookOutcome(context: CheckContext): Outcome {
  const listed = context.get(['spec', 'runbooks']);
  const paths = Array.isArray(listed) ? listed.map((p, i) => [p, i] as const).filter(([p]) => typeof p === 'string' && p !== '') : [];
  if (paths.length === 0) return { status: 'n/a', at: { path: ['spec', 'runbooks'] }, message: 'no runbooks listed in `spec.runbooks`' };
  const items = paths.map(([path, i]) => runbookItem(context, `\`${String(path)}\``, String(path), ['spec', 'runbooks', i], false));
  return fromItems(items, `the ${items.length} listed runbook${items.length === 1 ? ' exists' : 's exist'}`, 'listed runbooks missing');
}

/** Every runbook file the manifest points at (alerts, `runbooks`, the rollback procedure) has a recent `lastReviewed`. */
export function reviewedRunbookOutcome(context: CheckContext): Outcome {
  const seen = new Set<string>();
  const items: Item[] = [];
  for (const path of runbookPaths(context)) {
    const found = context.runbook(path);
    if (found.state !== 'found' || seen.has(found.uri)) continue; // missing files fail other checks
    seen.add(found.uri);
    const reviewed = found.lastReviewed;
    if (!reviewed) {
      items.push({ ok: false, message: `\`${path}\` has no \`lastReviewed\` date in its front matter`, at: { uri: found.uri, range: found.titleRange } });
      continue;
    }
    const age = ageInDays(reviewed.date, context.today);
    if (age === undefined) items.push({ ok: false, message: `\`${path}\`: \`lastReviewed: ${reviewed.date}\` is not a date`, at: { uri: found.uri, range: reviewed.range } });
    else if (age > context.runbookAge) items.push({ ok: false, message: `\`${path}\` was last reviewed ${reviewed.date}, ${age} days ago (limit ${context.runbookAge})`, at: { uri: found.uri, range: reviewed.range } });
    else items.push({ ok: true, message: `\`${path}\` reviewed ${reviewed.date}`, at: { uri: found.uri, range: reviewed.range } });
  }
  if (items.length === 0) return { status: 'n/a', at: { path: ['spec', 'alerts'] }, message: 'no runbook files to review' };
  return fromItems(items, `the ${items.length} runbook${items.length === 1 ? ' was' : 's were'} reviewed within ${context.runbookAge} days`, 'runbooks not reviewed recently');
}

/** The runbook paths a manifest writes: alerts, `runbooks`, the rollback procedure. */
function runbookPaths(context: CheckContext): string[] {
  const out: string[] = [];
  for (const [alert] of listItems(context.get(['spec', 'alerts']))) if (typeof alert.runbook === 'string') out.push(alert.runbook);
  const listed = context.get(['spec', 'runbooks']);
  if (Array.isArray(listed)) for (const p of listed) if (typeof p === 'string') out.push(p);
  const procedure = context.get(['spec', 'release', 'rollback', 'procedure']);
  if (typeof procedure === 'string') out.push(procedure);
  return out;
}

function runbookItem(context: CheckContext, name: string, path: string, at: PathSegment[], sections: boolean): Item {
  const found: RunbookState = context.runbook(path);
  switch (found.state) {
    case 'external':
      return { ok: true, message: `${name}: external runbook \`${path}\` (not checked)`, at: { path: at } };
    case 'unchecked':
      return { ok: true, message: `${name}: \`${path}\` (not checked)`, at: { path: at } };
    case 'missing':
      return { ok: false, message: `${name}: runbook \`${path}\` does not exist`, at: { path: at } };
    case 'unreadable':
      return { ok: false, message: `${name}: \`${path}\` ${UNREADABLE}`, at: { path: at } };
    case 'found':
      if (sections && found.markdown === false) return { ok: false, message: `${name}: \`${path}\` is not a Markdown runbook, so its sections cannot be checked`, at: { uri: found.uri, range: found.titleRange } };
      if (sections && found.missingSections.length > 0) return { ok: false, message: `${name}: \`${path}\` lacks ${found.missingSections.join(', ')}`, at: { uri: found.uri, range: found.titleRange } };
      return { ok: true, message: `${name}: \`${path}\``, at: { uri: found.uri, range: found.titleRange } };
  }
}

function fromItems(items: Item[], passMessage: string, failNoun: string): Outcome {
  const failing = items.filter((i) => !i.ok);
  if (failing.length === 0) return { status: 'pass', at: items[0].at, message: passMessage, items };
  const message = failing.length === 1 ? failing[0].message : `${failing.length} ${failNoun}; first: ${failing[0].message}`;
  return { status: 'fail', at: failing[0].at, message, items };
}
