// Error-budget insight through the real server: inlay hints after each objective's target and
// each alert (code lenses for a client without inlay hints), the same numbers in hover and in
// the outline, and the budget rules failing and passing. The clock is pinned (PRR_NOW) so the
// calendar window is November 2026, 30 days.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ClientCapabilities, CodeLens, Diagnostic, DocumentSymbol, Hover, InlayHint, ProtocolConnection } from 'vscode-languageserver-protocol';
import { withServer } from './server-process';

process.env.PRR_NOW = '2026-11-27';

const FIXTURES = join(__dirname, '..', 'fixtures', 'budget');
const read = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const OPENSLO = read('slos.openslo.yaml');
const SLOTH = read('checkout.sloth.yaml');
const BAD = read('alerts-bad.openslo.yaml');
const BASE = 'file:///ws/budget/';
const INLAY: ClientCapabilities = {
  workspace: { configuration: true },
  textDocument: { inlayHint: {}, hover: { contentFormat: ['markdown'] }, documentSymbol: { hierarchicalDocumentSymbolSupport: true } },
};
const BUDGET_RULES = ['slo-alert-after-budget', 'slo-page-slow-burn', 'slo-lookback-exceeds-window', 'slo-budget-too-small'];

async function open(connection: ProtocolConnection, name: string, text: string): Promise<void> {
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: BASE + name, languageId: 'yaml', version: 1, text } });
}

const hintsOf = (connection: ProtocolConnection, name: string, text: string) =>
  connection.sendRequest('textDocument/inlayHint', { textDocument: { uri: BASE + name }, range: { start: { line: 0, character: 0 }, end: { line: text.split('\n').length, character: 0 } } }) as Promise<InlayHint[]>;

/** 0-based line of the `nth` line holding `needle`. */
function lineOf(text: string, needle: string, nth = 1): number {
  const lines = text.split('\n');
  let seen = 0;
  for (let i = 0; i < lines.length; i++) if (lines[i].includes(needle) && ++seen === nth) return i;
  throw new Error(`no line ${nth} with ${needle}`);
}

const endOf = (text: string, line: number) => ({ line, character: text.split('\n')[line].length });

test('inlay hints: rolling, calendar, Timeslices and Occurrences objectives and a burn-rate alert', async () => {
  await withServer({ capabilities: INLAY }, async (server) => {
    assert.deepEqual(server.initialize.capabilities.inlayHintProvider, { resolveProvider: false });
    assert.equal(server.initialize.capabilities.codeLensProvider, undefined);
    await open(server.connection, 'slos.openslo.yaml', OPENSLO);
    const hints = await hintsOf(server.connection, 'slos.openslo.yaml', OPENSLO);
    assert.deepEqual(hints.map((h) => [h.position, h.label]), [
      [endOf(OPENSLO, lineOf(OPENSLO, 'target: 0.999')), '40 m 19 s of error budget per 28 d (0.1 % may fail)'],
      [endOf(OPENSLO, lineOf(OPENSLO, 'targetPercent: 99.5')), '3 h 36 m of error budget per 30 d (0.5 % may fail)'],
      [endOf(OPENSLO, lineOf(OPENSLO, 'target: 0.999', 2)), '40 bad 1 m slices of 40 320 (40 m) per 28 d'],
      [endOf(OPENSLO, lineOf(OPENSLO, 'threshold: 14.4')), 'burn rate 14.4× over 1h for 5m: budget gone in 1 d 22 h; fires after 2.32 % of it is spent'],
    ]);
    const calendar = hints[1].tooltip as { kind: string; value: string };
    assert.equal(calendar.kind, 'markdown');
    assert.match(calendar.value, /current calendar window 2026-11-01 – 2026-12-01/);
    // Only the hints inside the requested range.
    const some = (await server.connection.sendRequest('textDocument/inlayHint', { textDocument: { uri: BASE + 'slos.openslo.yaml' }, range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } } })) as InlayHint[];
    assert.equal(some.length, 1);
  });
});

test('inlay hints for a Sloth file: the 30-day budget and the page and ticket alerts Sloth generates', async () => {
  await withServer({ capabilities: INLAY }, async (server) => {
    await open(server.connection, 'checkout.sloth.yaml', SLOTH);
    const hints = await hintsOf(server.connection, 'checkout.sloth.yaml', SLOTH);
    assert.deepEqual(hints.map((h) => [h.position.line, h.label]), [
      [lineOf(SLOTH, 'objective: 99.9'), '43 m 12 s of error budget per 30 d (0.1 % may fail)'],
      [lineOf(SLOTH, 'page_alert:'), 'page: 14.4× over 1 h/5 m (gone in 2 d 2 h, fires after 2 %); 6× over 6 h/30 m (gone in 5 d, fires after 5 %)'],
      [lineOf(SLOTH, 'ticket_alert:'), 'ticket: 3× over 1 d/2 h (gone in 10 d, fires after 10 %); 1× over 3 d/6 h (gone in 30 d, fires after 10 %)'],
    ]);
  });
});

