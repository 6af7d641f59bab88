// Judges one service: runs every enabled check on its manifest (with the settings that
// apply to it), applies exemptions, and computes its score, level and blocking failures.

import type { CheckResult, ExemptionInfo, ReportLocation, ServiceReport } from '../../protocol/report';
import type { Range } from '../types';
import { exemptionFor, readExemptions } from './exemptions';
import { type ManifestSnapshot, rangeAt } from './snapshot';
import { READINESS_CHECKS } from './registry';
import { blockingOf, levelOf, scoreOf, type Judged } from './score';
import type { ReadinessSettings } from './settings';
import type { CheckContext, Outcome, ReadinessCheck, Where } from './types';

export interface ServiceInput {
  uri: string;
  /** The manifest, and how many lines down the file its document starts. */
  doc: { snapshot: ManifestSnapshot; shift: number };
  /** Range of `metadata.name`. */
  nameRange: Range;
  context: CheckContext;
  settings: ReadinessSettings;
  /** Turns a URI into the path people read. */
  display(uri: string): string;
  /** Files the service owns besides its manifest (filled while the checks run). */
  files(): string[];
}

export function judgeService(input: ServiceInput, checks: readonly ReadinessCheck[] = READINESS_CHECKS): ServiceReport {
  const { context, settings, doc } = input;
  const where = (at: Where): ReportLocation => ('path' in at
    ? { uri: input.uri, path: input.display(input.uri), range: rangeAt(doc.snapshot, at.path, doc.shift) }
    : { uri: at.uri, path: input.display(at.uri), range: at.range });
  const exemptions = readExemptions(context.spec, context.today);
  const known = new Set(checks.map((c) => c.id));
  const notes: string[] = [];
  for (const e of exemptions) if (!known.has(e.check)) notes.push(`the exemption for \`${e.check}\` names no readiness check`);
  if (context.tier === undefined) notes.push('no valid tier (1–4): the rules of tier 1 apply');
  const results: CheckResult[] = [];
  const judged: Judged[] = [];
  for (const check of checks) {
    const override = settings.checks[check.id] ?? {};
    if (override.enabled === false) continue;
    const meta = { weight: override.weight ?? check.weight, level: override.level ?? check.level, blocksAtTiers: override.blocksAtTiers ?? check.blocksAtTiers };
    const outcome = safely(check, context);
    const exemption = exemptionFor(exemptions, check.id);
    let status: CheckResult['status'] = outcome.status;
    let message = outcome.message;
    if (exemption?.active && status === 'fail') status = 'exempt';
    else if (exemption?.active && status === 'pass') notes.push(`the exemption for \`${check.id}\` is no longer needed: the check passes`);
    else if (exemption && !exemption.active && status === 'fail') message = `${message} (the exemption expired ${exemption.expires || 'without a valid date'})`;
    const exemptionInfo: ExemptionInfo | undefined = exemption && {
      reason: exemption.reason,
      expires: exemption.expires,
      ...(exemption.approvedBy ? { approvedBy: exemption.approvedBy } : {}),
      expired: !exemption.active,
      location: where({ path: exemption.path }),
    };
    results.push({
      id: check.id,
      title: check.title,
      category: check.category,
      level: meta.level,
      weight: meta.weight,
      status,
      blocking: false,
      message,
      ...(status === 'fail' || status === 'exempt' ? { remedy: outcome.remedy ?? check.remedy } : {}),
      location: where(outcome.at),
      ...(outcome.items ? { items: outcome.items.map((i) => ({ ok: i.ok, message: i.message, location: where(i.at) })) } : {}),
      ...(exemptionInfo ? { exemption: exemptionInfo } : {}),
    });
    judged.push({ id: check.id, status, weight: meta.weight, level: meta.level, blocksAtTiers: meta.blocksAtTiers });
  }
  const blocking = blockingOf(judged, context.tier);
  const checksOut = results.map((result) => (blocking.includes(result.id) ? { ...result, blocking: true } : result));
  const metadata = (doc.snapshot.value.metadata ?? {}) as Record<string, unknown>;
  const owner = context.spec.owner;
  return {
    name: typeof metadata.name === 'string' && metadata.name !== '' ? metadata.name : '(unnamed)',
    ...(typeof metadata.title === 'string' ? { title: metadata.title } : {}),
    ...(typeof owner === 'string' ? { owner } : {}),
    ...(context.tier !== undefined ? { tier: context.tier } : {}),
    file: { uri: input.uri, path: input.display(input.uri), range: input.nameRange },
    score: scoreOf(judged),
    level: levelOf(judged),
    blocked: blocking.length > 0,
    blocking,
    counts: {
      pass: results.filter((r) => r.status === 'pass').length,
      fail: results.filter((r) => r.status === 'fail').length,
      exempt: results.filter((r) => r.status === 'exempt').length,
      notApplicable: results.filter((r) => r.status === 'n/a').length,
    },
    checks: checksOut,
    notes,
    files: [input.uri, ...input.files().filter((f) => f !== input.uri)],
  };
}

/**
 * A check that throws fails, with the error, and the others still run: a check that could not be judged must
 * not count as passed or drop out of the score and the blocking list (a gate would pass on it).
 */
function safely(check: ReadinessCheck, context: CheckContext): Outcome {
  try {
    return check.evaluate(context);
  } catch (error) {
    return { status: 'fail', at: { path: ['kind'] }, message: `could not be judged, so it counts as failed (internal error: ${error instanceof Error ? error.message : String(error)}); please report it` };
  }
}
