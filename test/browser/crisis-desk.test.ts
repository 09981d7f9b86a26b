import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, desktopViewport, phoneViewport } from '../support/chromium.js';
import { signInToken, withDemoStackAndBrowser, type DemoStack } from '../support/demo-stack.js';
import { deepText } from '../support/page-text.js';

/**
 * The crisis card of `<hearth-moderation-queue>` and the outreach elements (`<hearth-outreach-thread>`,
 * `<hearth-outreach-inbox>`, "talk to a facilitator now" in `<hearth-crisis-help>`), on the clinic site against a
 * real API, at a phone's size and a desktop's: the crisis item leads the desk with its risk level; a facilitator
 * acknowledges it (who and when, in the audit log), writes to the anonymous writer, who answers under the thread
 * alias, and the facilitator's view still has no author; a reveal needs a reason and a second step. The steps of
 * one size run in order on one database (each needs the one before).
 */

const group = '/groups/new-parents';
const crisisTitle = 'Nobody would miss me';
const crisisBody = 'I have decided to end my life tonight, the tablets are ready.';
const toFacilitators = 'I do not know who else to tell.';
const outreach = 'I am Lina, one of the facilitators. I read your post and I am here with you now.';
const answer = 'Thank you for writing. I am still here.';

/** The risk level's label as the card shows it in English (hearth-moderation-queue.messages.en.ts). */
const riskLabel: Record<string, string> = { IMMINENT: 'Imminent risk', HIGH: 'High risk', CONCERN: 'Concern' };

async function signIn(page: Page, stack: DemoStack, name: string, returnPath: string): Promise<void> {
  const prefix = returnPath.startsWith('/ar/') ? '/ar' : '';
  await page.goto(`${stack.site.url}${prefix}/sign-in?return=${encodeURIComponent(returnPath)}`);
  await page.getByRole('button', { name }).click();
  await page.waitForURL(`${stack.site.url}${returnPath}`);
}

/** Waits until the element's text, shadow roots included, contains `text`. */
async function expectText(locator: Locator, text: string): Promise<void> {
  await expect.poll(() => deepText(locator), { timeout: 15_000 }).toContain(text);
}

interface QueueEntry {
  id: string;
  crisis: boolean;
  riskLevel: string | null;
  warningSigns: string[];
  viewerCanReveal: boolean;
  subject: { id: string; title?: string } | null;
}

/** The queue and audit log as the API gives them to a facilitator, to check the widgets against. */
async function facilitatorView(stack: DemoStack, token: string, institution = 'riverside') {
  const result = await stack.graphql<{
    moderationQueue: { edges: Array<{ node: QueueEntry }> };
    auditLog: { edges: Array<{ node: { action: string; reason: string; moderationItem: { id: string } | null } }> };
  }>(
    `{ moderationQueue(first: 50) { edges { node { id crisis riskLevel warningSigns viewerCanReveal subject { id ... on Post { title } } } } }
       auditLog(first: 50) { edges { node { action reason moderationItem { id } } } } }`,
    {},
    { token, institution },
  );
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  return { queue: result.data.moderationQueue.edges.map((edge) => edge.node), audit: result.data.auditLog.edges.map((edge) => edge.node) };
}

