import type { Browser, Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, phoneViewport } from '../support/chromium.js';
import { withDemoStackAndBrowser, type DemoStack } from '../support/demo-stack.js';

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  if (!found) throw new Error('element not laid out');
  return found;
}

describe.runIf(chromiumAvailable)('right-to-left layout', () => {
  let stack: DemoStack;
  let browser: Browser;

  withDemoStackAndBrowser((started) => {
    ({ stack, browser } = started);
  });

  it('renders the Arabic site right to left, with the search button on the left of the field', async () => {
    const page = await browser.newPage({ viewport: phoneViewport });
    await page.goto(`${stack.site.url}/ar/`);
    const finder = page.locator('hearth-group-finder');
    await finder.locator('[part~="card"]').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    const base = finder.locator('[part="base"]');
    expect(await base.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
    expect(await base.getAttribute('lang')).toBe('ar');
    const field = await box(finder.getByLabel('ابحث في المجموعات'));
    const button = await box(finder.getByRole('button', { name: 'بحث' }));
    expect(button.x + button.width).toBeLessThanOrEqual(field.x + 1);
    // The heading starts at the right edge of the widget.
    const heading = await box(finder.getByRole('heading', { level: 2 }));
    const widget = await box(base);
    expect(widget.x + widget.width - (heading.x + heading.width)).toBeLessThan(2);
    await page.close();
  });

  it('renders the English site left to right, mirrored', async () => {
    const page = await browser.newPage({ viewport: phoneViewport });
    await page.goto(`${stack.site.url}/`);
    const finder = page.locator('hearth-group-finder');
    await finder.locator('[part~="card"]').first().waitFor();
    const base = finder.locator('[part="base"]');
    expect(await base.evaluate((element) => getComputedStyle(element).direction)).toBe('ltr');
    const field = await box(finder.getByLabel('Search groups'));
    const button = await box(finder.getByRole('button', { name: 'Search', exact: true }));
    expect(button.x).toBeGreaterThanOrEqual(field.x + field.width - 1);
    await page.close();
  });

  it('keeps each widget in its own language: an Arabic finder and an English finder on one page', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    await stack.hostPages.open(page, {
      body: `<section lang="ar" dir="rtl"><hearth-group-finder id="ar" institution="nour"></hearth-group-finder></section>
             <section><hearth-group-finder id="en"></hearth-group-finder></section>`,
    });
    const arabic = page.locator('#ar');
    const english = page.locator('#en');
    await arabic.locator('[part~="card"]').first().waitFor();
    await english.locator('[part~="card"]').first().waitFor();
    await expect.poll(() => arabic.getByRole('heading', { level: 2 }).textContent()).toBe('ابحث عن مجموعة دعم');
    await expect.poll(() => english.getByRole('heading', { level: 2 }).textContent()).toBe('Find a support group');
    expect(await arabic.locator('[part="base"]').evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
    expect(await english.locator('[part="base"]').evaluate((element) => getComputedStyle(element).direction)).toBe('ltr');

    // The host page switches one section's language: only that widget follows.
    await page.evaluate(() => {
      const section = document.querySelector('section:not([lang])')!;
      section.setAttribute('lang', 'ar');
      section.setAttribute('dir', 'rtl');
    });
    await expect.poll(() => english.getByRole('heading', { level: 2 }).textContent()).toBe('ابحث عن مجموعة دعم');
    expect(await english.locator('[part="base"]').evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
    await page.close();
  });
});