test('hover carries the same numbers; the outline carries them in detail', async () => {
  await withServer({ capabilities: INLAY }, async (server) => {
    await open(server.connection, 'slos.openslo.yaml', OPENSLO);
    await open(server.connection, 'checkout.sloth.yaml', SLOTH);
    const line = lineOf(OPENSLO, 'target: 0.999');
    const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: BASE + 'slos.openslo.yaml' }, position: { line, character: 6 } })) as Hover;
    const text = (hover.contents as { value: string }).value;
    assert.match(text, /\*\*Error budget\*\*: 40 m 19 s per 28 d — 0\.1 % may fail: 1 in 1 000 events/);
    assert.match(text, /Allowed error ratio 1 − 0\.999 = 0\.001; budget = window × ratio\./);
    const alert = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: BASE + 'slos.openslo.yaml' }, position: { line: lineOf(OPENSLO, 'lookbackWindow: 1h'), character: 6 } })) as Hover;
    assert.match((alert.contents as { value: string }).value, /\*\*Burn-rate alert\*\* on SLO `checkout-availability` \(window 28 d\)[\s\S]*= 1 d 22 h\.[\s\S]*= 2\.32 % of the budget is spent/);
    const sloth = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: BASE + 'checkout.sloth.yaml' }, position: { line: lineOf(SLOTH, 'severity: critical'), character: 10 } })) as Hover;
    assert.match((sloth.contents as { value: string }).value, /\*\*Sloth page alert\*\* \(SLO period 30 d\)[\s\S]*- 14\.4× over 1 h and 5 m: a full budget is gone in 2 d 2 h; it fires after 2 % of the budget is spent/);

    const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: BASE + 'slos.openslo.yaml' } })) as DocumentSymbol[];
    const objective = symbols[0].children?.find((c) => c.name === 'objectives')?.children?.[0];
    assert.equal(objective?.name, 'available');
    assert.equal(objective?.detail, '[0] · 40 m 19 s of error budget per 28 d (0.1 % may fail)');
    const condition = symbols.find((s) => s.name === 'AlertCondition checkout-fast-burn');
    assert.match(condition?.detail ?? '', /· burn rate 14\.4× over 1h for 5m: budget gone in 1 d 22 h/);
    const slothSymbols = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: BASE + 'checkout.sloth.yaml' } })) as DocumentSymbol[];
    const slo = slothSymbols[0].children?.find((c) => c.name === 'slos')?.children?.[0];
    assert.equal(slo?.detail, '[0] · 43 m 12 s of error budget per 30 d (0.1 % may fail)');
  });
});

test('a client without inlay hints gets the same text as code lenses', async () => {
  await withServer({ capabilities: { workspace: { configuration: true } } }, async (server) => {
    assert.deepEqual(server.initialize.capabilities.codeLensProvider, { resolveProvider: false });
    assert.equal(server.initialize.capabilities.inlayHintProvider, undefined);
    await open(server.connection, 'checkout.sloth.yaml', SLOTH);
    const lenses = (await server.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: BASE + 'checkout.sloth.yaml' } })) as CodeLens[];
    assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command?.title, l.command?.command]), [
      [lineOf(SLOTH, 'objective: 99.9'), '43 m 12 s of error budget per 30 d (0.1 % may fail)', ''],
      [lineOf(SLOTH, 'page_alert:'), 'page: 14.4× over 1 h/5 m (gone in 2 d 2 h, fires after 2 %); 6× over 6 h/30 m (gone in 5 d, fires after 5 %)', ''],
      [lineOf(SLOTH, 'ticket_alert:'), 'ticket: 3× over 1 d/2 h (gone in 10 d, fires after 10 %); 1× over 3 d/6 h (gone in 30 d, fires after 10 %)', ''],
    ]);
  });
});

const budgetDiagnostics = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => BUDGET_RULES.includes(String(d.code))).map((d) => [d.code, d.range.start.line, d.severity]);