for (const [size, viewport] of [
  ['a phone (360×740)', phoneViewport],
  ['a desktop', desktopViewport],
] as const) {
  const phone = viewport === phoneViewport;

  describe.runIf(chromiumAvailable)(`the crisis card and outreach on ${size}`, () => {
    let stack: DemoStack;
    let browser: Browser;
    const contexts: BrowserContext[] = [];
    const person = async (locale = 'en-GB') => {
      const context = await browser.newContext({ viewport, locale, hasTouch: phone });
      contexts.push(context);
      return context.newPage();
    };
    let writer: Page;
    let facilitator: Page;
    let linaToken: string;
    let caseId: string;

    withDemoStackAndBrowser((started) => {
      ({ stack, browser } = started);
    });

    afterAll(async () => {
      for (const context of contexts) await context.close();
    });

    const firstCrisisCard = () => facilitator.locator('hearth-moderation-queue [part~="crisis"] hearth-moderation-item').first();

    it('lets the writer of a crisis post talk to a facilitator now, from the help panel, and shows the conversation', async () => {
      writer = await person();
      await signIn(writer, stack, 'Amal Haddad', group);
      const composer = writer.locator('hearth-group hearth-composer');
      await composer.getByLabel('Title').fill(crisisTitle);
      await composer.getByLabel('What would you like to share?').fill(crisisBody);
      await composer.getByLabel('Post anonymously').check();
      await composer.getByRole('button', { name: 'Post', exact: true }).click();

      const help = composer.locator('hearth-crisis-help');
      await help.getByRole('heading', { name: 'Talk to a facilitator now' }).waitFor();
      // An empty message is refused in the panel, with focus on the field.
      await help.getByRole('button', { name: 'Send to the facilitators' }).click();
      await expectText(help.locator('#facilitator-problem'), 'Please write a few words first.');
      await help.getByLabel('Your message to the facilitators').fill(toFacilitators);
      await help.getByRole('button', { name: 'Send to the facilitators' }).click();
      await expectText(help.locator('p.outcome[role="status"]'), 'Your message is with the facilitators');
      await help.getByRole('button', { name: 'Close' }).click();

      // The group page's inbox shows the new conversation at once (the panel's event), under the writer's alias.
      const inbox = writer.locator('hearth-group hearth-outreach-inbox');
      await inbox.getByRole('heading', { name: 'Your messages with the facilitators' }).waitFor({ timeout: 15_000 });
      const thread = inbox.locator('hearth-outreach-thread').first();
      await expectText(thread.locator('[part~="message"]').first(), toFacilitators);
      expect(await thread.locator('[part~="writer-name"]').textContent()).toMatch(/The facilitators see you as “Anonymous \d+”/);
    });

    it('leads the desk with the crisis item: its risk level, warning signs and the crisis actions, not the report actions', async () => {
      facilitator = await person();
      await signIn(facilitator, stack, 'Lina Mansour', '/facilitators');
      linaToken = await signInToken(stack, 'riverside', 'demo-lina');
      const { queue } = await facilitatorView(stack, linaToken);
      const item = queue.find((each) => each.subject?.title === crisisTitle);
      expect(item?.crisis).toBe(true);
      expect(queue[0]?.id).toBe(item!.id);
      caseId = item!.id;

      const card = firstCrisisCard();
      await expectText(card, crisisTitle);
      // The card's section is above the join requests, and the card's risk badge is the API's risk level.
      const desk = facilitator.locator('hearth-moderation-queue');
      await desk.locator('[part~="requests"]').getByRole('heading', { name: 'Join requests' }).waitFor();
      expect((await desk.locator('[part~="crisis"]').boundingBox())!.y).toBeLessThan((await desk.locator('[part~="requests"]').boundingBox())!.y);
      expect(item!.riskLevel).not.toBeNull();
      expect((await card.locator('.badge.risk').textContent())?.trim()).toBe(riskLabel[item!.riskLevel!]);
      if (item!.warningSigns.length) await expectText(card, 'Warning signs:');
      await expectText(card, 'waiting for a facilitator');

      const actions = card.getByRole('group', { name: 'Help the writer' });
      await actions.getByRole('button', { name: 'Acknowledge: I am on it' }).waitFor();
      await actions.getByRole('button', { name: 'Message the writer' }).waitFor();
      // The usual report actions are not the card's: they stay folded under "More actions".
      expect(await card.getByRole('button', { name: 'Hide', exact: true }).isVisible()).toBe(false);
      expect(await actions.getByRole('button', { name: 'Hide', exact: true }).count()).toBe(0);
      // The reveal is offered because the API says this viewer may, for this case (new-parents lets its
      // professional facilitator reveal in a crisis); the chronic-pain case below shows the other side.
      expect(item!.viewerCanReveal).toBe(true);
      expect(await actions.getByRole('button', { name: 'Reveal who wrote this' }).count()).toBe(1);
      expect(await deepText(card)).not.toContain('Amal');
    });

    it('acknowledges the crisis item: the card then says who and when, and the audit log has it', async () => {
      const card = firstCrisisCard();
      await card.getByRole('button', { name: 'Acknowledge: I am on it' }).click();
      await expectText(card.locator('[part~="acknowledged"]'), 'Acknowledged by Lina Mansour');
      expect(await card.getByRole('button', { name: 'Acknowledge: I am on it' }).count()).toBe(0);
      const { audit } = await facilitatorView(stack, linaToken);
      expect(audit.some((entry) => entry.action === 'ACKNOWLEDGE' && entry.moderationItem?.id === caseId)).toBe(true);

      // A new page load still shows it: the acknowledgement is the API's, not the page's.
      await facilitator.reload();
      await expectText(firstCrisisCard().locator('[part~="acknowledged"]'), 'Acknowledged by Lina Mansour');
    });

    it('sends an outreach message to the anonymous writer from the card, which shows the conversation and no author', async () => {
      const card = firstCrisisCard();
      await card.getByRole('button', { name: 'Message the writer' }).click();
      // Nothing is sent without words.
      await card.getByRole('button', { name: 'Send to the writer' }).click();
      await expectText(card.locator('.problem'), 'Please write a few words first.');
      await card.getByLabel('Your message to the writer').first().fill(outreach);
      await card.getByRole('button', { name: 'Send to the writer' }).click();
      const thread = card.locator('hearth-outreach-thread');
      await expectText(thread, outreach);
      expect(await thread.count()).toBe(1);
      expect(await thread.locator('[part~="writer-name"]').textContent()).toMatch(/The writer appears to you as “Anonymous \d+”/);
      expect(await deepText(card)).not.toContain('Amal');
    });

    it('lets the writer read the facilitator’s message and answer it under the thread alias', async () => {
      await writer.reload();
      const thread = writer.locator('hearth-group hearth-outreach-inbox hearth-outreach-thread').first();
      await expectText(thread, outreach);
      await thread.getByLabel('Your answer to the facilitators').fill(answer);
      await thread.getByRole('button', { name: 'Send', exact: true }).click();
      const mine = thread.locator('[part~="message"]', { hasText: answer });
      await mine.waitFor();
      expect(await mine.locator('bdi').first().textContent()).toBe('You');
    });

    it('shows the facilitator the answer under the alias, never the writer’s name', async () => {
      await facilitator.reload();
      const card = firstCrisisCard();
      const message = card.locator('hearth-outreach-thread [part~="message"]', { hasText: answer });
      await message.waitFor({ timeout: 15_000 });
      expect(await message.locator('bdi').first().textContent()).toMatch(/^Anonymous \d+$/);
      expect(await deepText(card)).not.toContain('Amal');
    });

    it('reveals the writer only with a reason and a second confirmation, into the audit log', async () => {
      const card = firstCrisisCard();
      // The button follows the API's own answer for this case (ModerationItem.viewerCanReveal): new-parents lets
      // its professional facilitator reveal in a crisis.
      const revealed = async () => (await facilitatorView(stack, linaToken)).audit.filter((entry) => entry.action === 'REVEAL_AUTHOR');

      await card.getByRole('button', { name: 'Reveal who wrote this' }).click();
      // Without a reason it goes no further.
      await card.getByRole('button', { name: 'Continue' }).click();
      await expectText(card.locator('[id^="reveal-problem-"]'), 'Please write a reason');
      expect(await card.getByRole('button', { name: 'Yes, reveal' }).count()).toBe(0);
      expect(await revealed()).toHaveLength(0);

      const reason = 'Imminent risk with means at hand: the hospital must contact the patient.';
      await card.getByLabel('Reason (kept in the audit log)').last().fill(reason);
      await card.getByRole('button', { name: 'Continue' }).click();
      // The second step asks; nothing is revealed until it is answered.
      await expectText(card, 'Reveal who wrote this now? This cannot be undone.');
      expect(await revealed()).toHaveLength(0);
      expect(await deepText(card)).not.toContain('Amal');

      await card.getByRole('button', { name: 'Yes, reveal' }).click();
      await expectText(card.locator('[id^="revealed-"]'), 'Amal Haddad');
      // What the hospital can act on: the writer's id in its own system, as its SSO sent it.
      expect(await card.locator('[part~="external-id"]').textContent()).toBe('demo-amal');
      const entries = await revealed();
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ reason, moderationItem: { id: caseId } });
    });
  });
}

