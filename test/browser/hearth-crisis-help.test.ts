import type { Browser, Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, desktopViewport, phoneViewport } from '../support/chromium.js';
import { signInToken, withDemoStackAndBrowser, type DemoStack } from '../support/demo-stack.js';
import { deepText } from '../support/page-text.js';

/**
 * `<hearth-crisis-help>` where the widgets put it, on host pages against the real API on the seeded demo: in
 * front of the writer of a crisis post (from `<hearth-composer>`), with the institution's own resources for the
 * writer's language as the API returns them, each with links a phone can follow (tel:, sms: for a text line,
 * https); the content-warning choice against the warning the API already added; Close and Escape; the Arabic edition
 * right to left; and the resources-only mode in a thread's report form, in the reader's locale.
 */

interface ApiResource {
  name: string;
  phone: string | null;
  url: string | null;
  locale: string;
}

/** The links each of Riverside's English resources must offer (demo-crisis-resources.ts): Shout takes texts only. */
const riversideLinks: Record<string, string[]> = {
  'Emergency services (999)': ['tel:999'],
  Samaritans: ['tel:116123', 'https://www.samaritans.org/'],
  Shout: ['sms:85258?body=SHOUT', 'https://giveusashout.org/'],
  'NHS 111': ['tel:111', 'https://111.nhs.uk/'],
};

