// What a runbook rule sees and how it reports.

import type { Finding, Fix, Range, RuleMeta, Severity } from '../types';
import type { RunbookModel } from './model';
import type { RequiredSections } from './sections';

export interface RunbookOptions {
  requiredSections: RequiredSections;
  /** More heading texts per section id, beyond the built-in synonyms. */
  synonyms: Readonly<Record<string, readonly string[]>>;
  /** `lastReviewed` older than this is stale. */
  staleAfterDays: number;
}

/** File-system questions the engine may ask; the shells answer them. Absent: checks that need them are skipped. */
export interface EngineIO {
  exists(uri: string): boolean;
  readFile(uri: string): string | undefined;
}

export interface RunbookContext {
  uri: string;
  model: RunbookModel;
  options: RunbookOptions;
  now: Date;
  io?: EngineIO;
  report(range: Range, message: string, extra?: { severity?: Severity; fixes?: Fix[] }): void;
}

export interface RunbookRule extends RuleMeta {
  check(context: RunbookContext): void;
}

export type { Finding };
