import type { Browser, Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, phoneViewport } from '../support/chromium.js';
import { newPersonToken, signInToken, withDemoStackAndBrowser, type DemoStack } from '../support/demo-stack.js';
import { deepText } from '../support/page-text.js';

/**
 * `<hearth-composer>` on its own on a host page, against the real API on the seeded demo (Riverside): who can
 * read the post is said before sending, as the API words it for the group; the anonymity choice where the group
 * allows it, and its default (a new post is named, a reply in the writer's own anonymous thread goes under the
 * thread's alias); the reader's own mistakes stopped before sending; a post the API refuses (a field it rejects,
 * the rate limit) keeps the draft and says why; and the states in which there is no form. The composer keeps no
 * draft of its own across a page load (nothing in storage), so none is tested here.
 */

/** What the composer says about who can read the post (domain.messages.en.ts), per `Group.postsReadableBy`. */
const readableBy: Record<string, string> = {
  GUESTS: "Anyone, including people who aren't signed in, can read this.",
  MEMBERS: 'Only members of this group can read this.',
};
/** Who can find out who wrote an anonymous post, per `Group.anonymousAuthorsRevealableBy`. */
const revealableBy: Record<string, string> = {
  NOBODY: "Nobody can find out who wrote an anonymous post, not even the facilitators or the site's administrators.",
  ADMINS: "If the writer may be in danger, only the site's administrators can find out who they are. Each time is recorded.",
  FACILITATORS_AND_ADMINS: "If the writer may be in danger, the group's professional facilitators or the site's administrators can find out who they are, to help. Each time is recorded.",
};

interface GroupFacts {
  id: string;
  postsReadableBy: string;
  allowsAnonymousPosts: boolean;
  anonymousAuthorsRevealableBy: string;
}

