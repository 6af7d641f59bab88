// The readiness report as it crosses process boundaries: the result of the engine's
// `report()`, of the language server's `prr/readinessReport` request and of
// `prr report --format json`. Defined once here and bundled by esbuild into the server, the
// CLI and the VS Code client; types and constants only, so any bundle can take it.

/** The custom LSP request that returns a ReadinessReport. */
export const READINESS_REPORT_METHOD = 'prr/readinessReport';

export interface ReadinessReportParams {
  /** Only the services whose manifest is one of these files, or lies under one of these folders (URIs). All when absent. */
  uris?: string[];
  /** `false` leaves out each service's `checks` (an empty list): enough for a status bar, a fraction of the size. Default `true`. */
  checks?: boolean;
}

export type ReadinessLevel = 'bronze' | 'silver' | 'gold';
/** The level a service reached: `none` when a Bronze check fails. */
export type AchievedLevel = ReadinessLevel | 'none';
export type CheckStatus = 'pass' | 'fail' | 'exempt' | 'n/a';
export type CheckCategory =
  | 'manifest' | 'ownership' | 'slo' | 'alerting' | 'release' | 'infrastructure' | 'observability'
  | 'security' | 'data' | 'ml' | 'cost' | 'incidents' | 'capacity' | 'resilience';

/** 0-based line, UTF-16 character: LSP conventions. */
export interface ReportPosition {
  line: number;
  character: number;
}

export interface ReportRange {
  start: ReportPosition;
  end: ReportPosition;
}

export interface ReportLocation {
  uri: string;
  /** The file as people read it: relative to the report's root when inside it, `/`-separated. */
  path: string;
  range: ReportRange;
}

export interface ExemptionInfo {
  reason: string;
  /** YYYY-MM-DD; the exemption holds through this day. */
  expires: string;
  approvedBy?: string;
  /** An expired exemption no longer counts: the check is judged as if it had none. */
  expired: boolean;
  location: ReportLocation;
}

/** One thing a check looked at (an alert, an SLO reference) and what it found there. */
export interface CheckItem {
  ok: boolean;
  message: string;
  location: ReportLocation;
}

export interface CheckResult {
  id: string;
  title: string;
  category: CheckCategory;
  level: ReadinessLevel;
  /** 1–3: how much the check counts in the score. */
  weight: number;
  status: CheckStatus;
  /** A failure of a check that blocks at the service's tier. */
  blocking: boolean;
  /** What decided the status, in one sentence. */
  message: string;
  /** What to do, in one line (failed and exempt checks). */
  remedy?: string;
  /** The place that decides the status: the value that satisfies it, or where the missing one belongs. */
  location: ReportLocation;
  items?: CheckItem[];
  exemption?: ExemptionInfo;
}

export interface CheckCounts {
  pass: number;
  fail: number;
  exempt: number;
  notApplicable: number;
}

export interface ServiceReport {
  name: string;
  title?: string;
  owner?: string;
  /** The tier the manifest gives (1–4); absent when it gives none or an invalid one (then tier-1 rules block). */
  tier?: number;
  /** The manifest, with the range of its `metadata.name`. */
  file: ReportLocation;
  /** 0–100: Σ weight of passed checks / Σ weight of checks that apply and are not exempt, rounded down. */
  score: number;
  level: AchievedLevel;
  blocked: boolean;
  /** Ids of the failed checks that block at the service's tier. */
  blocking: string[];
  counts: CheckCounts;
  checks: CheckResult[];
  /** Things the reader should know that are not a check (an exemption that names no check, an invalid tier). */
  notes: string[];
  /** URIs of the files the service owns: its manifest, the SLO files and runbooks it refers to. */
  files: string[];
  /** Each SLO the manifest refers to that resolves: its error budget and alert coverage in one line (absent: none resolve). */
  budgets?: SloBudgetLine[];
}

/** One SLO's error budget per objective and how its burn-rate alerts cover it (docs/error-budget.md). */
export interface SloBudgetLine {
  /** The SLO's name, as the manifest refers to it. */
  slo: string;
  /** E.g. `40 m 19 s of error budget per 28 d (0.1 % may fail); alerts fire after page 2.21 %, ticket 10.9 % of the budget is spent`. */
  line: string;
  /** The SLO's first objective target. */
  location: ReportLocation;
}

export interface CommonFailure {
  id: string;
  title: string;
  /** How many services fail it. */
  services: number;
}

export interface ReportSummary {
  services: number;
  byLevel: Record<AchievedLevel, number>;
  blocked: number;
  /** Mean score of the services, rounded down; 0 without services. */
  averageScore: number;
  /** The checks failed by the most services, most first (at most ten). */
  commonFailures: CommonFailure[];
}

export interface ReadinessReport {
  version: 1;
  /** The day dates and exemptions were judged on, YYYY-MM-DD (UTC). */
  date: string;
  /** The folder paths are relative to (a URI), when there is one. */
  root?: string;
  services: ServiceReport[];
  summary: ReportSummary;
}
