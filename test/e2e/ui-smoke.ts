// The UI smoke test: what a person sees in the workbench. Opens the payments manifest (five
// deliberate problems), checks the squiggles, the Problems panel rows and the readiness
// status-bar item, then runs "PRR: Show Readiness Report" from the command palette and
// checks the webview's service rows, exports the report with its Export… button through the
// save dialog, and creates a runbook through "PRR: New Runbook"'s
// prompt. Screenshots: test-results/e2e-*.png.

import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { WAIT, quickOpen, until, expect, type Outcome } from './workbench';

export async function uiSmoke(browser: Browser, url: string, workspace: string, results: string): Promise<Outcome[]> {
  mkdirSync(results, { recursive: true });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const outcomes: Outcome[] = [];
  const step = async (name: string, fn: () => Promise<void>) => {
    try {
      await fn();
      outcomes.push({ name: `UI: ${name}`, ok: true });
    } catch (error) {
      outcomes.push({ name: `UI: ${name}`, ok: false, error: error instanceof Error ? error.message : String(error) });
      await page.screenshot({ path: join(results, `e2e-failed-${outcomes.length}.png`) }).catch(() => undefined);
    }
  };
  try {
    await page.goto(`${url}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor(WAIT);

    await step('the manifest with errors shows squiggles', async () => {
      await quickOpen(page, 'payments-worker.readiness.yaml');
      await page.locator('.squiggly-error').first().waitFor(WAIT);
      const count = await page.locator('.squiggly-error').count();
      expect(count >= 4, `at least 4 error squiggles in view, saw ${count}`);
      await page.screenshot({ path: join(results, 'e2e-squiggles.png') });
    });

    await step('the Problems panel lists the findings with their rule codes', async () => {
      await page.keyboard.press('Control+Shift+M');
      const rows = page.locator('.markers-panel .monaco-list-row');
      await rows.filter({ hasText: 'lifecyle' }).first().waitFor(WAIT);
      const texts = await rows.allInnerTexts();
      const all = texts.join('\n');
      for (const expected of ['unknown property `lifecyle` in `spec`', 'must be one of `1`, `2`, `3`, `4`; got `5`', 'missing required property `severity`', '`2025-13-40`']) {
        expect(all.includes(expected), `a Problems row says "${expected}"; rows:\n${all}`);
      }
      expect(/unknown-property/.test(all), `the rows carry the rule code; rows:\n${all}`);
      await page.screenshot({ path: join(results, 'e2e-problems.png') });
    });

    await step('the status bar shows the score and level of the service that owns the file', async () => {
      const item = page.locator('.statusbar-item', { hasText: 'payments-worker' });
      await item.first().waitFor(WAIT);
      const text = (await item.first().innerText()).trim();
      expect(/payments-worker \d+ · (no level|Bronze|Silver|Gold)/.test(text), `status bar item reads "${text}"`);
    });

    await step('"PRR: Show Readiness Report" from the command palette opens the webview', async () => {
      await page.keyboard.press('Control+Shift+P');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor(WAIT);
      await input.fill('>PRR: Show Readiness Report');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Show Readiness Report' }).first().waitFor(WAIT);
      await page.keyboard.press('Enter');
      // A webview is an iframe holding the page in a second iframe.
      const report = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
      const rows = report.locator('tr.service');
      await rows.first().waitFor(WAIT);
      const names = await rows.locator('button.toggle').allInnerTexts();
      expect(['checkout-api', 'inventory-sync', 'payments-worker'].every((n) => names.includes(n)), `the report lists the three services, got ${names.join(', ')}`);
      expect(await page.locator('.tab', { hasText: 'Readiness Report' }).first().isVisible(), 'a "Readiness Report" tab is shown');
      await page.screenshot({ path: join(results, 'e2e-report.png') });
    });

    await step('the report\'s "Export…" button saves Markdown through the save dialog', async () => {
      const report = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
      await report.locator('button[data-command="export"]').click();
      // code-server's save dialog is the workbench's simple file dialog: a path to type.
      const input = page.locator('.quick-input-widget input');
      await input.waitFor(WAIT);
      // It fills in the default name once it has read the folder; typing before that is lost.
      await until(async () => /readiness-report-[\d-]+\.html$/.test(await input.inputValue()), 'the save dialog\'s default file name');
      const target = join(workspace, 'ui-export.md');
      await input.fill(target);
      await until(async () => (await input.inputValue()) === target, 'the typed path in the save dialog');
      await page.keyboard.press('Enter');
      // The new file shows up in the Explorer (the "saved to" toast is not reliably on screen).
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'ui-export.md' }).first().waitFor(WAIT);
      const text = readFileSync(target, 'utf8');
      expect(/^# /.test(text) && ['checkout-api', 'inventory-sync', 'payments-worker'].every((n) => text.includes(n)), `ui-export.md is the Markdown report:\n${text.slice(0, 400)}`);
      await page.screenshot({ path: join(results, 'e2e-export.png') });
    });

    await step('"PRR: New Runbook" asks for a name and opens the new runbook', async () => {
      await page.keyboard.press('Control+Shift+P');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor(WAIT);
      await input.fill('>PRR: New Runbook');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'New Runbook' }).first().waitFor(WAIT);
      await page.keyboard.press('Enter');
      // The same widget now asks for the alert name.
      await page.locator('.quick-input-widget', { hasText: 'runbooks/<name>.md' }).waitFor(WAIT);
      await input.fill('UiSmokeAlert');
      await page.keyboard.press('Enter');
      await page.locator('.tab.active', { hasText: 'UiSmokeAlert.md' }).waitFor(WAIT);
      await page.locator('.view-lines', { hasText: 'UiSmokeAlert' }).first().waitFor(WAIT);
      await page.screenshot({ path: join(results, 'e2e-new-runbook.png') });
    });
  } finally {
    await page.close();
  }
  return outcomes;
}