test('the budget rules: each fails on its case and passes on sound SLOs', async () => {
  await withServer({}, async (server) => {
    const bad = server.nextDiagnostics(BASE + 'alerts-bad.openslo.yaml');
    await open(server.connection, 'alerts-bad.openslo.yaml', BAD);
    const found = (await bad).diagnostics;
    assert.deepEqual(budgetDiagnostics(found), [
      ['slo-budget-too-small', lineOf(BAD, 'target: 0.99999'), 2],
      ['slo-page-slow-burn', lineOf(BAD, 'threshold: 1'), 2],
      ['slo-alert-after-budget', lineOf(BAD, 'threshold: 2'), 2],
      ['slo-lookback-exceeds-window', lineOf(BAD, 'lookbackWindow: 8d'), 2],
    ]);
    assert.deepEqual(found.filter((d) => !BUDGET_RULES.includes(String(d.code))), [], 'the fixture has no other problem');
    const message = (id: string) => String(found.find((d) => d.code === id)?.message ?? '');
    assert.match(message('slo-budget-too-small'), /^target 0\.99999 leaves an error budget of 6 s per 7 d, under the 1 m minimum \(`budget\.minimumBudget`\).*a target of at most 0\.9999 gives 1 m or more$/);
    assert.match(message('slo-page-slow-burn'), /^a page alert with burn-rate threshold 1 pages for normal spending/);
    assert.match(message('slo-alert-after-budget'), /^at burn rate 2 this alert fires only after 143 % of the 7 d error budget is spent: the budget is gone in 3 d 12 h, but the condition needs 5 d .*lower the threshold below 1\.4/);
    assert.match(message('slo-lookback-exceeds-window'), /^lookbackWindow `8d` \(8 d\) is longer than the 7 d time window of SLO `search-availability`/);

    for (const [name, text] of [['slos.openslo.yaml', OPENSLO], ['checkout.sloth.yaml', SLOTH]]) {
      const good = server.nextDiagnostics(BASE + name);
      await open(server.connection, name, text);
      assert.deepEqual(budgetDiagnostics((await good).diagnostics), [], `${name} passes every budget rule`);
    }
  });
});

test('`.prr.yaml` budget settings: a higher minimum budget and Sloth’s 28-day period', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'prr-lsp-budget-'));
  try {
    writeFileSync(join(folder, '.prr.yaml'), 'budget:\n  slothWindow: 28d\n  minimumBudget: 1h\n');
    const uri = pathToFileURL(join(folder, 'checkout.sloth.yaml')).href;
    await withServer({ rootUri: pathToFileURL(folder).href, capabilities: INLAY }, async (server) => {
      const diagnostics = server.nextDiagnostics(uri);
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: SLOTH } });
      const found = (await diagnostics).diagnostics.filter((d) => d.code === 'slo-budget-too-small');
      assert.equal(found.length, 1);
      assert.match(String(found[0].message), /error budget of 40 m 19 s per 28 d, under the 1 h minimum/);
      const hints = (await server.connection.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 30, character: 0 } } })) as InlayHint[];
      assert.match(String(hints[1].label), /^page: 13\.44× over 1 h\/5 m \(gone in 2 d 2 h, fires after 2 %\)/);
    });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('a condition in its own file follows its SLO: editing the SLO window re-checks the condition file', async () => {
  const condition = 'apiVersion: openslo/v1\nkind: AlertCondition\nmetadata:\n  name: slow-burn\nspec:\n  severity: ticket\n  condition:\n    kind: burnrate\n    op: gt\n    threshold: 2\n    lookbackWindow: 5d\n';
  const policy = 'apiVersion: openslo/v1\nkind: AlertPolicy\nmetadata:\n  name: tickets\nspec:\n  conditions:\n    - conditionRef: slow-burn\n  notificationTargets:\n    - targetRef: oncall\n';
  const slo = (window: string) => `apiVersion: openslo/v1\nkind: SLO\nmetadata:\n  name: api\nspec:\n  service: svc\n  indicatorRef: sli\n  budgetingMethod: Occurrences\n  timeWindow:\n    - duration: ${window}\n      isRolling: true\n  objectives:\n    - target: 0.99\n  alertPolicies:\n    - alertPolicyRef: tickets\n`;
  const late = (d: Diagnostic[]) => d.some((x) => x.code === 'slo-alert-after-budget');
  await withServer({ capabilities: INLAY }, async (server) => {
    await open(server.connection, 'policy.yaml', policy);
    await open(server.connection, 'slo.yaml', slo('28d'));
    const first = server.nextDiagnostics(BASE + 'condition.yaml');
    await open(server.connection, 'condition.yaml', condition);
    assert.equal(late((await first).diagnostics), false, '2 × 5 d ÷ 28 d = 35.7 %: in time');
    const hints = await hintsOf(server.connection, 'condition.yaml', condition);
    assert.equal(hints[0].label, 'burn rate 2× over 5d: budget gone in 14 d; fires after 35.7 % of it is spent');
    // The SLO's window shrinks to 7 days: 143 % — the condition file is re-checked without being touched.
    const again = server.nextDiagnostics(BASE + 'condition.yaml', (p) => late(p.diagnostics));
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: BASE + 'slo.yaml', version: 2 }, contentChanges: [{ text: slo('7d') }] });
    const message = String((await again).diagnostics.find((d) => d.code === 'slo-alert-after-budget')?.message);
    assert.match(message, /^at burn rate 2 this alert fires only after 143 % of the 7 d error budget is spent/);
  });
});
