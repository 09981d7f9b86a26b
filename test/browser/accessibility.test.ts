import type { Browser, BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityViolations } from '../support/axe.js';
import { chromiumAvailable, phoneViewport } from '../support/chromium.js';
import { signInToken, withDemoStackAndBrowser, type DemoStack } from '../support/demo-stack.js';

/**
 * axe-core (WCAG 2.2 A and AA rules) on each widget's main states, in English and Arabic, at a phone's width:
 * no serious or critical violation inside the widgets.
 */
describe.runIf(chromiumAvailable)('accessibility of the widgets', () => {
  let stack: DemoStack;
  let browser: Browser;
  let context: BrowserContext;

  withDemoStackAndBrowser((started) => {
    ({ stack, browser } = started);
  });

  beforeAll(async () => {
    // A member's report, so the facilitator's queue holds a case besides the seeded join requests.
    const token = await signInToken(stack, 'nour', 'demo-amal');
    const feed = await stack.graphql<{ group: { posts: { edges: Array<{ node: { id: string; viewerIsAuthor: boolean } }> } } }>(
      `{ group(slug: "diabetes-support") { posts(first: 10) { edges { node { id viewerIsAuthor } } } } }`,
      {},
      { token },
    );
    const reported = await stack.graphql<{ report: { __typename: string } }>(
      `mutation ($input: ReportInput!) { report(input: $input) { __typename } }`,
      { input: { subjectId: feed.data!.group.posts.edges.find((edge) => !edge.node.viewerIsAuthor)!.node.id, reason: 'OTHER', note: 'يرجى المراجعة' } },
      { token },
    );
    expect(reported.data?.report.__typename).toBe('Report');
  });

  async function pageAs(member: string | null, institution: 'riverside' | 'nour', path: string): Promise<Page> {
    // axe is injected as an inline script, which the clinic site's Content-Security-Policy rightly refuses.
    context = await browser.newContext({ viewport: phoneViewport, bypassCSP: true });
    const page = await context.newPage();
    const prefix = institution === 'nour' ? '/ar' : '';
    if (member) {
      await page.goto(`${stack.site.url}${prefix}/sign-in?return=${encodeURIComponent(`${prefix}${path}`)}`);
      await page.locator(`button[name="member"][value="${member}"]`).click();
      await page.waitForURL(`${stack.site.url}${prefix}${path}`);
    } else {
      await page.goto(`${stack.site.url}${prefix}${path}`);
    }
    return page;
  }

  async function expectNoSeriousViolations(page: Page, selector: string): Promise<void> {
    expect(await seriousAccessibilityViolations(page, selector)).toEqual([]);
  }

  it('group finder: results and the empty state, with the filters open', async () => {
    for (const [institution, text] of [['riverside', 'zzzz-nothing'], ['nour', 'لا-شيء-هنا']] as const) {
      const page = await pageAs(null, institution, '/');
      const finder = page.locator('hearth-group-finder');
      await finder.locator('[part~="card"]').first().waitFor();
      await finder.locator('summary').click();
      await expectNoSeriousViolations(page, 'hearth-group-finder');
      await finder.locator('input[type="search"]').fill(text);
      await finder.locator('input[type="search"]').press('Enter');
      await finder.locator('[part~="state"]').waitFor();
      await expectNoSeriousViolations(page, 'hearth-group-finder');
      await context.close();
    }
  });

  it('group: a guest, an applicant answering the entry questions (with an error shown), a member', async () => {
    const guest = await pageAs(null, 'nour', '/groups/diabetes-support');
    await guest.locator('hearth-group h2').first().waitFor();
    await expectNoSeriousViolations(guest, 'hearth-group');
    await context.close();

    const applicant = await pageAs('demo-huda', 'nour', '/groups/diabetes-support');
    const group = applicant.locator('hearth-group');
    await group.locator('textarea').first().waitFor();
    await group.getByRole('button', { name: 'أرسل الطلب' }).click();
    await group.locator('textarea[aria-invalid="true"]').first().waitFor();
    await expectNoSeriousViolations(applicant, 'hearth-group');
    await context.close();

    const member = await pageAs('demo-amal', 'riverside', '/groups/type-2-diabetes-circle');
    await member.locator('hearth-feed [part~="post"]').first().waitFor();
    await member.locator('hearth-composer textarea').first().waitFor();
    await expectNoSeriousViolations(member, 'hearth-group');
    await context.close();
  });

  it('feed, thread, report form and composer errors', async () => {
    const page = await pageAs('demo-amal', 'nour', '/groups/diabetes-support');
    const feed = page.locator('hearth-feed');
    const card = feed.locator('[part~="post"]').first();
    await card.waitFor();
    await expectNoSeriousViolations(page, 'hearth-group');
    await card.getByRole('button', { name: 'افتح المحادثة' }).click();
    const thread = card.locator('hearth-thread');
    await thread.locator('[part~="post"]').first().waitFor();
    // A post behind a content warning shows its reactions once opened.
    const warningGate = thread.getByRole('button', { name: 'اعرض المنشور' });
    if (await warningGate.count()) await warningGate.first().click();
    await thread.locator('[part~="reaction"]').first().waitFor();
    // The outline holds together: from the feed's heading down into the thread and its composers, no level skipped.
    await thread.locator('[part~="answer-button"]').first().click();
    await thread.locator('.answering hearth-composer h4, .answering hearth-composer h5').first().waitFor();
    const levels = await page.locator('hearth-group').evaluate((host) => {
      const found: number[] = [];
      const walk = (root: ShadowRoot) => {
        for (const element of root.querySelectorAll('*')) {
          const match = /^h([1-6])$/.exec(element.localName);
          if (match) found.push(Number(match[1]));
          if (element.shadowRoot) walk(element.shadowRoot);
        }
      };
      walk(host.shadowRoot!);
      return found;
    });
    expect(levels[0]).toBe(2);
    levels.forEach((level, index) => {
      if (index > 0) expect(level, `heading ${index} (h${level}) after h${levels[index - 1]}`).toBeLessThanOrEqual(levels[index - 1]! + 1);
    });
    await thread.getByRole('button', { name: 'إبلاغ' }).first().click();
    await thread.locator('[part~="report-form"]').waitFor();
    await expectNoSeriousViolations(page, 'hearth-group');
    // The composer with every field showing and the reader's mistakes marked.
    const composer = page.locator('hearth-group > hearth-composer, hearth-group hearth-composer').first();
    await composer.locator('input[type="checkbox"]').first().check();
    await composer.getByRole('button', { name: 'انشر', exact: true }).click();
    await composer.locator('[aria-invalid="true"]').first().waitFor();
    await expectNoSeriousViolations(page, 'hearth-group');
    await context.close();
  });

  it('moderation queue: join requests and reports for a facilitator, the refusal for a member, a guest', async () => {
    const facilitator = await pageAs('demo-lina', 'nour', '/facilitators');
    const queue = facilitator.locator('hearth-moderation-queue');
    await queue.locator('[part~="request"]').first().waitFor();
    await queue.locator('[part~="item"]').first().waitFor();
    await expectNoSeriousViolations(facilitator, 'hearth-moderation-queue');
    // An action chosen: the reason field and its buttons appear.
    await queue.locator('[part~="item"]').first().getByRole('button').first().click();
    await expectNoSeriousViolations(facilitator, 'hearth-moderation-queue');
    await context.close();

    const member = await pageAs('demo-amal', 'riverside', '/facilitators');
    await member.locator('hearth-moderation-queue [part~="state"]').first().waitFor();
    await expectNoSeriousViolations(member, 'hearth-moderation-queue');
    await context.close();

    const guest = await pageAs(null, 'riverside', '/facilitators');
    await guest.locator('hearth-moderation-queue [part~="state"]').first().waitFor();
    await expectNoSeriousViolations(guest, 'hearth-moderation-queue');
    await context.close();
  });

  it('would catch a violation: a host theme with unreadable text colours fails the same check', async () => {
    context = await browser.newContext({ viewport: phoneViewport });
    const page = await context.newPage();
    await stack.hostPages.open(page, {
      head: '<style>:root { --hearth-color-text: #d9d9d9; --hearth-color-muted: #e5e5e5; }</style>',
      body: '<main><h1>Groups</h1><hearth-group-finder></hearth-group-finder></main>',
    });
    await page.locator('hearth-group-finder [part~="card"]').first().waitFor();
    const violations = await seriousAccessibilityViolations(page, 'hearth-group-finder');
    expect(violations.some((violation) => violation.includes('color-contrast'))).toBe(true);
    await context.close();
  });

  it('works from the keyboard alone, with a visible focus ring, and keeps still for readers who ask for less motion', async () => {
    const page = await pageAs('demo-mariam', 'nour', '/groups/diabetes-support');
    const group = page.locator('hearth-group');
    const firstAnswer = group.locator('textarea').first();
    await firstAnswer.waitFor();
    /** What has focus, through the shadow roots, and whether it shows a ring. */
    const focused = () =>
      page.evaluate(() => {
        let element = document.activeElement;
        while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
        if (!element) return null;
        const style = getComputedStyle(element);
        return { tag: element.localName, type: element.getAttribute('type') ?? '', label: element.getAttribute('aria-label') ?? element.textContent?.trim() ?? '', outline: `${style.outlineStyle} ${style.outlineWidth}` };
      });
    // Tab until the first entry question's field has focus, then answer both and send, never touching the mouse.
    for (let step = 0; step < 60 && (await focused())?.tag !== 'textarea'; step++) await page.keyboard.press('Tab');
    expect((await focused())?.tag).toBe('textarea');
    await page.keyboard.type('أبحث عن دعم بعد التشخيص.');
    await page.keyboard.press('Tab');
    await page.keyboard.type('المنتدى.');
    // Then past how she appears in the group: the checked pseudonym choice, then its field holding the suggestion.
    await page.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ tag: 'input', type: 'radio' });
    await page.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ tag: 'input', type: 'text' });
    await page.keyboard.press('Tab');
    const button = await focused();
    expect(button?.tag).toBe('button');
    expect(button?.label).toBe('أرسل الطلب');
    // The focus ring: a 3px outline, only while focused from the keyboard.
    expect(button?.outline).toBe('solid 3px');
    await page.keyboard.press('Enter');
    await group.getByText('أُرسل طلبك، وسيراجعه أحد الميسّرين.').first().waitFor();
    await context.close();

    // Reduced motion: the loading skeleton's shimmer stops.
    context = await browser.newContext({ viewport: phoneViewport, reducedMotion: 'reduce' });
    const still = await context.newPage();
    await still.route(`${stack.api.url}/graphql`, () => undefined);
    await stack.hostPages.open(still, { body: '<main><h1>Groups</h1><hearth-group-finder></hearth-group-finder></main>' });
    // Once the widget has its strings (its form is there), the skeleton is the one that waits for the data.
    await still.locator('hearth-group-finder input[type="search"]').waitFor();
    const skeleton = still.locator('hearth-group-finder [part~="skeleton"]').first();
    await skeleton.waitFor();
    expect(await skeleton.evaluate((element) => getComputedStyle(element).animationName)).toBe('none');
    await context.close();
  });
});
