// The `prr/readinessReport` request: the engine's readiness report of the workspace, with
// paths relative to the first workspace folder. It waits for the initial workspace scan,
// so a client that asks at start-up gets the whole workspace, not the part read so far.

import { pathToFileURL } from 'node:url';
import type { Connection } from 'vscode-languageserver/node';
import { READINESS_REPORT_METHOD, type ReadinessReport, type ReadinessReportParams } from '../protocol/report';
import type { Engine, FileConfig } from '../service';
import type { Guard } from './guard';

export interface IndexingGate {
  /** Wraps the `initialized` handler (which scans the workspace): the gate opens when it ends, however it ends. */
  around<T>(work: () => Promise<T>): () => Promise<T | undefined>;
  opened: Promise<void>;
  /** Whether the initial scan has ended. */
  isOpen(): boolean;
}

export function createIndexingGate(): IndexingGate {
  let open!: () => void;
  let isOpen = false;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return {
    opened,
    isOpen: () => isOpen,
    around: (work) => async () => {
      try {
        return await work();
      } finally {
        isOpen = true;
        open();
      }
    },
  };
}

/** A report of no services: what a failed request answers (the guard logs the failure with its stack). */
function emptyReport(): ReadinessReport {
  return { version: 1, date: new Date().toISOString().slice(0, 10), services: [], summary: { services: 0, byLevel: { none: 0, bronze: 0, silver: 0, gold: 0 }, blocked: 0, averageScore: 0, commonFailures: [] } };
}

export function registerReadinessReport(connection: Connection, engine: Engine, configFor: (uri: string) => FileConfig, folders: () => readonly string[], gate: IndexingGate, guard: Guard): void {
  connection.onRequest(READINESS_REPORT_METHOD, async (params: ReadinessReportParams | null | undefined): Promise<ReadinessReport> => {
    await gate.opened;
    return guard.run(READINESS_REPORT_METHOD, params?.uris?.[0], emptyReport(), () => {
      const [first] = folders();
      const report = engine.report({
        configFor,
        ...(first ? { root: pathToFileURL(first).href } : {}),
        ...(params?.uris && params.uris.length > 0 ? { uris: params.uris } : {}),
      });
      return params?.checks === false ? { ...report, services: report.services.map((s) => ({ ...s, checks: [] })) } : report;
    });
  });
}