describe.runIf(chromiumAvailable)('the crisis card where the group allows no reveal', () => {
  let stack: DemoStack;
  let browser: Browser;

  withDemoStackAndBrowser((started) => {
    ({ stack, browser } = started);
  });

  it('offers no reveal in a fully anonymous group (chronic-pain), as the API says, and still lets the facilitator reach the writer', async () => {
    const token = await signInToken(stack, 'riverside', 'demo-omar');
    const groupId = (await stack.graphql<{ group: { id: string } }>(`{ group(slug: "chronic-pain") { id } }`, {}, { token, institution: 'riverside' })).data!.group.id;
    const title = 'I can not do this any more';
    const created = await stack.graphql(
      `mutation ($input: CreatePostInput!) { createPost(input: $input) { __typename } }`,
      { input: { groupId, title, body: "I've made my plan and I'm doing it after everyone is asleep.", anonymous: true } },
      { token, institution: 'riverside' },
    );
    expect(JSON.stringify(created.data)).toContain('CreatePostPayload');
    const saraToken = await signInToken(stack, 'riverside', 'demo-sara');
    const item = (await facilitatorView(stack, saraToken)).queue.find((each) => each.subject?.title === title)!;
    expect(item.crisis).toBe(true);
    expect(item.viewerCanReveal).toBe(false);

    const context = await browser.newContext({ viewport: phoneViewport, hasTouch: true });
    try {
      const page = await context.newPage();
      await signIn(page, stack, 'Sara Whitfield', '/facilitators');
      const card = page.locator('hearth-moderation-queue [part~="crisis"] hearth-moderation-item').first();
      await expectText(card, title);
      const actions = card.getByRole('group', { name: 'Help the writer' });
      await actions.getByRole('button', { name: 'Message the writer' }).waitFor();
      expect(await card.getByRole('button', { name: 'Reveal who wrote this' }).count()).toBe(0);
      expect(await deepText(card)).not.toContain('Omar');
    } finally {
      await context.close();
    }
  });
});