describe.runIf(chromiumAvailable)('<hearth-crisis-help>', () => {
  let stack: DemoStack;
  let browser: Browser;

  withDemoStackAndBrowser((started) => {
    ({ stack, browser } = started);
  });

  async function resourcesOf(institution: string, token: string, locale?: string): Promise<ApiResource[]> {
    const result = await stack.graphql<{ institution: { crisisResources: ApiResource[] } }>(
      `query ($slug: String!, $locale: String) { institution(slug: $slug) { crisisResources(locale: $locale) { name phone url locale } } }`,
      { slug: institution, locale: locale ?? null },
      { token },
    );
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data!.institution.crisisResources;
  }

  /** A post's content warning as the API has it, read by its writer. */
  async function contentWarningOf(token: string, group: string, title: string): Promise<string | null | undefined> {
    const posts = await stack.graphql<{ group: { posts: { edges: Array<{ node: { title: string; contentWarning: string | null } }> } } }>(
      `query ($slug: String) { group(slug: $slug) { posts(first: 50) { edges { node { title contentWarning } } } } }`,
      { slug: group },
      { token },
    );
    expect(posts.errors, JSON.stringify(posts.errors)).toBeUndefined();
    return posts.data!.group.posts.edges.find((edge) => edge.node.title === title)?.node.contentWarning;
  }

  /** Each listed resource: its name and the addresses of its links, in the order shown. */
  function listed(help: Locator): Promise<Array<{ name: string; links: string[] }>> {
    return help.locator('[part~="crisis-resources"] > li').evaluateAll((items) =>
      items.map((item) => ({
        name: (item.querySelector('h1, h2, h3, h4, h5, h6, strong')?.textContent ?? '').trim(),
        links: [...item.querySelectorAll('a[href]')].map((link) => link.getAttribute('href') ?? ''),
      })),
    );
  }

  /** The focused element's text, through shadow roots. */
  function focusedText(page: Page): Promise<string> {
    return page.evaluate(() => {
      let active: Element | null = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active?.textContent?.trim() ?? '';
    });
  }

  /** Writes a post through a composer on a host page; resolves with the crisis help it brought. */
  async function postThroughComposer(
    page: Page,
    options: { institution: string; group: string; token: string; lang?: string; labels: { title: string; body: string; post: string }; title: string; body: string },
  ): Promise<{ composer: Locator; help: Locator }> {
    const rtl = options.lang === 'ar';
    await stack.hostPages.open(page, {
      institution: options.institution,
      lang: options.lang ?? 'en',
      dir: rtl ? 'rtl' : 'ltr',
      body: `<main><h1>Group</h1><hearth-composer group="${options.group}" token="${options.token}"></hearth-composer></main>`,
    });
    const composer = page.locator('hearth-composer');
    await composer.getByLabel(options.labels.title).fill(options.title);
    await composer.getByLabel(options.labels.body).fill(options.body);
    await composer.getByRole('button', { name: options.labels.post, exact: true }).click();
    const help = composer.locator('hearth-crisis-help');
    await help.locator('#help-heading').waitFor({ timeout: 15_000 });
    return { composer, help };
  }

  describe('in front of the writer of a crisis post (Riverside, English)', () => {
    let ahmed: string;
    let page: Page;
    let help: Locator;
    let composer: Locator;
    const title = 'Nothing helps any more';

    beforeAll(async () => {
      ahmed = await signInToken(stack, 'riverside', 'demo-ahmed');
      page = await browser.newPage({ viewport: desktopViewport });
      ({ composer, help } = await postThroughComposer(page, {
        institution: 'riverside',
        group: 'chronic-pain',
        token: ahmed,
        labels: { title: 'Title', body: 'What would you like to share?', post: 'Post' },
        title,
        body: 'I want to end my life tonight.',
      }));
    });

    it("lists the institution's resources for the writer's language, in its order, with links a phone can follow", async () => {
      await expect.poll(() => focusedText(page), { timeout: 15_000 }).toBe('Support is here for you');
      // A wide screen: a region at the top, not a dialog.
      expect(await help.locator('dialog').count()).toBe(0);
      expect(await help.getByRole('region', { name: 'Support is here for you' }).count()).toBe(1);

      const expected = await resourcesOf('riverside', ahmed);
      expect(expected.map((resource) => resource.locale)).toEqual(['en', 'en', 'en', 'en']);
      expect(expected.map((resource) => resource.name)).toEqual(Object.keys(riversideLinks));
      expect(await listed(help)).toEqual(expected.map((resource) => ({ name: resource.name, links: riversideLinks[resource.name] })));
      // Numbers read left to right whatever the page's direction, and say what the link does.
      const samaritans = help.locator('[part~="crisis-resources"] > li', { hasText: 'Samaritans' });
      expect((await samaritans.locator('a[href^="tel:"]').textContent())?.replace(/\s+/g, ' ').trim()).toBe('Call 116 123');
      expect(await samaritans.locator('a[href^="tel:"] bdi').getAttribute('dir')).toBe('ltr');
      expect(await samaritans.locator('a[href^="https:"]').getAttribute('rel')).toBe('noopener noreferrer');
    });

    it('offers no second warning for a post the API already put behind its own, and keeps it visible when asked', async () => {
      // Riverside publishes a crisis post behind an automatic content warning (crisisPostHandling's default).
      const warning = await contentWarningOf(ahmed, 'chronic-pain', title);
      expect(warning).toBeTruthy();
      expect(await help.getByRole('button', { name: 'Keep it visible behind a content warning' }).count()).toBe(0);
      const keep = help.getByRole('button', { name: 'Keep it visible to the group' });
      expect(await keep.getAttribute('aria-pressed')).toBe('false');
      await keep.click();
      await expect.poll(() => deepText(help.locator('p.outcome[role="status"]')), { timeout: 15_000 }).toContain('It stays visible to the group.');
      expect(await keep.getAttribute('aria-pressed')).toBe('true');
      expect(await contentWarningOf(ahmed, 'chronic-pain', title)).toBe(warning);
    });

    it('closes with "Close", giving focus back to the composer', async () => {
      await help.getByRole('button', { name: 'Close' }).click();
      await expect.poll(() => composer.locator('hearth-crisis-help').count(), { timeout: 15_000 }).toBe(0);
      await expect.poll(() => focusedText(page), { timeout: 15_000 }).toBe('Start a conversation');
      await page.close();
    });
  });

  it('opens as a modal dialog on a phone, which Escape closes like "Close"', async () => {
    const omar = await signInToken(stack, 'riverside', 'demo-omar');
    const page = await browser.newPage({ viewport: phoneViewport, hasTouch: true });
    const { help } = await postThroughComposer(page, {
      institution: 'riverside',
      group: 'chronic-pain',
      token: omar,
      labels: { title: 'Title', body: 'What would you like to share?', post: 'Post' },
      title: 'Can’t go on',
      body: 'I have decided to kill myself this weekend.',
    });
    const dialog = help.getByRole('alertdialog', { name: 'Support is here for you' });
    await dialog.waitFor({ timeout: 15_000 });
    expect(await help.locator('dialog').evaluate((element) => element.matches(':modal'))).toBe(true);
    await expect.poll(() => focusedText(page), { timeout: 15_000 }).toBe('Support is here for you');
    expect((await listed(help)).map((resource) => resource.name)).toEqual((await resourcesOf('riverside', omar)).map((resource) => resource.name));
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('hearth-composer hearth-crisis-help').count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => focusedText(page), { timeout: 15_000 }).toBe('Start a conversation');
    await page.close();
  });

  it("speaks Arabic right to left, with مستشفى النور's Arabic resources first and numbers left to right", async () => {
    const amal = await signInToken(stack, 'nour', 'demo-amal');
    const page = await browser.newPage({ viewport: desktopViewport, locale: 'ar-SA' });
    const { help } = await postThroughComposer(page, {
      institution: 'nour',
      group: 'diabetes-support',
      token: amal,
      lang: 'ar',
      labels: { title: 'العنوان', body: 'ما الذي تودّ مشاركته؟', post: 'انشر' },
      title: 'لم أعد أحتمل',
      body: 'خططت لكل شيء وسأفعلها بعد أن ينام الجميع',
    });
    await expect.poll(() => focusedText(page), { timeout: 15_000 }).toBe('الدعم متاح لك');
    const panel = help.locator('[part~="help"]');
    expect(await panel.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
    expect(await help.locator('[part~="base"]').getAttribute('lang')).toBe('ar');

    const expected = await resourcesOf('nour', amal);
    expect(new Set(expected.map((resource) => resource.locale))).toEqual(new Set(['ar']));
    const shown = await listed(help);
    expect(shown.map((resource) => resource.name)).toEqual(expected.map((resource) => resource.name));
    for (const [index, resource] of expected.entries()) {
      const digits = resource.phone!.replace(/\s/g, '');
      expect(shown[index]!.links, resource.name).toContain(`tel:${digits}`);
      if (resource.url) expect(shown[index]!.links, resource.name).toContain(new URL(resource.url).href);
      for (const href of shown[index]!.links) expect(href).toMatch(/^(tel:\+?\d+|sms:\+?\d+(\?body=\w+)?|https:\/\/[^/]+\/)/);
    }
    const emergency = help.locator('[part~="crisis-resources"] > li').first().locator('a[href^="tel:"]');
    expect((await emergency.textContent())?.replace(/\s+/g, ' ').trim()).toBe('اتصل بالرقم 911');
    expect(await emergency.locator('bdi').getAttribute('dir')).toBe('ltr');
    // The number stays "911", read left to right, inside the right-to-left line.
    expect(await emergency.locator('bdi').evaluate((element) => getComputedStyle(element).direction)).toBe('ltr');
    await page.close();
  });

  it("shows only where to get help now in a thread's report form, in the reader's locale", async () => {
    const amal = await signInToken(stack, 'riverside', 'demo-amal');
    const posts = await stack.graphql<{ group: { posts: { edges: Array<{ node: { id: string; title: string } }> } } }>(
      `{ group(slug: "type-2-diabetes-circle") { posts(first: 10) { edges { node { id title } } } } }`,
      {},
      { token: amal },
    );
    const postId = posts.data!.group.posts.edges.find((edge) => edge.node.title === 'Finally got my HbA1c down')!.node.id;
    for (const lang of ['en', 'ar'] as const) {
      const expected = await resourcesOf('riverside', amal, lang);
      expect(new Set(expected.map((resource) => resource.locale)), lang).toEqual(new Set([lang]));
      const page = await browser.newPage({ viewport: phoneViewport });
      await stack.hostPages.open(page, { lang, dir: lang === 'ar' ? 'rtl' : 'ltr', body: `<main><h1>Conversation</h1><hearth-thread post="${postId}" token="${amal}"></hearth-thread></main>` });
      const thread = page.locator('hearth-thread');
      await thread.locator('[part~="post"] [part~="report-button"]').click();
      await thread.locator('[part~="report-form"] select').selectOption('CRISIS');
      const help = thread.locator('[part~="report-form"] hearth-crisis-help');
      await help.locator('[part~="crisis-resources"]').waitFor({ timeout: 15_000 });
      const shown = await listed(help);
      expect(shown.map((resource) => resource.name), lang).toEqual(expected.map((resource) => resource.name));
      // The Arabic list is the English one in Arabic words: the same links, Shout's read from «رسالة نصية».
      expect(shown.map((resource) => resource.links), lang).toEqual(Object.values(riversideLinks));
      // Only the resources: no heading for a writer, no message to the facilitators, no choice about a post.
      expect(await help.locator('#help-heading').count()).toBe(0);
      expect(await help.locator('textarea').count()).toBe(0);
      expect(await help.locator('[part~="help"]').evaluate((element) => getComputedStyle(element).direction)).toBe(lang === 'ar' ? 'rtl' : 'ltr');
      await page.close();
    }
  });
});
