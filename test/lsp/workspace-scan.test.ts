// The initial workspace scan runs in the background: a document opened while it runs gets its
// diagnostics before the scan ends (a scan that blocked the server would answer only after it), and a client that supports `window.workDoneProgress` is
// told about the scan with `$/progress` begin, report and end (in that order). Ordering only,
// never timing: the workspace is large enough that the scan yields many times.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer } from './server-process';

const FILES = 600;

function sli(name: string): string {
  return ['apiVersion: openslo/v1', 'kind: SLI', 'metadata:', `  name: ${name}`, 'spec:', '  ratioMetric:', '    counter: true', '    good:', '      metricSource:',
    '        type: Prometheus', '        spec:', '          query: sum(ok)', '    total:', '      metricSource:', '        type: Prometheus', '        spec:', '          query: sum(all)', ''].join('\n');
}

const opened = ['apiVersion: openslo/v1', 'kind: SLO', 'metadata:', '  name: checkout-availability', 'spec:', '  service: checkout', '  indicatorRef: sli-0',
  '  budgetingMetod: Occurrences', '  timeWindow:', '    - duration: 28d', '      isRolling: true', '  objectives:', '    - target: 0.999', ''].join('\n');

interface Event { what: 'progress' | 'diagnostics'; kind?: string; codes?: unknown[] }

test('a document opened during the workspace scan is diagnosed before the scan ends; the scan reports $/progress begin, report, end', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'prr-scan-'));
  try {
    for (let i = 0; i < FILES; i++) {
      const dir = join(folder, `svc-${Math.floor(i / 20)}`);
      if (i % 20 === 0) mkdirSync(dir);
      writeFileSync(join(dir, `sli-${i}.yaml`), sli(`sli-${i}`));
    }
    const uri = pathToFileURL(join(folder, 'opened.yaml')).href;
    const server = await startServer({ rootUri: pathToFileURL(folder).href, capabilities: { window: { workDoneProgress: true }, workspace: { configuration: true } } });
    try {
      const events: Event[] = [];
      let began: () => void = () => undefined;
      let ended: () => void = () => undefined;
      const scanning = new Promise<void>((resolve) => (began = resolve));
      const scanned = new Promise<void>((resolve) => (ended = resolve));
      server.connection.onNotification('$/progress', ({ value }: { value: { kind: string } }) => {
        events.push({ what: 'progress', kind: value.kind });
        if (value.kind === 'begin') began();
        if (value.kind === 'end') ended();
      });
      server.connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: { code?: unknown }[] }) => {
        if (p.uri === uri) events.push({ what: 'diagnostics', codes: p.diagnostics.map((d) => d.code) });
      });
      await scanning; // opened once the scan has begun, so it is really opened during the scan
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: opened } });
      await scanned;

      const kinds = events.filter((e) => e.what === 'progress').map((e) => e.kind);
      assert.equal(kinds[0], 'begin');
      assert.equal(kinds[kinds.length - 1], 'end');
      assert.ok(kinds.filter((k) => k === 'report').length >= FILES / 50 - 1, `only ${kinds.filter((k) => k === 'report').length} reports for ${FILES} files`);
      assert.equal(kinds.filter((k) => k === 'begin' || k === 'end').length, 2);
      const firstDiagnostics = events.findIndex((e) => e.what === 'diagnostics');
      const end = events.findIndex((e) => e.kind === 'end');
      assert.ok(firstDiagnostics >= 0 && firstDiagnostics < end, `the opened document's first diagnostics came after the scan ended: ${JSON.stringify(events.map((e) => e.kind ?? e.what))}`);
      assert.ok(events[firstDiagnostics].codes?.includes('unknown-property'), 'the first diagnostics are the real ones');
    } finally {
      await server.close();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('during the scan, findings that something exists nowhere wait for it: a reference to a file not read yet is not reported, one to nothing is, after the scan', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'prr-scan-'));
  try {
    for (let i = 0; i < FILES; i++) {
      const dir = join(folder, `svc-${String(Math.floor(i / 20)).padStart(2, '0')}`);
      if (i % 20 === 0) mkdirSync(dir);
      writeFileSync(join(dir, `sli-${i}.yaml`), sli(`sli-${i}`));
    }
    const uri = pathToFileURL(join(folder, 'opened.yaml')).href;
    // The last file the scan reads defines sli-599; nothing defines sli-nowhere.
    const text = `${opened.replace('indicatorRef: sli-0', `indicatorRef: sli-${FILES - 1}`)}---\n${opened.replace('checkout-availability', 'checkout-latency').replace('indicatorRef: sli-0', 'indicatorRef: sli-nowhere')}`;
    const server = await startServer({ rootUri: pathToFileURL(folder).href, capabilities: { window: { workDoneProgress: true }, workspace: { configuration: true } } });
    try {
      const published: { afterScan: boolean; codes: unknown[]; messages: string[] }[] = [];
      let scanEnded = false;
      let began: () => void = () => undefined;
      const scanning = new Promise<void>((resolve) => (began = resolve));
      let settled: () => void = () => undefined;
      const afterScan = new Promise<void>((resolve) => (settled = resolve));
      server.connection.onNotification('$/progress', ({ value }: { value: { kind: string } }) => {
        if (value.kind === 'begin') began();
        if (value.kind === 'end') scanEnded = true;
      });
      server.connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: { code?: unknown; message: string }[] }) => {
        if (p.uri !== uri) return;
        published.push({ afterScan: scanEnded, codes: p.diagnostics.map((d) => d.code), messages: p.diagnostics.map((d) => d.message) });
        if (scanEnded) settled();
      });
      await scanning;
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
      await afterScan;
      const during = published.filter((p) => !p.afterScan);
      assert.ok(during.length > 0, 'diagnosed during the scan');
      for (const p of during) assert.ok(!p.codes.includes('unresolved-reference'), `an absence finding before the scan ended: ${p.messages.join('; ')}`);
      const last = published[published.length - 1];
      assert.deepEqual(last.messages.filter((m) => /refers to/.test(m)), ['`indicatorRef` refers to SLI `sli-nowhere`, which is not defined anywhere in the workspace']);
    } finally {
      await server.close();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
