// What a readiness check is and what it sees. A check judges one service (one manifest,
// plus the SLOs and runbooks it refers to) and says pass, fail or n/a, where, and why.

import type { CheckCategory, ReadinessLevel } from '../../protocol/report';
import type { Range } from '../types';
import type { PathSegment } from '../yaml/locate';
import type { AgeKey } from './settings';

export type { CheckCategory, ReadinessLevel } from '../../protocol/report';

/** A place: a path in the manifest (resolved to the value there, or to where it belongs), or a range in another file. */
export type Where = { path: readonly PathSegment[] } | { uri: string; range: Range };

export interface Outcome {
  status: 'pass' | 'fail' | 'n/a';
  /** The place that decides the status. */
  at: Where;
  /** What decided it, in one sentence. */
  message: string;
  /** A remedy more specific than the check's own. */
  remedy?: string;
  /** Per-item results for checks over lists (alerts, SLO references). */
  items?: { ok: boolean; message: string; at: Where }[];
}

/** An SLO reference as the workspace resolves it. */
export type SloResolution =
  | { state: 'missing'; candidates: string[] }
  | { state: 'ambiguous'; uris: string[] }
  | { state: 'invalid'; uri: string; range: Range; errors: number; first: { message: string; range: Range } }
  | { state: 'valid'; uri: string; range: Range };

/** Why a runbook path that exists is not one: said after the path. */
export const UNREADABLE = 'is not a file prr can read (a folder, a FIFO or device, or over 5 MB)';

/** A runbook as the report sees it. */
export type RunbookState =
  | { state: 'external' }
  /** The engine has no file access (no `io`): existence cannot be checked. */
  | { state: 'unchecked' }
  | { state: 'missing'; uri: string }
  /** There, but not a file prr can read: a folder, a FIFO or device, a file over the size limit. */
  | { state: 'unreadable'; uri: string }
  /** `markdown: false`: a file of another kind (`.txt`, …), whose sections cannot be checked. */
  | { state: 'found'; uri: string; titleRange: Range; missingSections: string[]; markdown?: false; lastReviewed?: { date: string; range: Range } };

export interface CheckContext {
  /** The manifest's URI. */
  uri: string;
  /** The manifest's `spec` (an empty object when it has none). */
  spec: Record<string, unknown>;
  /** The value at a path from the manifest's root (`['spec', 'owner']`), or undefined. */
  get(path: readonly PathSegment[]): unknown;
  /** The service's valid tier (1–4), if it has one. */
  tier: number | undefined;
  /** The day of the report, YYYY-MM-DD (UTC). */
  today: string;
  /** Age limits for dates, in days. */
  ages: Readonly<Record<AgeKey, number>>;
  /** How many days before a runbook's `lastReviewed` goes stale (`runbooks.staleAfterDays`). */
  runbookAge: number;
  /** Error findings of the manifest itself (YAML and schema), first first. */
  manifestErrors: readonly { message: string; range: Range; ruleId: string }[];
  /** Resolves an SLO reference (`slos[].ref`, with its optional `file`). */
  slo(ref: string, file: string | undefined): SloResolution;
  /** Resolves a runbook path or URL written in the manifest. */
  runbook(path: string): RunbookState;
}

export interface ReadinessCheck {
  id: string;
  category: CheckCategory;
  title: string;
  /** Why it matters, for docs and the report. */
  why: string;
  /** 1–3: how much the check counts in the score. */
  weight: 1 | 2 | 3;
  level: ReadinessLevel;
  /** Tiers at which a failure blocks the service (may be empty). */
  blocksAtTiers: readonly number[];
  /** The one-line remedy. */
  remedy: string;
  evaluate(context: CheckContext): Outcome;
}
