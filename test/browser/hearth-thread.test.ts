import type { Browser, Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, phoneViewport } from '../support/chromium.js';
import { signInToken, withDemoStackAndBrowser, type DemoStack } from '../support/demo-stack.js';
import { deepText } from '../support/page-text.js';

/**
 * `<hearth-thread>` on its own on a host page, against the real API on the seeded demo: the optimistic reaction
 * and its rollback when the API refuses it, "Show more" paging of replies and answers, and reporting (the form's
 * validation, a report sent, one the reader had already made). Every conversation is written by the Riverside
 * diabetes circle's peer facilitator (whose posts are never held), through the API.
 */
describe.runIf(chromiumAvailable)('<hearth-thread>', () => {
  let stack: DemoStack;
  let browser: Browser;
  let groupId: string;
  let sara: string;

  withDemoStackAndBrowser((started) => {
    ({ stack, browser } = started);
  });

  beforeAll(async () => {
    sara = await signInToken(stack, 'riverside', 'demo-sara');
    const group = await stack.graphql<{ group: { id: string } }>(`{ group(slug: "type-2-diabetes-circle") { id } }`, {}, { token: sara });
    groupId = group.data!.group.id;
  });

  async function createPost(title: string): Promise<string> {
    const created = await stack.graphql<{ createPost: { __typename: string; post?: { id: string; status: string } } }>(
      `mutation ($input: CreatePostInput!) { createPost(input: $input) { __typename ... on CreatePostPayload { post { id status } } } }`,
      { input: { groupId, title, body: `${title}: what helped you?` } },
      { token: sara },
    );
    expect(created.data?.createPost.post?.status, JSON.stringify(created)).toBe('PUBLISHED');
    return created.data!.createPost.post!.id;
  }

  async function createReply(postId: string, body: string, parentReplyId?: string): Promise<string> {
    const created = await stack.graphql<{ createReply: { __typename: string; reply?: { id: string; status: string } } }>(
      `mutation ($input: CreateReplyInput!) { createReply(input: $input) { __typename ... on CreateReplyPayload { reply { id status } } } }`,
      { input: { postId, body, parentReplyId } },
      { token: sara },
    );
    expect(created.data?.createReply.reply?.status, JSON.stringify(created)).toBe('PUBLISHED');
    return created.data!.createReply.reply!.id;
  }

  /** The reports the facilitator's queue holds about `subjectId`. */
  async function reportsAbout(subjectId: string): Promise<Array<{ reason: string; note: string | null }>> {
    const queue = await stack.graphql<{ moderationQueue: { edges: Array<{ node: { subject: { id: string } | null; reports: Array<{ reason: string; note: string | null }> } }> } }>(
      `query ($groupId: ID) { moderationQueue(groupId: $groupId, first: 50) { edges { node { subject { id } reports { reason note } } } } }`,
      { groupId },
      { token: sara },
    );
    expect(queue.errors, JSON.stringify(queue.errors)).toBeUndefined();
    return queue.data!.moderationQueue.edges.filter((edge) => edge.node.subject?.id === subjectId).flatMap((edge) => edge.node.reports);
  }

  /** A host page with just the thread; `token` signs its reader in through the thread's own attribute. */
  async function openThread(postId: string, options: { token?: string; pageSize?: number; head?: string } = {}): Promise<{ page: Page; thread: Locator }> {
    const page = await browser.newPage({ viewport: phoneViewport });
    const attributes = [`post="${postId}"`, options.token ? `token="${options.token}"` : '', options.pageSize ? `page-size="${options.pageSize}"` : ''].join(' ');
    await stack.hostPages.open(page, { head: options.head ?? '', body: `<main><h1>Conversation</h1><hearth-thread ${attributes}></hearth-thread></main>` });
    const thread = page.locator('hearth-thread');
    await thread.locator('[part~="post"]').waitFor();
    return { page, thread };
  }

  /** What the thread's own live region last said (not its composers' or its report form's). */
  function announced(thread: Locator): Promise<string> {
    return thread.evaluate((host) => host.shadowRoot?.querySelector('.base')?.querySelector(':scope > [role="status"]')?.textContent ?? '');
  }

  /** The focused element's description, through shadow roots. */
  function focused(page: Page): Promise<string> {
    return page.evaluate(() => {
      let active: Element | null = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active ? `${active.localName}${active.getAttribute('part') ? `[${active.getAttribute('part')}]` : ''}#${active.id}` : '';
    });
  }

  describe('reactions', () => {
    let postId: string;
    beforeAll(async () => {
      postId = await createPost('Reactions');
    });

    it('shows a reaction at once and puts it back, saying why, when the API refuses it', async () => {
      const james = await signInToken(stack, 'riverside', 'demo-james');
      const { page, thread } = await openThread(postId, { token: james });
      const support = thread.locator('[part~="post"] [part~="reaction"]').first();
      await support.waitFor();
      expect(await support.getAttribute('aria-pressed')).toBe('false');

      // Between loading and pressing, the reader leaves the group (in another tab, say): the API will refuse.
      const left = await stack.graphql<{ leaveGroup: { __typename: string } }>(`mutation ($input: LeaveGroupInput!) { leaveGroup(input: $input) { __typename } }`, { input: { groupId } }, { token: james });
      expect(left.data?.leaveGroup.__typename).toBe('Membership');

      // The reaction request is held on its way to the real API, so the optimistic state can be seen.
      let release: () => void = () => {};
      const held = new Promise<void>((done) => (release = done));
      await page.route(`${stack.api.url}/graphql`, async (route) => {
        if (route.request().postData()?.includes('react(')) await held;
        await route.continue();
      });
      await support.click();
      await expect.poll(() => support.getAttribute('aria-pressed')).toBe('true');
      expect((await support.textContent())?.replace(/\s+/g, ' ').trim()).toBe('Support 1');

      release();
      await expect.poll(() => support.getAttribute('aria-pressed')).toBe('false');
      expect((await support.textContent())?.replace(/\s+/g, ' ').trim()).toBe('Support');
      await expect.poll(() => deepText(thread.locator('[part~="post"]'))).toContain('Only members of this group can react.');
      await expect.poll(() => announced(thread)).toBe('Only members of this group can react.');

      // The API kept nothing.
      const post = await stack.graphql<{ node: { reactionCounts: Array<{ kind: string; count: number }> } }>(`query ($id: ID!) { node(id: $id) { ... on Post { reactionCounts { kind count } } } }`, { id: postId }, { token: sara });
      expect(post.data?.node.reactionCounts.filter((entry) => entry.kind === 'SUPPORT' && entry.count > 0)).toEqual([]);
      await page.close();
    });

    it('keeps the reaction the API confirms', async () => {
      const amal = await signInToken(stack, 'riverside', 'demo-amal');
      const { page, thread } = await openThread(postId, { token: amal });
      const hug = thread.locator('[part~="post"] [part~="reaction"]', { hasText: 'Hug' });
      await hug.click();
      await expect.poll(() => hug.getAttribute('aria-pressed')).toBe('true');
      await page.reload();
      await expect.poll(() => hug.getAttribute('aria-pressed')).toBe('true');
      expect((await hug.textContent())?.replace(/\s+/g, ' ').trim()).toBe('Hug 1');
      expect(await deepText(thread)).not.toContain('could not be saved');
      await page.close();
    });
  });

  describe('"Show more" paging', () => {
    it('adds the next page of replies, and of answers under a reply, until there are no more', async () => {
      const postId = await createPost('Paging through replies');
      const replyIds: string[] = [];
      for (let index = 1; index <= 5; index += 1) replyIds.push(await createReply(postId, `Reply number ${index}`));
      for (let index = 1; index <= 7; index += 1) await createReply(postId, `Answer number ${index}`, replyIds[0]);
      // A guest reads: the circle's threads are open to guests.
      const { page, thread } = await openThread(postId, { pageSize: 2 });
      // The API's order (oldest first; replies of the same second by id).
      const listed = await stack.graphql<{ node: { replies: { edges: Array<{ node: { body: string; replies: { edges: Array<{ node: { body: string } }> } } }> } } }>(
        `query ($id: ID!) { node(id: $id) { ... on Post { replies(first: 10) { edges { node { body replies(first: 10) { edges { node { body } } } } } } } } }`,
        { id: postId },
      );
      const replyOrder = listed.data!.node.replies.edges.map((edge) => edge.node.body);
      const answerOrder = listed.data!.node.replies.edges.find((edge) => edge.node.body === 'Reply number 1')!.node.replies.edges.map((edge) => edge.node.body);
      expect([...replyOrder].sort()).toEqual(['Reply number 1', 'Reply number 2', 'Reply number 3', 'Reply number 4', 'Reply number 5']);
      const shown = (list: Locator, pattern: RegExp) => list.allTextContents().then((texts) => texts.map((text) => pattern.exec(text)?.[0]));
      const replies = thread.locator('.reply-list > li > [part~="reply"]');
      const moreReplies = thread.getByRole('button', { name: 'Show more replies' });
      await expect.poll(() => shown(replies, /Reply number \d/)).toEqual(replyOrder.slice(0, 2));
      // Answers count among the post's replies.
      expect(await deepText(thread.locator('.replies h2, .replies h3').first())).toContain('12 replies');

      await moreReplies.click();
      await expect.poll(() => replies.count()).toBe(4);
      await expect.poll(() => announced(thread)).toBe('2 more replies');
      await moreReplies.click();
      await expect.poll(() => replies.count()).toBe(5);
      await expect.poll(() => announced(thread)).toBe('1 more reply');
      expect(await moreReplies.count()).toBe(0);
      expect(await shown(replies, /Reply number \d/)).toEqual(replyOrder);

      // The first reply came with its first five answers; the rest come with "Show more answers".
      const answers = thread.locator('.reply-list > li', { has: page.locator('[part~="reply"]', { hasText: 'Reply number 1' }) }).locator('.answers [part~="reply"]');
      expect(await answers.count()).toBe(5);
      expect(await shown(answers, /Answer number \d/)).toEqual(answerOrder.slice(0, 5));
      await thread.getByRole('button', { name: 'Show more answers' }).click();
      await expect.poll(() => answers.count()).toBe(7);
      await expect.poll(() => announced(thread)).toBe('2 more replies');
      expect(await thread.getByRole('button', { name: 'Show more answers' }).count()).toBe(0);
      expect(await shown(answers, /Answer number \d/)).toEqual(answerOrder);
      expect([...answerOrder].sort()).toEqual(Array.from({ length: 7 }, (_, index) => `Answer number ${index + 1}`));
      await page.close();
    });
  });

  describe('reports', () => {
    let postId: string;
    let amal: string;
    beforeAll(async () => {
      postId = await createPost('Reporting from the thread');
      await createReply(postId, 'A first reply');
      await createReply(postId, 'A second reply');
      amal = await signInToken(stack, 'riverside', 'demo-amal');
    });

    it('asks for a reason, shows crisis help for a danger, then sends the report to the facilitators', async () => {
      // The host styles the form through the thread's parts.
      const { page, thread } = await openThread(postId, { token: amal, head: '<style>hearth-thread::part(report-form) { outline: 5px solid rgb(200, 0, 0); }</style>' });
      const reportButton = thread.locator('[part~="post"] [part~="report-button"]');
      await reportButton.click();
      const form = thread.locator('[part~="report-form"]');
      await form.waitFor();
      expect(await reportButton.getAttribute('aria-expanded')).toBe('true');
      expect(await form.evaluate((element) => getComputedStyle(element).outlineColor)).toBe('rgb(200, 0, 0)');
      await expect.poll(() => focused(page)).toBe('select#reason');

      // No reason: the field says so, keeps focus, and nothing is sent.
      await form.getByRole('button', { name: 'Send report' }).click();
      const reason = form.getByLabel('What is the problem?');
      await expect.poll(() => reason.getAttribute('aria-invalid')).toBe('true');
      expect(await deepText(form)).toContain('Please choose a reason.');
      expect(await focused(page)).toBe('select#reason');
      expect(await reportsAbout(postId)).toEqual([]);

      // A reason that says someone may be in danger shows where to get help now.
      await reason.selectOption('CRISIS');
      await expect.poll(() => reason.getAttribute('aria-invalid')).toBe('false');
      await form.locator('[part~="crisis"]').waitFor();
      await reason.selectOption('MISINFORMATION');
      expect(await form.locator('[part~="crisis"]').count()).toBe(0);

      await form.getByLabel('Anything the facilitators should know (optional)').fill('The dose mentioned here looks wrong.');
      await form.getByRole('button', { name: 'Send report' }).click();
      const done = thread.locator('[part~="report-done"]');
      await expect.poll(() => done.textContent()).toBe('Thank you. The facilitators will look at this.');
      expect(await form.count()).toBe(0);
      expect(await reportButton.count()).toBe(0);
      await expect.poll(() => focused(page)).toBe('p[report-done]#');
      await expect.poll(() => announced(thread)).toBe('Thank you. The facilitators will look at this.');
      expect(await reportsAbout(postId)).toEqual([{ reason: 'MISINFORMATION', note: 'The dose mentioned here looks wrong.' }]);
      await page.close();
    });

    it('closes on "Cancel" with focus back on "Report"', async () => {
      const { page, thread } = await openThread(postId, { token: amal });
      const reportButton = thread.locator('[part~="reply"]', { hasText: 'A first reply' }).locator('[part~="report-button"]');
      await reportButton.click();
      await thread.locator('[part~="report-form"]').getByRole('button', { name: 'Cancel' }).click();
      await expect.poll(() => thread.locator('[part~="report-form"]').count()).toBe(0);
      expect(await reportButton.getAttribute('aria-expanded')).toBe('false');
      expect(await focused(page)).toBe('button[report-button]#');
      await page.close();
    });

    it('says a report the reader already made is in, instead of failing', async () => {
      const { page, thread } = await openThread(postId, { token: amal });
      const reply = thread.locator('[part~="reply"]', { hasText: 'A second reply' });
      const replyId = (await reply.getAttribute('data-reply'))!;
      // The reader reported the reply already (in another tab, say), and the facilitators have not closed it.
      const first = await stack.graphql<{ report: { __typename: string } }>(`mutation ($input: ReportInput!) { report(input: $input) { __typename } }`, { input: { subjectId: replyId, reason: 'SPAM' } }, { token: amal });
      expect(first.data?.report.__typename).toBe('Report');

      await reply.locator('[part~="report-button"]').click();
      const form = thread.locator('[part~="report-form"]');
      await form.getByLabel('What is the problem?').selectOption('HARASSMENT');
      await form.getByRole('button', { name: 'Send report' }).click();
      const done = thread.locator('[part~="report-done"]');
      await expect.poll(() => done.textContent()).toBe('You have already reported this. Thank you — the facilitators will look at it.');
      expect(await reply.locator('[part~="report-button"]').count()).toBe(0);
      expect(await deepText(thread)).not.toContain('could not be sent');
      await expect.poll(() => focused(page)).toBe('p[report-done]#');
      // Still the one report, with its first reason.
      expect(await reportsAbout(replyId)).toEqual([{ reason: 'SPAM', note: null }]);
      await page.close();
    });
  });
});
