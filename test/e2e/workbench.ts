// What the UI tests share: how long to wait for the workbench, opening a file through
// Quick Open, polling a condition no event reports, and plain assertions.

import type { Page } from 'playwright-core';

export interface Outcome { name: string; ok: boolean; error?: string }

export const WAIT = { timeout: 60_000 };

export async function quickOpen(page: Page, file: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor(WAIT);
  await input.fill(file);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: file }).first().waitFor(WAIT);
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: file }).waitFor(WAIT);
}

/** Polls a UI condition that no event reports (bounded: 30 s). */
export async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function expect(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}
