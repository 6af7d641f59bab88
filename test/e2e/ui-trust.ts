// Workspace trust in the real workbench (issue #10): code-server runs WITH workspace trust
// here, on a folder whose .prr.yaml raises one rule (runbook-placeholder: error, default
// warning) and turns one off (runbook-missing-section: off). The test answers the trust
// modal "No" (restricted mode) and checks that the extension says so once, that the raise
// is ignored while the lowering applies, then trusts the folder through "Manage Workspace
// Trust" and checks the raise applies. Screenshots: test-results/e2e-trust-*.png.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator } from 'playwright-core';
import { WAIT, quickOpen, expect, type Outcome } from './workbench';

const NOTICE = 'PRR: this workspace is not trusted, so its .prr.yaml files may only lower rule severities and choose files';

/** The folder under test: a runbook with a placeholder and none of the default sections. */
export function writeTrustWorkspace(dir: string): void {
  mkdirSync(join(dir, 'runbooks'), { recursive: true });
  writeFileSync(join(dir, '.prr.yaml'), [
    'rules:',
    '  runbook-placeholder: error       # louder than its default (warning): not while untrusted',
    '  runbook-missing-section: off     # lower: honoured either way',
    '',
  ].join('\n'));
  writeFileSync(join(dir, 'runbooks', 'DiskFull.md'), ['# Disk full', '', '## Meaning', '', 'TODO', ''].join('\n'));
}

export async function uiTrust(browser: Browser, url: string, workspace: string, results: string): Promise<Outcome[]> {
  mkdirSync(results, { recursive: true });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const outcomes: Outcome[] = [];
  let failed = false;
  const step = async (name: string, fn: () => Promise<void>) => {
    // Each step builds on the one before: after a failure the rest would only repeat it.
    if (failed) {
      outcomes.push({ name: `UI trust: ${name}`, ok: false, error: 'skipped: an earlier trust step failed' });
      return;
    }
    try {
      await fn();
      outcomes.push({ name: `UI trust: ${name}`, ok: true });
    } catch (error) {
      failed = true;
      outcomes.push({ name: `UI trust: ${name}`, ok: false, error: error instanceof Error ? error.message : String(error) });
      await page.screenshot({ path: join(results, `e2e-trust-failed-${outcomes.length}.png`) }).catch(() => undefined);
    }
  };
  const problemRow = (rule: string): Locator => page.locator('.markers-panel .monaco-list-row', { hasText: rule });
  try {
    await page.goto(`${url}/?folder=${encodeURIComponent(workspace)}`);

    await step('the trust prompt appears and "No" opens the folder in restricted mode', async () => {
      const no = page.locator('.monaco-dialog-box .monaco-button', { hasText: "No, I don't trust the authors" });
      await no.first().waitFor(WAIT);
      await page.screenshot({ path: join(results, 'e2e-trust-prompt.png') });
      await no.first().click();
      await page.locator('.monaco-dialog-box').waitFor({ state: 'detached', ...WAIT });
      await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor(WAIT);
    });

    await step('the extension says once that .prr.yaml is restricted', async () => {
      await quickOpen(page, 'DiskFull.md');
      await page.keyboard.press('Control+Shift+M');
      await problemRow('runbook-placeholder').first().waitFor(WAIT);
      // The extension says it on activation, often while the trust prompt is still up, and
      // the toast hides itself after a while: the notification centre keeps every message.
      await page.keyboard.press('Control+Shift+P');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor(WAIT);
      await input.fill('>Notifications: Show Notifications');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Show Notifications' }).first().waitFor(WAIT);
      await page.keyboard.press('Enter');
      const messages = page.locator('.notifications-center .notification-list-item-message', { hasText: NOTICE });
      await messages.first().waitFor(WAIT);
      const count = await messages.count();
      expect(count === 1, `the notice shows once, saw ${count}`);
      await page.screenshot({ path: join(results, 'e2e-trust-notice.png') });
      await page.keyboard.press('Escape');
    });

    await step('untrusted: the raised rule keeps its default severity (warning), the rule turned off stays off', async () => {
      const icon = problemRow('runbook-placeholder').first().locator('.marker-icon');
      const cls = (await icon.getAttribute('class')) ?? '';
      expect(/\bwarning\b/.test(cls) && !/\berror\b/.test(cls), `the runbook-placeholder row has a warning icon, its class is "${cls}"`);
      const squiggles = await page.locator('.squiggly-warning').count();
      expect(squiggles >= 1 && (await page.locator('.squiggly-error').count()) === 0, `warning squiggles only (saw ${squiggles} warning)`);
      expect((await problemRow('runbook-missing-section').count()) === 0, 'no runbook-missing-section row: the lowering applies while untrusted');
      await page.screenshot({ path: join(results, 'e2e-trust-restricted.png') });
    });

    await step('after "Manage Workspace Trust" → Trust, the raised rule is an error', async () => {
      await page.keyboard.press('Control+Shift+P');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor(WAIT);
      await input.fill('>Manage Workspace Trust');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Manage Workspace Trust' }).first().waitFor(WAIT);
      await page.keyboard.press('Enter');
      const trust = page.locator('.workspace-trust-editor .workspace-trust-buttons .monaco-button', { hasText: /^Trust/ });
      await trust.first().waitFor(WAIT);
      await trust.first().click();
      await page.locator('.markers-panel .monaco-list-row .marker-icon.error').first().waitFor(WAIT);
      const cls = (await problemRow('runbook-placeholder').first().locator('.marker-icon').getAttribute('class')) ?? '';
      expect(/\berror\b/.test(cls), `the runbook-placeholder row has an error icon, its class is "${cls}"`);
      expect((await problemRow('runbook-missing-section').count()) === 0, 'runbook-missing-section stays off once trusted');
      // The trust editor stays open as a modal over the workbench (Escape does not close
      // it); the status bar's 1 error, 0 warnings still shows in the screenshot.
      await page.screenshot({ path: join(results, 'e2e-trust-trusted.png') });
    });
  } finally {
    await page.close();
  }
  return outcomes;
}
