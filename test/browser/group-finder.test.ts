import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, phoneViewport } from '../support/chromium.js';
import { withDemoStackAndBrowser, type DemoStack } from '../support/demo-stack.js';

describe.runIf(chromiumAvailable)('the group finder on the clinic site', () => {
  let stack: DemoStack;
  let browser: Browser;

  withDemoStackAndBrowser((started) => {
    ({ stack, browser } = started);
  });

  it('lets a guest find a group by searching in Arabic, and takes them to its page', async () => {
    const page = await browser.newPage({ viewport: phoneViewport });
    await page.goto(`${stack.site.url}/ar/`);
    const finder = page.locator('hearth-group-finder');
    await finder.getByLabel('ابحث في المجموعات').fill('السكري');
    await finder.getByRole('button', { name: 'بحث' }).click();
    const card = finder.locator('[part~="card"]', { hasText: 'مجموعة دعم مرضى السكري' });
    await expect.poll(() => card.count()).toBe(1);
    await expect.poll(() => finder.locator('[part~="card"]').count()).toBe(1);
    await card.getByRole('link', { name: 'مجموعة دعم مرضى السكري' }).click();
    await page.waitForURL(/\/ar\/groups\/diabetes-support$/);
    await page.close();
  });
});
