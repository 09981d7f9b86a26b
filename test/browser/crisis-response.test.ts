import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, desktopViewport, phoneViewport } from '../support/chromium.js';
import { withDemoStackAndBrowser, type DemoStack } from '../support/demo-stack.js';
import { deepText } from '../support/page-text.js';

/**
 * The crisis response of issue 8 through the widgets on the clinic site (Riverside, in English), at a phone's
 * size and a desktop's, each on a fresh database: the writer of a crisis post gets the help in front of them with
 * focus on it (not a jump to the post); the facilitator's queue opens on the crisis item, above join requests.
 */

const group = '/groups/new-parents';
const crisisTitle = 'I can’t do this any more';
const crisisBody = 'I want to end my life tonight.';

async function signIn(page: Page, stack: DemoStack, name: string, returnPath: string): Promise<void> {
  await page.goto(`${stack.site.url}/sign-in?return=${encodeURIComponent(returnPath)}`);
  await page.getByRole('button', { name }).click();
  await page.waitForURL(`${stack.site.url}${returnPath}`);
}

async function expectText(locator: Locator, text: string): Promise<void> {
  await expect.poll(() => locator.textContent(), { timeout: 15_000 }).toContain(text);
}

/** The element that has focus, through the widgets' shadow roots: its tag, text and place in the viewport. */
async function focused(page: Page): Promise<{ tag: string; text: string; top: number; bottom: number } | null> {
  return page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (!active || active === document.body) return null;
    const box = active.getBoundingClientRect();
    return { tag: active.localName, text: active.textContent?.trim() ?? '', top: box.top, bottom: box.bottom };
  });
}

/** Riverside's demo members' real names (packages/server/src/seed/demo-content.ts). */
const realNames = ['Amal Haddad', 'Omar Farouk', 'James Okafor', 'Priya Shah', 'Tom Hughes', 'Grace Miller', 'Ahmed Karim', 'Ellen Price', 'Noah Bennett', 'Ruth Evans'];

