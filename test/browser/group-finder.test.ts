import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, phoneViewport } from '../support/chromium.js';
import { withDemoStackAndBrowser, type DemoStack } from '../support/demo-stack.js';
import { deepText } from '../support/page-text.js';

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

  it('opens a result tapped right after typing (leaving the search field does not re-render the cards under the finger)', async () => {
    const context = await browser.newContext({ viewport: phoneViewport, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${stack.site.url}/`);
    const finder = page.locator('hearth-group-finder');
    const field = finder.getByLabel('Search groups');
    await field.tap();
    await field.pressSequentially('fibromyalgia');
    const link = finder.locator('[part~="card"]').getByRole('link', { name: 'Living with Chronic Pain' });
    await expect.poll(() => finder.locator('[part~="card"]').count(), { timeout: 15_000 }).toBe(1);
    // The keyboard is still up and focus in the field: the first tap must open the group.
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('hearth-group-finder');
    await link.tap();
    await page.waitForURL(/\/groups\/chronic-pain$/, { timeout: 5_000 });
    await context.close();
  });

  it("shows a signed-in member's own groups first, with their status on each card", async () => {
    const context = await browser.newContext({ viewport: phoneViewport });
    const page = await context.newPage();
    await page.goto(`${stack.site.url}/sign-in?return=${encodeURIComponent('/')}`);
    await page.getByRole('button', { name: 'Omar Farouk' }).click();
    await page.waitForURL(`${stack.site.url}/`);
    const mine = page.locator('hearth-group-finder [part~="my-groups"]');
    await mine.getByRole('heading', { name: 'My groups' }).waitFor();
    const card = (name: string) => mine.locator('[part~="card"]', { hasText: name });
    // Omar is a member of Living with Chronic Pain and has asked to join the Type 2 Diabetes Support Circle.
    await expect.poll(() => deepText(card('Living with Chronic Pain').locator('[part~="membership"]')), { timeout: 15_000 }).toContain('You are a member');
    await expect.poll(() => deepText(card('Type 2 Diabetes').locator('[part~="membership"]')), { timeout: 15_000 }).toContain('Your request is pending');
    // The same status on the card in the results, and none on a group he has nothing to do with.
    const results = page.locator('hearth-group-finder .results').last();
    await expect.poll(() => deepText(results.locator('[part~="card"]', { hasText: 'Type 2 Diabetes' }).locator('[part~="membership"]')), { timeout: 15_000 }).toContain('Your request is pending');
    expect(await results.locator('[part~="card"]', { hasText: 'Dementia' }).locator('[part~="membership"]').count()).toBe(0);
    await context.close();
  });

  it('shows a guest no "My groups", and a search that sounds like a crisis the same help list as the writer gets, with phone links', async () => {
    const context = await browser.newContext({ viewport: phoneViewport });
    const page = await context.newPage();
    await page.goto(`${stack.site.url}/`);
    const finder = page.locator('hearth-group-finder');
    await finder.getByLabel('Search groups').fill('I want to end my life');
    await finder.getByRole('button', { name: 'Search', exact: true }).click();
    const crisis = finder.locator('[part~="crisis"]');
    await crisis.locator('[part~="crisis-resources"]').waitFor();
    const calls = await crisis.locator('a[href^="tel:"]').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(calls).toContain('tel:999');
    expect(await finder.locator('[part~="my-groups"]').count()).toBe(0);
    await context.close();
  });
});
