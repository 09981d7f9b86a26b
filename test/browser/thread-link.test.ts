import type { Browser, Locator, Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, phoneViewport } from '../support/chromium.js';
import { signInToken, withDemoStackAndBrowser, type DemoStack } from '../support/demo-stack.js';
import { deepText } from '../support/page-text.js';

/**
 * Links to conversations (`thread-link`): opening a conversation in `<hearth-group>` puts it in the host page's
 * address, a reload opens the same one, Back closes it; on the clinic site (where it is on) and on host pages
 * of the tests' own (another parameter name, an older thread, one the reader may not read, one of another
 * group, and a page that did not ask for links). In Chromium against the real API and the demo's posts.
 */

const circle = '/groups/type-2-diabetes-circle';
const older = 'Finally got my HbA1c down';
const newer = 'Newly diagnosed and a bit overwhelmed';
/** A reply in the older post's thread: there only once the conversation is open. */
const olderReply = 'That is brilliant news';

describe.runIf(chromiumAvailable)('links to conversations', () => {
  let stack: DemoStack;
  let browser: Browser;
  const pages: Page[] = [];
  let postIds: Record<string, string>;

  withDemoStackAndBrowser((started) => {
    ({ stack, browser } = started);
  });

  beforeAll(async () => {
    const result = await stack.graphql<{ group: { posts: { edges: Array<{ node: { id: string; title: string } }> } } }>(
      `{ group(slug: "type-2-diabetes-circle") { posts(first: 20) { edges { node { id title } } } } }`,
      {},
      { institution: 'riverside' },
    );
    postIds = Object.fromEntries(result.data!.group.posts.edges.map((edge) => [edge.node.title, edge.node.id]));
    expect(Object.keys(postIds)).toEqual(expect.arrayContaining([older, newer]));
  });

  afterEach(async () => {
    for (const page of pages.splice(0)) await page.close();
  });

  async function newPage(): Promise<Page> {
    const page = await browser.newPage({ viewport: phoneViewport });
    pages.push(page);
    return page;
  }

  const cardOf = (page: Page, title: string) => page.locator('hearth-feed [part~="post"]', { hasText: title });
  const linked = (page: Page, parameter = 'thread') => new URL(page.url()).searchParams.get(parameter);
  /** Which conversation is open on the page (its card's post id), or null. */
  const openOnPage = (page: Page) =>
    page.locator('hearth-feed').evaluate((feed) => feed.shadowRoot!.querySelector('[part~="open-button"][aria-expanded="true"]')?.closest('[data-post]')?.getAttribute('data-post') ?? null);

  async function expectText(locator: Locator, text: string): Promise<void> {
    await expect.poll(() => deepText(locator), { timeout: 15_000 }).toContain(text);
  }

  it('on the clinic site: open -> the address names it -> reload -> the same conversation is open -> Back closes it', async () => {
    const page = await newPage();
    await page.goto(`${stack.site.url}${circle}`);
    await cardOf(page, older).getByRole('button', { name: 'Open conversation' }).click();
    await expectText(cardOf(page, older), olderReply);
    expect(linked(page)).toBe(postIds[older]);
    expect(new URL(page.url()).pathname).toBe(circle);

    await page.reload();
    await expectText(cardOf(page, older), olderReply);
    expect(await openOnPage(page)).toBe(postIds[older]);
    // The reader lands on it: its card has focus.
    expect(await page.locator('hearth-feed').evaluate((feed) => feed.shadowRoot!.activeElement?.getAttribute('data-post'))).toBe(postIds[older]);

    await page.goBack();
    await expect.poll(() => linked(page)).toBeNull();
    await cardOf(page, older).getByRole('button', { name: 'Open conversation' }).waitFor();
    expect(await openOnPage(page)).toBeNull();
    expect(await cardOf(page, older).locator('hearth-thread').count()).toBe(0);
  });

  it('Back and Forward move between the conversations opened, without loading the page again', async () => {
    const page = await newPage();
    await page.goto(`${stack.site.url}${circle}`);
    await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
    await cardOf(page, older).getByRole('button', { name: 'Open conversation' }).click();
    await expect.poll(() => linked(page)).toBe(postIds[older]);
    await cardOf(page, newer).getByRole('button', { name: 'Open conversation' }).click();
    await expect.poll(() => linked(page)).toBe(postIds[newer]);
    expect(await openOnPage(page)).toBe(postIds[newer]);

    await page.goBack();
    await expect.poll(() => openOnPage(page)).toBe(postIds[older]);
    expect(linked(page)).toBe(postIds[older]);
    await page.goBack();
    await expect.poll(() => openOnPage(page)).toBeNull();
    expect(linked(page)).toBeNull();
    await page.goForward();
    await expect.poll(() => openOnPage(page)).toBe(postIds[older]);
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  });

  it('closing a conversation with its button takes the address back to the group', async () => {
    const page = await newPage();
    await page.goto(`${stack.site.url}${circle}?from=newsletter`);
    await cardOf(page, newer).getByRole('button', { name: 'Open conversation' }).click();
    await expect.poll(() => linked(page)).toBe(postIds[newer]);
    expect(new URL(page.url()).searchParams.get('from')).toBe('newsletter');
    await cardOf(page, newer).getByRole('button', { name: 'Close conversation' }).click();
    await expect.poll(() => linked(page)).toBeNull();
    expect(new URL(page.url()).searchParams.get('from')).toBe('newsletter');
    expect(await openOnPage(page)).toBeNull();
  });

  it('names the parameter as the host asks, and opens a conversation older than the first page', async () => {
    const page = await newPage();
    await stack.hostPages.open(page, {
      body: '<main><h1>Group</h1><hearth-feed group="type-2-diabetes-circle" page-size="1" thread-link="conversation"></hearth-feed></main>',
      query: `?conversation=${encodeURIComponent(postIds[older]!)}`,
    });
    // Not on the first page (one post, the newer): fetched on its own, shown first and open.
    await expectText(cardOf(page, older), olderReply);
    const titles = await page.locator('hearth-feed [part~="post-title"]').allTextContents();
    expect(titles.map((title) => title.trim())).toEqual([older, newer]);
    await cardOf(page, newer).getByRole('button', { name: 'Open conversation' }).click();
    await expect.poll(() => linked(page, 'conversation')).toBe(postIds[newer]);
    expect(linked(page, 'thread')).toBeNull();
  });

  it('says when the linked conversation cannot be read, and ignores one of another group', async () => {
    const amal = await signInToken(stack, 'riverside', 'demo-amal');
    const grief = await stack.graphql<{ group: { id: string } }>(`{ group(slug: "grief-and-loss") { id } }`, {}, { token: amal });
    const created = await stack.graphql<{ createPost: { post: { id: string } } }>(
      `mutation ($input: CreatePostInput!) { createPost(input: $input) { __typename ... on CreatePostPayload { post { id } } } }`,
      { input: { groupId: grief.data!.group.id, title: 'For the grief circle only', body: 'Thursdays help me more than I can say.' } },
      { token: amal },
    );
    const membersOnly = created.data!.createPost.post.id;

    // A guest cannot read the grief circle's posts: the link is said to lead nowhere they can follow.
    const guest = await newPage();
    await stack.hostPages.open(guest, { body: '<main><h1>Group</h1><hearth-group group="type-2-diabetes-circle" thread-link></hearth-group></main>', query: `?thread=${encodeURIComponent(membersOnly)}` });
    await expectText(guest.locator('hearth-feed [part~="link-unavailable"]'), 'The conversation this link leads to is not available here.');
    expect(await cardOf(guest, 'For the grief circle only').count()).toBe(0);

    // Amal may read it, but it is another group's: this feed shows neither it nor a notice.
    const member = await newPage();
    await stack.hostPages.open(member, {
      body: `<main><h1>Group</h1><hearth-group group="type-2-diabetes-circle" thread-link token="${amal}"></hearth-group></main>`,
      query: `?thread=${encodeURIComponent(membersOnly)}`,
    });
    await cardOf(member, older).waitFor();
    await cardOf(member, newer).waitFor();
    expect(await cardOf(member, 'For the grief circle only').count()).toBe(0);
    expect(await member.locator('hearth-feed [part~="link-unavailable"]').count()).toBe(0);
  });

  it('leaves the address alone on a page that did not ask for links', async () => {
    const page = await newPage();
    await stack.hostPages.open(page, { body: '<main><h1>Group</h1><hearth-group group="type-2-diabetes-circle"></hearth-group></main>' });
    const before = { url: page.url(), entries: await page.evaluate(() => history.length) };
    await cardOf(page, older).getByRole('button', { name: 'Open conversation' }).click();
    await expectText(cardOf(page, older), olderReply);
    expect({ url: page.url(), entries: await page.evaluate(() => history.length) }).toEqual(before);
  });
});
