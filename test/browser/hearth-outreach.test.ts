import type { Browser, Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, phoneViewport } from '../support/chromium.js';
import { signInToken, withDemoStackAndBrowser, type DemoStack } from '../support/demo-stack.js';
import { deepText } from '../support/page-text.js';

/**
 * The outreach elements on their own on host pages, against the real API on the seeded demo (Riverside):
 * `<hearth-outreach-inbox>` shows a writer nothing until a facilitator writes, then the facilitator's message
 * (from the API's `startOutreach`) with the thread's alias; an empty answer is refused in place; the writer's
 * answer reaches the API under the alias; and the facilitator reads it on the crisis card of
 * `<hearth-moderation-queue>` (which places `<hearth-outreach-thread>`), never with the writer's name. Omar
 * writes anonymously in the chronic-pain group, whose peer facilitator is Sara.
 */

const outreach = 'This is Sara from the group. I read your post and I am here if you want to talk.';
const answer = 'Thank you, Sara. It helps to know someone read it.';

interface ApiThread {
  id: string;
  writerName: string;
  subjectExcerpt: string | null;
  messages: { edges: Array<{ node: { body: string; from: string; senderName: string } }> };
}

describe.runIf(chromiumAvailable)('the outreach elements', () => {
  let stack: DemoStack;
  let browser: Browser;
  let omar: string;
  let sara: string;
  let groupId: string;
  let postId: string;

  withDemoStackAndBrowser((started) => {
    ({ stack, browser } = started);
  });

  beforeAll(async () => {
    omar = await signInToken(stack, 'riverside', 'demo-omar');
    sara = await signInToken(stack, 'riverside', 'demo-sara');
    groupId = (await stack.graphql<{ group: { id: string } }>(`{ group(slug: "chronic-pain") { id } }`, {}, { token: omar })).data!.group.id;
    const created = await stack.graphql<{ createPost: { __typename: string; post?: { id: string } } }>(
      `mutation ($input: CreatePostInput!) { createPost(input: $input) { __typename ... on CreatePostPayload { post { id } } } }`,
      { input: { groupId, title: 'I don’t see the point any more', body: 'The pain never stops and I want to end my life.', anonymous: true } },
      { token: omar },
    );
    expect(created.data?.createPost.__typename, JSON.stringify(created)).toBe('CreatePostPayload');
    postId = created.data!.createPost.post!.id;
  });

  /** The viewer's outreach threads as the API gives them. */
  async function threadsOf(token: string): Promise<ApiThread[]> {
    const result = await stack.graphql<{ outreachThreads: { edges: Array<{ node: ApiThread }> } }>(
      `{ outreachThreads(first: 5) { edges { node { id writerName subjectExcerpt messages(first: 10) { edges { node { body from senderName } } } } } } }`,
      {},
      { token },
    );
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data!.outreachThreads.edges.map((edge) => edge.node);
  }

  /** A host page with `body`, opened once the API has answered the inbox's question (so "nothing" is an answer). */
  async function openInbox(attributes: string): Promise<{ page: Page; inbox: Locator }> {
    const page = await browser.newPage({ viewport: phoneViewport });
    const answered = page.waitForResponse((response) => response.url().startsWith(`${stack.api.url}/graphql`) && (response.request().postData() ?? '').includes('OutreachThreads'), { timeout: 15_000 });
    await stack.hostPages.open(page, { body: `<main><h1>Messages</h1><hearth-outreach-inbox ${attributes}></hearth-outreach-inbox></main>` });
    await answered;
    return { page, inbox: page.locator('hearth-outreach-inbox') };
  }

  it('shows the writer nothing while no facilitator has written', async () => {
    const { page, inbox } = await openInbox(`token="${omar}"`);
    await inbox.locator('[part~="base"]').waitFor({ state: 'attached' });
    // Settled: the answer came, and there is no conversation to show.
    await page.waitForTimeout(300);
    expect((await deepText(inbox)).trim()).toBe('');
    expect(await inbox.locator('hearth-outreach-thread').count()).toBe(0);
    await page.close();
  });

  it("shows the writer the facilitator's message, under the thread's alias and with what it is about", async () => {
    const started = await stack.graphql<{ startOutreach: { __typename: string } }>(
      `mutation ($input: StartOutreachInput!) { startOutreach(input: $input) { __typename ... on Error { message } } }`,
      { input: { subjectId: postId, body: outreach } },
      { token: sara },
    );
    expect(started.data?.startOutreach.__typename, JSON.stringify(started)).toBe('OutreachThread');
    const [apiThread] = await threadsOf(omar);
    expect(apiThread!.writerName).toMatch(/^Anonymous \d+$/);

    const { page, inbox } = await openInbox(`token="${omar}"`);
    await inbox.getByRole('heading', { name: 'Your messages with the facilitators' }).waitFor({ timeout: 15_000 });
    const thread = inbox.locator('hearth-outreach-thread');
    expect(await thread.count()).toBe(1);
    await thread.getByRole('heading', { name: 'Conversation with the facilitators' }).waitFor();
    expect(await thread.locator('[part~="writer-name"]').textContent()).toBe(`The facilitators see you as “${apiThread!.writerName}”.`);
    const text = await deepText(thread);
    expect(text).toContain('Living with Chronic Pain');
    expect(apiThread!.subjectExcerpt).toBeTruthy();
    expect(text).toContain(apiThread!.subjectExcerpt!);
    const message = thread.locator('[part~="message"]');
    expect(await message.count()).toBe(1);
    expect(await message.locator('bdi').textContent()).toBe('Sara Whitfield');
    expect(await message.locator('.body').textContent()).toBe(outreach);
    await page.close();
  });

  it('shows only the conversations of the group it is given', async () => {
    const otherGroup = (await stack.graphql<{ group: { id: string } }>(`{ group(slug: "type-2-diabetes-circle") { id } }`, {}, { token: omar })).data!.group.id;
    const elsewhere = await openInbox(`token="${omar}" group="${otherGroup}"`);
    await elsewhere.page.waitForTimeout(300);
    expect(await elsewhere.inbox.locator('hearth-outreach-thread').count()).toBe(0);
    expect((await deepText(elsewhere.inbox)).trim()).toBe('');
    await elsewhere.page.close();
    const here = await openInbox(`token="${omar}" group="${groupId}"`);
    await here.inbox.locator('hearth-outreach-thread [part~="message"]').first().waitFor({ timeout: 15_000 });
    await here.page.close();
  });

  it('refuses an empty answer in place, then sends the answer under the alias', async () => {
    const { page, inbox } = await openInbox(`token="${omar}"`);
    const thread = inbox.locator('hearth-outreach-thread');
    const field = thread.getByLabel('Your answer to the facilitators');
    await field.waitFor({ timeout: 15_000 });
    await thread.getByRole('button', { name: 'Send', exact: true }).click();
    const problem = thread.locator('.problem[role="alert"]');
    await expect.poll(() => problem.textContent(), { timeout: 15_000 }).toBe('Please write a few words first.');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect((await threadsOf(omar))[0]!.messages.edges).toHaveLength(1);

    await field.fill(answer);
    await thread.getByRole('button', { name: 'Send', exact: true }).click();
    const mine = thread.locator('[part~="message"]', { hasText: answer });
    await mine.waitFor({ timeout: 15_000 });
    expect(await mine.locator('bdi').textContent()).toBe('You');
    expect(await field.inputValue()).toBe('');
    expect(await problem.count()).toBe(0);
    const [apiThread] = await threadsOf(omar);
    expect(apiThread!.messages.edges.map((edge) => edge.node)).toEqual([
      { body: outreach, from: 'FACILITATORS', senderName: 'Sara Whitfield' },
      { body: answer, from: 'WRITER', senderName: apiThread!.writerName },
    ]);
    // Still there after a reload: it is the API's.
    await page.reload();
    await inbox.locator('hearth-outreach-thread [part~="message"]', { hasText: answer }).waitFor({ timeout: 15_000 });
    await page.close();
  });

  it('shows the facilitator the answer on the crisis card, under the alias, and never who wrote it', async () => {
    const [apiThread] = await threadsOf(sara);
    expect(apiThread!.messages.edges.map((edge) => edge.node.body)).toEqual([outreach, answer]);
    const page = await browser.newPage({ viewport: phoneViewport });
    await stack.hostPages.open(page, { body: `<main><h1>Desk</h1><hearth-moderation-queue group="chronic-pain" token="${sara}"></hearth-moderation-queue></main>` });
    const thread = page.locator('hearth-moderation-queue [part~="crisis"] hearth-outreach-thread');
    const answered = thread.locator('[part~="message"]', { hasText: answer });
    await answered.waitFor({ timeout: 15_000 });
    expect(await answered.locator('bdi').textContent()).toBe(apiThread!.writerName);
    expect(await thread.locator('[part~="message"]', { hasText: outreach }).locator('bdi').textContent()).toBe('You');
    expect(await thread.locator('[part~="writer-name"]').textContent()).toBe(`The writer appears to you as “${apiThread!.writerName}”.`);
    const desk = await deepText(page.locator('hearth-moderation-queue'));
    expect(desk).not.toContain('Omar');
    expect(desk).not.toContain('Farouk');

    // The facilitator answers from the card; the writer reads it in the inbox.
    const followUp = 'Would a phone call with the hospital team tomorrow help?';
    await thread.getByLabel('Your message to the writer').fill(followUp);
    await thread.getByRole('button', { name: 'Send', exact: true }).click();
    await thread.locator('[part~="message"]', { hasText: followUp }).waitFor({ timeout: 15_000 });
    await page.close();
    const writer = await openInbox(`token="${omar}"`);
    const received = writer.inbox.locator('hearth-outreach-thread [part~="message"]', { hasText: followUp });
    await received.waitFor({ timeout: 15_000 });
    expect(await received.locator('bdi').textContent()).toBe('Sara Whitfield');
    await writer.page.close();
  });
});