for (const [size, viewport] of [
  ['a phone (360×740)', phoneViewport],
  ['a desktop', desktopViewport],
] as const) {
  const phone = viewport === phoneViewport;

  describe.runIf(chromiumAvailable)(`the crisis response on ${size}`, () => {
    let stack: DemoStack;
    let browser: Browser;
    const contexts: BrowserContext[] = [];
    const person = async () => {
      const context = await browser.newContext({ viewport, locale: 'en-GB', hasTouch: phone });
      contexts.push(context);
      return context.newPage();
    };

    withDemoStackAndBrowser((started) => {
      ({ stack, browser } = started);
    });

    afterAll(async () => {
      for (const context of contexts) await context.close();
    });

    it('puts the help in front of the writer of a crisis post, with focus on it, instead of jumping to the post', async () => {
      const amal = await person();
      await signIn(amal, stack, 'Amal Haddad', group);
      const composer = amal.locator('hearth-group hearth-composer');
      await composer.getByLabel('Title').fill(crisisTitle);
      await composer.getByLabel('What would you like to share?').fill(crisisBody);
      await composer.getByLabel('Post anonymously').check();
      await composer.getByRole('button', { name: 'Post', exact: true }).click();

      const help = composer.locator('hearth-crisis-help');
      const heading = help.getByRole('heading', { name: 'Support is here for you' });
      await heading.waitFor();
      await expect.poll(async () => (await focused(amal))?.text).toBe('Support is here for you');
      const place = (await focused(amal))!;
      expect(place.top).toBeGreaterThanOrEqual(0);
      expect(place.bottom).toBeLessThanOrEqual(viewport.height);

      if (phone) {
        // A modal alert dialog, named by its heading, over the page.
        const dialog = help.getByRole('alertdialog', { name: 'Support is here for you' });
        await dialog.waitFor();
        expect(await help.locator('dialog').evaluate((element) => (element as HTMLDialogElement).open && element.matches(':modal'))).toBe(true);
      } else {
        expect(await help.locator('dialog').count()).toBe(0);
        const panel = help.locator('[part~="help"]');
        const box = (await panel.boundingBox())!;
        // Scrolled to the top of the viewport (below the page's margin), not somewhere above or below it.
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.y).toBeLessThan(viewport.height / 3);
      }

      // The institution's resources, with links that work on a phone, and https addresses only.
      const calls = help.locator('a[href^="tel:"]');
      expect(await calls.count()).toBeGreaterThan(0);
      for (const href of await help.locator('a[href]').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''))) {
        expect(href).toMatch(/^(tel:\+?\d+|sms:\+?\d+|https:\/\/)/);
      }

      // The feed did not take focus to the new post, which is behind the help.
      await help.getByRole('button', { name: 'Close' }).click();
      await expect.poll(async () => (await focused(amal))?.text).toBe('Start a conversation');
    });

    it("opens the facilitator's desk on the crisis item, above the join requests, with how long it has waited", async () => {
      const lina = await person();
      await signIn(lina, stack, 'Lina Mansour', '/facilitators');
      const desk = lina.locator('hearth-moderation-queue');
      const crisis = desk.locator('[part~="crisis"]');
      const first = crisis.locator('[part~="item"]').first();
      await expectText(first, crisisTitle);
      await expectText(first, 'waiting for a facilitator');
      // The crisis section comes before the join requests and the other reports, and is on the first screen.
      const top = async (locator: Locator) => (await locator.boundingBox())!.y;
      await desk.locator('[part~="requests"]').getByRole('heading', { name: 'Join requests' }).waitFor();
      expect(await top(crisis)).toBeLessThan(await top(desk.locator('[part~="requests"]')));
      expect(await top(crisis)).toBeLessThan(await top(desk.locator('[part~="queue"]')));
      expect(await top(first)).toBeLessThan(viewport.height);
      // The writer is anonymous: the card does not name her.
      expect(await first.textContent()).not.toContain('Amal');
      // The usual report actions are folded under "More actions".
      const more = first.getByText('More actions');
      await more.click();
      await first.getByRole('button', { name: 'No action needed' }).waitFor();
    });

    it('joins a member under a suggested pseudonym by default, never the name from sign-in', async () => {
      const omar = await person();
      await signIn(omar, stack, 'Omar Farouk', '/groups/grief-and-loss');
      const page = omar.locator('hearth-group');
      const appearance = page.locator('hearth-group-appearance');
      await expect.poll(() => appearance.getByLabel('Under a pseudonym (recommended)').isChecked(), { timeout: 15_000 }).toBe(true);
      // The suggestion arrives with the group's data, which may come after the choice is drawn.
      const field = appearance.getByLabel('Your pseudonym in this group');
      await expect.poll(async () => (await field.inputValue()).trim().length, { timeout: 15_000 }).toBeGreaterThan(1);
      const pseudonym = await field.inputValue();
      expect(pseudonym).not.toContain('Omar');
      await page.getByRole('button', { name: 'Join this group' }).click();
      await expectText(page.locator('#status'), 'Welcome');
      const composer = page.locator('hearth-composer');
      await composer.getByLabel('Title').fill('Hello from a new member');
      await composer.getByLabel('What would you like to share?').fill('I lost my father in the spring.');
      await expectText(composer.locator('[part~="audience"]'), 'can read this');
      await composer.getByRole('button', { name: 'Post', exact: true }).click();
      const card = page.locator('hearth-feed [part~="post"]', { hasText: 'Hello from a new member' });
      await card.waitFor();
      expect(await deepText(card)).toContain(pseudonym);
      expect(await deepText(card)).not.toContain('Omar Farouk');
    });

    it('shows a guest reading a public group no real name of a member', async () => {
      const guest = await person();
      await guest.goto(`${stack.site.url}/groups/type-2-diabetes-circle`);
      const feed = guest.locator('hearth-group hearth-feed');
      await feed.locator('[part~="post"]').first().waitFor();
      const text = await deepText(feed);
      for (const name of realNames) expect(text, name).not.toContain(name);
    });
  });
}
