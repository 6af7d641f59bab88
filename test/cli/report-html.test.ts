// The HTML readiness report in a real browser: `prr report --format html` of examples/,
// opened in headless Chromium (Debian's, driven by playwright-core). The services table
// and the scores must be visible, the strict CSP must let the page's own style and script
// run, nothing may be fetched, and the services expand by keyboard. Screenshots go to
// test-results/readiness-report.png (as loaded), readiness-report-expanded.png and
// readiness-report-dark.png (a dark system scheme). Skipped where /usr/bin/chromium is absent
// (CI installs it: see .ci/run).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { prr, root } from './run-prr';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const RESULTS = join(root, 'test-results');
/** What the page functions use of the browser (the tests compile without the DOM library). */
interface PageGlobals {
  getComputedStyle(element: unknown): { backgroundColor: string; color: string };
  document: { activeElement: { textContent: string | null } | null; documentElement: { style: { setProperty(name: string, value: string): void } } };
}

const missing = existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed (apt-get install -y chromium); CI installs it`;

test('the HTML report of examples/ in headless Chromium: rows, scores, CSP, keyboard, theme, screenshots', { skip: missing, timeout: 60_000 }, async () => {
  mkdirSync(RESULTS, { recursive: true });
  const file = join(RESULTS, 'readiness-report.html');
  const run = prr(['report', 'examples', '--format', 'html', '--output', file], { env: { PRR_NOW: '2026-12-01' } });
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stdout, '');
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('request', (r) => requests.push(r.url()));
    const url = pathToFileURL(file).href;
    await page.goto(url);

    // Every service is a row with its name, score and level visible.
    const rows = page.locator('tr.service');
    assert.equal(await rows.count(), 3);
    const expected = [['checkout-api', '100', 'Gold'], ['inventory-sync', '12', 'None'], ['payments-worker', '32', 'None']];
    for (const [i, [name, score, level]] of expected.entries()) {
      const row = rows.nth(i);
      assert.ok(await row.isVisible(), `${name} row is visible`);
      assert.equal(await row.locator('button.toggle').innerText(), name);
      assert.ok(await row.locator('.score .value').isVisible());
      assert.equal(await row.locator('.score .value').innerText(), score);
      assert.equal(await row.locator('.level').innerText(), level);
    }
    assert.equal(await page.locator('tr.service[data-name="payments-worker"] .badge.blocked').innerText(), 'Blocked');

    // The script ran under the CSP: with three services, all start collapsed.
    assert.equal(await page.locator('tr.details:visible').count(), 0);
    // The stylesheet applied: the Gold badge has its background color.
    const gold = await page.locator('tr.service .level.gold').evaluate((e) => (globalThis as unknown as PageGlobals).getComputedStyle(e).backgroundColor);
    assert.equal(gold, 'rgb(246, 213, 92)');

    await page.screenshot({ path: join(RESULTS, 'readiness-report.png') });

    // Keyboard: focus the first toggle, expand it with Enter, move down with the arrow key, expand with Space.
    await page.locator('button.toggle').first().focus();
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('button.toggle').first().getAttribute('aria-expanded'), 'true');
    assert.ok(await page.locator('#svc-0').isVisible());
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.evaluate(() => (globalThis as unknown as PageGlobals).document.activeElement?.textContent), 'inventory-sync');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    assert.ok(await page.locator('#svc-2').isVisible());
    // A failed check of payments-worker shows its remedy and a link to its location.
    const blocking = page.locator('#svc-2 tr.check.blocking');
    assert.equal(await blocking.count(), 1);
    assert.match(await blocking.innerText(), /manifest-valid/);
    assert.match(await blocking.locator('a.loc').last().getAttribute('href') ?? '', /^file:\/\/.*payments-worker\.readiness\.yaml$/);
    assert.ok(await page.locator('#svc-2 .remedy').first().isVisible());

    await page.locator('#svc-2').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(RESULTS, 'readiness-report-expanded.png') });
    assert.deepEqual(problems, [], 'no console errors (a CSP violation would be one)');
    assert.deepEqual(requests, [url], 'the page fetches nothing but itself');

    // Theme-aware: VS Code's theme variables win (as a webview sets them on <html>); in a
    // plain browser the system's dark scheme gives a dark page.
    await page.evaluate(() => {
      const root = (globalThis as unknown as PageGlobals).document.documentElement;
      root.style.setProperty('--vscode-editor-background', 'rgb(30, 30, 30)');
      root.style.setProperty('--vscode-foreground', 'rgb(204, 204, 204)');
    });
    assert.equal(await page.locator('body').evaluate((e) => (globalThis as unknown as PageGlobals).getComputedStyle(e).backgroundColor), 'rgb(30, 30, 30)');
    assert.equal(await page.locator('body').evaluate((e) => (globalThis as unknown as PageGlobals).getComputedStyle(e).color), 'rgb(204, 204, 204)');
    const dark = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: 'dark' });
    await dark.goto(url);
    const background = await dark.locator('body').evaluate((e) => (globalThis as unknown as PageGlobals).getComputedStyle(e).backgroundColor);
    const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
    assert.ok(r + g + b < 150, `a dark background in a dark system scheme; got ${background}`);
    await dark.screenshot({ path: join(RESULTS, 'readiness-report-dark.png') });
  } finally {
    await browser?.close();
  }
});