describe.runIf(chromiumAvailable)('the crisis card in Arabic', () => {
  let stack: DemoStack;
  let browser: Browser;

  withDemoStackAndBrowser((started) => {
    ({ stack, browser } = started);
  });

  it('labels the risk and the crisis actions in Arabic, right to left', async () => {
    const token = await signInToken(stack, 'nour', 'demo-amal');
    const groupId = (await stack.graphql<{ group: { id: string } }>(`{ group(slug: "diabetes-support") { id } }`, {}, { token, institution: 'nour' })).data!.group.id;
    const created = await stack.graphql(
      `mutation ($input: CreatePostInput!) { createPost(input: $input) { __typename } }`,
      { input: { groupId, title: 'لم أعد أحتمل', body: 'خططت لكل شيء وسأفعلها بعد أن ينام الجميع', anonymous: true } },
      { token, institution: 'nour' },
    );
    expect(JSON.stringify(created.data)).toContain('CreatePostPayload');

    const context = await browser.newContext({ viewport: phoneViewport, locale: 'ar-SA', hasTouch: true });
    try {
      const page = await context.newPage();
      await signIn(page, stack, 'لينا منصور', '/ar/facilitators');
      const card = page.locator('hearth-moderation-queue [part~="crisis"] hearth-moderation-item').first();
      await expectText(card, 'لم أعد أحتمل');
      const linaToken = await signInToken(stack, 'nour', 'demo-lina');
      const item = (await facilitatorView(stack, linaToken, 'nour')).queue.find((each) => each.subject?.title === 'لم أعد أحتمل')!;
      const arabicRisk: Record<string, string> = { IMMINENT: 'خطر وشيك', HIGH: 'خطر مرتفع', CONCERN: 'مصدر قلق' };
      expect((await card.locator('.badge.risk').textContent())?.trim()).toBe(arabicRisk[item.riskLevel!]);
      await card.getByRole('button', { name: 'تأكيد الاستلام: أتولّى الأمر' }).waitFor();
      await card.getByRole('button', { name: 'راسل الكاتب' }).waitFor();
      expect(await card.locator('[part~="item"]').evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
    } finally {
      await context.close();
    }
  });
});
