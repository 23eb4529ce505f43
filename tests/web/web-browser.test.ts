import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../helpers/harness.ts';
import { ADA, GROUP, NOW, seedGroup, serveWeb } from '../helpers/web-group.ts';

/** Debian's chromium package; CI installs it (.ci/run), and there its absence fails the test instead of skipping it. */
const CHROMIUM = '/usr/bin/chromium';
const skip = !existsSync(CHROMIUM) && !process.env.CI;
/** MLQ_UPDATE_SCREENSHOTS=1 also writes the README's screenshots into docs/; otherwise a run leaves the checkout alone. */
const UPDATE_DOCS = process.env.MLQ_UPDATE_SCREENSHOTS === '1';
if (skip) {
  process.stderr.write(
    `web-browser.test.ts skipped: no Chromium at ${CHROMIUM} (install it with apt-get install -y chromium; in CI this fails instead).\n`,
  );
}

let h: Harness;
let web: Awaited<ReturnType<typeof serveWeb>>;
let browser: Browser;
const shots = mkdtempSync(join(tmpdir(), 'mlq-web-shots-'));

beforeAll(async () => {
  if (skip) return;
  h = await seedGroup();
  web = await serveWeb(h);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await web?.close();
  await h?.close();
});

/** A fresh page that fails the test on any dialog (an alert would mean a member's name ran as script). */
async function open(url: string): Promise<{ page: Page; status: number | undefined }> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  page.on('dialog', (dialog) => {
    throw new Error(`a dialog opened: ${dialog.message()}`);
  });
  const response = await page.goto(url);
  return { page, status: response?.status() };
}

/**
 * The lowest contrast ratio between any visible text on the page and the background behind it (WCAG's formula),
 * run in the page (as source text, since the tests compile without the DOM's types).
 */
const LOWEST_CONTRAST = `(() => {
  const rgb = (c) => (c.match(/[\\d.]+/g) ?? []).map(Number);
  const channel = (v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
  const lum = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  const background = (el) => {
    for (; el; el = el.parentElement) {
      const c = rgb(getComputedStyle(el).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  let lowest = { ratio: 21, text: '' };
  for (const el of document.querySelectorAll('body *')) {
    const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
    if (!own || el.closest('svg') || el.offsetParent === null) continue;
    const [a, b] = [lum(rgb(getComputedStyle(el).color)), lum(background(el))];
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < lowest.ratio) lowest = { ratio, text: el.textContent.trim().slice(0, 40) };
  }
  return lowest;
})()`;

const lowestContrast = (page: Page) => page.evaluate<{ ratio: number; text: string }>(LOWEST_CONTRAST);

/** The focused element: its tag, id, text and outline. */
const focused = (page: Page) =>
  page.evaluate<{ tag: string; id: string; text: string; outline: string }>(`(() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    return { tag: el.tagName, id: el.id, text: el.textContent?.trim().slice(0, 40) ?? '', outline: style.outlineStyle + ' ' + style.outlineWidth };
  })()`);

describe.skipIf(skip)('the group page in headless Chromium', () => {
  it('shows the boards, heatmap and archive through a signed link, readable and without running names as script', async () => {
    const { page, status } = await open(web.links.link(GROUP, ADA.id, 1, h.clock.now()).url);
    expect(status).toBe(200);
    expect(await page.title()).toBe('#study-group · mlq');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('#study-group');
    const allTime = page.getByRole('table', { name: 'All time' });
    expect(await allTime.getByRole('row').allTextContents()).toEqual([
      'RankMemberPoints',
      '1Ada80',
      '2a member50',
      '3Ben40',
      '4<script>alert("pwned")</script><img src=x onerror=alert(1)> Eve & co30',
    ]);
    expect(await page.getByRole('img', { name: /^Activity heatmap of the group from 2026-06-01 to 2026-11-26: 20 answers/ }).count()).toBe(
      1,
    );
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.getByRole('searchbox', { name: 'Words' }).count()).toBe(1);
    expect(await page.getByRole('combobox', { name: 'Category' }).count()).toBe(1);
    const contrast = await lowestContrast(page);
    expect(contrast.ratio, contrast.text).toBeGreaterThanOrEqual(4.5);
    await page.screenshot({ path: join(shots, 'group.png'), fullPage: true });
    if (UPDATE_DOCS) await page.screenshot({ path: join('docs', 'web-group.png'), fullPage: true });
    await page.close();
  }, 60_000);

  it('works from the keyboard: a skip link first, a visible focus ring, and a search submitted with Enter', async () => {
    const { page } = await open(web.links.link(GROUP, ADA.id, 1, h.clock.now()).url);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toEqual({ tag: 'A', id: '', text: 'Skip to content', outline: 'solid 3px' });
    await page.keyboard.press('Enter');
    // The jump to the fragment lands after the key press returns: wait for it rather than read the URL at once.
    await page.waitForURL((url) => url.hash === '#main', { timeout: 10_000 });
    expect(new URL(page.url()).hash).toBe('#main');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'A', text: 'Ada', outline: 'solid 3px' });
    for (let i = 0; i < 40 && (await focused(page)).id !== 'q'; i++) await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'INPUT', id: 'q', outline: 'solid 3px' });
    await page.keyboard.type('dropout');
    await Promise.all([page.waitForURL(/q=dropout/), page.keyboard.press('Enter')]);
    expect(await page.locator('ol.results li strong').allTextContents()).toEqual([
      'Why does dropout help a deep network generalise?',
      'Why does dropout help a deep network generalise?',
    ]);
    await page.getByRole('link', { name: 'Your page' }).focus();
    await Promise.all([page.waitForURL(/\/m\/test%3Aada/), page.keyboard.press('Enter')]);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Ada');
    expect(await page.getByRole('heading', { name: 'Your mastery by category' }).count()).toBe(1);
    const contrast = await lowestContrast(page);
    expect(contrast.ratio, contrast.text).toBeGreaterThanOrEqual(4.5);
    await page.screenshot({ path: join(shots, 'member.png'), fullPage: true });
    if (UPDATE_DOCS) await page.screenshot({ path: join('docs', 'web-member.png'), fullPage: true });
    await page.close();
  }, 60_000);

  it('answers 403 to a forged link and to an expired one', async () => {
    const url = web.links.link(GROUP, ADA.id, 1, h.clock.now()).url;
    const forged = await open(url.replace(/.{4}$/, 'AAAA'));
    expect(forged.status).toBe(403);
    expect(await forged.page.getByRole('heading', { level: 1 }).textContent()).toBe('This link does not open the page');
    await forged.page.screenshot({ path: join(shots, 'forbidden.png') });
    await forged.page.close();
    h.clock.set(new Date(NOW.getTime() + 7 * 86_400_000));
    const expired = await open(url);
    expect(expired.status).toBe(403);
    await expired.page.close();
    h.clock.set(NOW);
    process.stderr.write(`web-browser.test.ts screenshots: ${shots}\n`);
  }, 60_000);
});