describe.runIf(chromiumAvailable)('<hearth-composer>', () => {
  let stack: DemoStack;
  let browser: Browser;
  const tokens: Record<string, string> = {};

  withDemoStackAndBrowser((started) => {
    ({ stack, browser } = started);
  });

  beforeAll(async () => {
    for (const member of ['demo-amal', 'demo-omar', 'demo-ahmed', 'demo-sara']) tokens[member] = await signInToken(stack, 'riverside', member);
    // The clinic site's demo sign-in does not list Tom: his token is signed with Riverside's key, as its backend would.
    tokens['demo-tom'] = await newPersonToken(stack, 'riverside', 'demo-tom', 'Tom Hughes');
  });

  async function groupFacts(slug: string, token: string): Promise<GroupFacts> {
    const result = await stack.graphql<{ group: GroupFacts }>(
      `query ($slug: String) { group(slug: $slug) { id postsReadableBy allowsAnonymousPosts anonymousAuthorsRevealableBy } }`,
      { slug },
      { token },
    );
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data!.group;
  }

  /** The group's posts as its facilitator reads them through the API (newest first). */
  async function postsOf(groupId: string): Promise<Array<{ id: string; title: string; anonymous: boolean; authorName: string; status: string }>> {
    const result = await stack.graphql<{ node: { posts: { edges: Array<{ node: { id: string; title: string; anonymous: boolean; authorName: string; status: string } }> } } }>(
      `query ($id: ID!) { node(id: $id) { ... on Group { posts(first: 50) { edges { node { id title anonymous authorName status } } } } } }`,
      { id: groupId },
      { token: tokens['demo-sara'] },
    );
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data!.node.posts.edges.map((edge) => edge.node);
  }

  async function createPost(groupId: string, token: string, input: { title: string; body: string; anonymous?: boolean }): Promise<{ __typename: string; post?: { id: string; authorName: string } }> {
    const result = await stack.graphql<{ createPost: { __typename: string; post?: { id: string; authorName: string } } }>(
      `mutation ($input: CreatePostInput!) { createPost(input: $input) { __typename ... on CreatePostPayload { post { id authorName } } } }`,
      { input: { groupId, ...input } },
      { token },
    );
    return result.data!.createPost;
  }

  /** A host page with just the composer, for `group` or (a reply form) `post`. */
  async function openComposer(where: { group?: string; post?: string }, token?: string): Promise<{ page: Page; composer: Locator }> {
    const page = await browser.newPage({ viewport: phoneViewport });
    const attributes = [where.group ? `group="${where.group}"` : '', where.post ? `post="${where.post}"` : '', token ? `token="${token}"` : ''].join(' ');
    await stack.hostPages.open(page, { body: `<main><h1>Write</h1><hearth-composer ${attributes}></hearth-composer></main>` });
    const composer = page.locator('hearth-composer');
    await composer.locator('h2').first().waitFor();
    return { page, composer };
  }

  /** The focused element's id, through shadow roots. */
  function focusedId(page: Page): Promise<string> {
    return page.evaluate(() => {
      let active: Element | null = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active?.id ?? '';
    });
  }

  it('says who can read the post before it is sent, as the API words it for each group', async () => {
    // A public circle whose threads guests may read, and a members-only one.
    for (const [slug, member] of [
      ['type-2-diabetes-circle', 'demo-amal'],
      ['chronic-pain', 'demo-tom'],
    ] as const) {
      const facts = await groupFacts(slug, tokens[member]!);
      const { page, composer } = await openComposer({ group: slug }, tokens[member]);
      const audience = composer.locator('[part~="audience"]');
      await expect.poll(() => audience.textContent(), { timeout: 15_000 }).toBe(readableBy[facts.postsReadableBy]);
      // The send button is described by it, so a screen reader hears it with "Post".
      expect(await composer.getByRole('button', { name: 'Post', exact: true }).getAttribute('aria-describedby')).toBe('audience');
      // Anonymity is offered only where the group allows it.
      expect(await composer.getByLabel('Post anonymously').count(), slug).toBe(facts.allowsAnonymousPosts ? 1 : 0);
      await page.close();
    }
    expect((await groupFacts('type-2-diabetes-circle', tokens['demo-amal']!)).postsReadableBy).toBe('GUESTS');
    expect((await groupFacts('chronic-pain', tokens['demo-tom']!)).postsReadableBy).toBe('MEMBERS');
  });

  it('offers a new post unticked as anonymous, says what it means, and posts under an alias when ticked', async () => {
    const facts = await groupFacts('chronic-pain', tokens['demo-ahmed']!);
    expect(facts.allowsAnonymousPosts).toBe(true);
    const { page, composer } = await openComposer({ group: 'chronic-pain' }, tokens['demo-ahmed']);
    const anonymous = composer.getByLabel('Post anonymously');
    await anonymous.waitFor();
    expect(await anonymous.isChecked()).toBe(false);
    const hint = await deepText(composer.locator('#anonymous-hint'));
    expect(hint).toContain('instead of your name');
    expect(hint).toContain(revealableBy[facts.anonymousAuthorsRevealableBy]);

    await composer.getByLabel('Title').fill('Pacing on bad days');
    await composer.getByLabel('What would you like to share?').fill('How do you decide what to drop when a flare starts?');
    await anonymous.check();
    await composer.getByRole('button', { name: 'Post', exact: true }).click();
    const success = composer.locator('[part~="success"]');
    await expect.poll(() => success.textContent().then((text) => text?.trim()), { timeout: 15_000 }).toBe('Your post has been shared with the group.');
    await expect.poll(() => focusedId(page), { timeout: 15_000 }).toBe('sent');
    // Only now is the form emptied.
    expect(await composer.getByLabel('Title').inputValue()).toBe('');
    expect(await composer.getByLabel('What would you like to share?').inputValue()).toBe('');

    const post = (await postsOf(facts.id)).find((each) => each.title === 'Pacing on bad days');
    expect(post).toMatchObject({ anonymous: true, status: 'PUBLISHED' });
    expect(post!.authorName).toMatch(/^Anonymous \d+$/);
    await page.close();
  });

  describe('a reply in the writer’s own anonymous thread', () => {
    let groupId: string;
    let postId: string;
    let alias: string;

    beforeAll(async () => {
      groupId = (await groupFacts('chronic-pain', tokens['demo-omar']!)).id;
      const created = await createPost(groupId, tokens['demo-omar']!, { title: 'Sleep and flare-ups', body: 'Does anyone else sleep worse the night before a flare?', anonymous: true });
      expect(created.__typename).toBe('CreatePostPayload');
      postId = created.post!.id;
      alias = created.post!.authorName;
      expect(alias).toMatch(/^Anonymous \d+$/);
    });

    async function replies(): Promise<Array<{ body: string; anonymous: boolean; authorName: string }>> {
      const result = await stack.graphql<{ node: { replies: { edges: Array<{ node: { body: string; anonymous: boolean; authorName: string } }> } } }>(
        `query ($id: ID!) { node(id: $id) { ... on Post { replies(first: 50) { edges { node { body anonymous authorName } } } } } }`,
        { id: postId },
        { token: tokens['demo-sara'] },
      );
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      return result.data!.node.replies.edges.map((edge) => edge.node);
    }

    it('is ticked as anonymous by default, and the reply goes under the thread’s alias', async () => {
      const { page, composer } = await openComposer({ post: postId }, tokens['demo-omar']);
      const anonymous = composer.getByLabel('Reply anonymously');
      await anonymous.waitFor();
      expect(await anonymous.isChecked()).toBe(true);
      expect(await deepText(composer)).not.toContain('everyone here will know you wrote the post');
      // Untouched: the API's default decides, and it is the thread's alias.
      await composer.getByLabel('Your reply').fill('Thank you all, I tried the wind-down routine last night.');
      await composer.getByRole('button', { name: 'Reply', exact: true }).click();
      await expect.poll(() => composer.locator('[part~="success"]').textContent().then((text) => text?.trim()), { timeout: 15_000 }).toBe('Your reply has been shared.');
      const reply = (await replies()).find((each) => each.body.startsWith('Thank you all'));
      expect(reply).toEqual({ body: 'Thank you all, I tried the wind-down routine last night.', anonymous: true, authorName: alias });
      await page.close();
    });

    it('says what a reply under the writer’s name would reveal when they untick it', async () => {
      const { page, composer } = await openComposer({ post: postId }, tokens['demo-omar']);
      const anonymous = composer.getByLabel('Reply anonymously');
      await anonymous.uncheck();
      await expect.poll(() => deepText(composer.locator('#anonymous-hint')), { timeout: 15_000 }).toContain('If you reply under your name, everyone here will know you wrote the post.');
      await anonymous.check();
      await expect.poll(() => deepText(composer.locator('#anonymous-hint')), { timeout: 15_000 }).not.toContain('everyone here will know');
      await page.close();
    });

    it('is unticked for another member, whose reply goes under their own name', async () => {
      const { page, composer } = await openComposer({ post: postId }, tokens['demo-tom']);
      const anonymous = composer.getByLabel('Reply anonymously');
      await anonymous.waitFor();
      expect(await anonymous.isChecked()).toBe(false);
      await composer.getByLabel('Your reply').fill('Same here, the evening before is always the worst.');
      await composer.getByRole('button', { name: 'Reply', exact: true }).click();
      await composer.locator('[part~="success"]').waitFor({ timeout: 15_000 });
      const reply = (await replies()).find((each) => each.body.startsWith('Same here'));
      expect(reply?.anonymous).toBe(false);
      expect(reply?.authorName).toBe('Tom Hughes');
      await page.close();
    });
  });

  it('stops an empty post in the browser, with each problem on its field and focus on the first', async () => {
    const { page, composer } = await openComposer({ group: 'chronic-pain' }, tokens['demo-tom']);
    let sent = 0;
    await page.route(`${stack.api.url}/graphql`, async (route) => {
      if (route.request().postData()?.includes('createPost')) sent += 1;
      await route.continue();
    });
    await composer.getByRole('button', { name: 'Post', exact: true }).click();
    await expect.poll(() => composer.getByLabel('Title').getAttribute('aria-invalid'), { timeout: 15_000 }).toBe('true');
    expect(await composer.locator('#title-problem').textContent()).toBe('Please give your post a title.');
    expect(await composer.locator('#body-problem').textContent()).toBe('Please write something first.');
    expect(await composer.getByLabel('What would you like to share?').getAttribute('aria-invalid')).toBe('true');
    expect(await focusedId(page)).toBe('title');
    expect(sent).toBe(0);
    await page.close();
  });

  it('keeps the draft and says why when the API refuses a field', async () => {
    const groupId = (await groupFacts('chronic-pain', tokens['demo-tom']!)).id;
    const { page, composer } = await openComposer({ group: 'chronic-pain' }, tokens['demo-tom']);
    // A zero-width space the browser lets through; the API refuses it in a title.
    const title = 'Heat\u200Bpads';
    const body = 'What temperature do you use, and for how long?';
    await composer.getByLabel('Title').fill(title);
    await composer.getByLabel('What would you like to share?').fill(body);
    await composer.getByRole('button', { name: 'Post', exact: true }).click();
    const problem = composer.locator('#title-problem');
    await expect.poll(() => problem.count(), { timeout: 15_000 }).toBe(1);
    expect(await problem.textContent()).toBe('Must not contain invisible characters such as zero-width spaces.');
    expect(await composer.getByLabel('Title').getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => focusedId(page), { timeout: 15_000 }).toBe('title');
    expect(await composer.getByLabel('Title').inputValue()).toBe(title);
    expect(await composer.getByLabel('What would you like to share?').inputValue()).toBe(body);
    expect(await composer.locator('[part~="success"]').count()).toBe(0);
    expect((await postsOf(groupId)).map((post) => post.title)).not.toContain(title);
    await page.close();
  });

  it('keeps the draft and says how long to wait when the API refuses a post for the rate limit', async () => {
    const sara = tokens['demo-sara']!;
    const groupId = (await groupFacts('chronic-pain', sara)).id;
    // The allowance is five posts in ten minutes: the facilitator spends it through the API.
    for (let index = 1; index <= 5; index += 1) expect((await createPost(groupId, sara, { title: `Check-in ${index}`, body: 'How is everyone today?' })).__typename).toBe('CreatePostPayload');
    const before = (await postsOf(groupId)).length;

    const { page, composer } = await openComposer({ group: 'chronic-pain' }, sara);
    await composer.getByLabel('Title').fill('One more check-in');
    await composer.getByLabel('What would you like to share?').fill('Sorry for all the posts today.');
    await composer.getByRole('button', { name: 'Post', exact: true }).click();
    const failure = composer.locator('#failure');
    await failure.waitFor({ timeout: 15_000 });
    const text = await deepText(failure);
    expect(text).toMatch(/You are doing that a lot\. Please wait \d+ seconds? and try again\./);
    expect(text).toContain('What you wrote is still here.');
    await expect.poll(() => focusedId(page), { timeout: 15_000 }).toBe('failure');
    expect(await composer.getByLabel('Title').inputValue()).toBe('One more check-in');
    expect(await composer.getByLabel('What would you like to share?').inputValue()).toBe('Sorry for all the posts today.');
    expect(await composer.getByRole('button', { name: 'Post', exact: true }).isEnabled()).toBe(true);
    expect((await postsOf(groupId)).length).toBe(before);
    await page.close();
  });

  it('shows no form to a guest, a member still waiting for approval, or someone outside the group, and says why', async () => {
    const cases: Array<[string, string | undefined, string]> = [
      ['chronic-pain', undefined, 'Sign in'],
      // Omar's request to join the diabetes circle waits for its facilitator.
      ['type-2-diabetes-circle', tokens['demo-omar'], 'Your request to join is waiting for a facilitator. You can post once it is approved.'],
      ['grief-and-loss', tokens['demo-tom'], 'Only members of this group can post here. Join the group first to take part.'],
    ];
    for (const [slug, token, says] of cases) {
      const { page, composer } = await openComposer({ group: slug }, token);
      await expect.poll(() => deepText(composer), { timeout: 15_000 }).toContain(says);
      expect(await composer.locator('form').count(), slug).toBe(0);
      await page.close();
    }
  });
});
