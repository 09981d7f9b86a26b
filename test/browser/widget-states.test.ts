import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, phoneViewport } from '../support/chromium.js';
import { signInToken, withDemoStackAndBrowser, type DemoStack } from '../support/demo-stack.js';

/** Loading, error with retry, offline, empty and signed-out states, and a page that loads the script twice. */
describe.runIf(chromiumAvailable)('widget states on a host page', () => {
  let stack: DemoStack;
  let browser: Browser;

  withDemoStackAndBrowser((started) => {
    ({ stack, browser } = started);
  });

  it('shows a loading state, then an error with a retry that recovers when the API answers again', async () => {
    const context = await browser.newContext({ viewport: phoneViewport });
    const page = await context.newPage();
    let failing = true;
    let release: () => void = () => {};
    const held = new Promise<void>((done) => (release = done));
    await page.route(`${stack.api.url}/graphql`, async (route) => {
      if (!failing) return route.continue();
      await held;
      return route.fulfill({ status: 502, contentType: 'text/plain', body: 'Bad gateway' });
    });
    await stack.hostPages.open(page, { body: '<main><h1>Groups</h1><hearth-group-finder></hearth-group-finder></main>' });
    const finder = page.locator('hearth-group-finder');
    // The form is there (the widget has its strings); the results wait for the API.
    await finder.locator('input[type="search"]').waitFor();
    await finder.locator('[aria-busy="true"] [part~="skeleton"]').first().waitFor();
    release();
    const error = finder.locator('[part~="state"][part~="error"]');
    await error.waitFor();
    expect(await error.getAttribute('role')).toBe('alert');
    expect(await error.textContent()).toContain('Something went wrong');
    failing = false;
    await error.getByRole('button', { name: 'Try again' }).click();
    await finder.locator('[part~="card"]').first().waitFor();
    await context.close();
  });

  it('says the reader is offline, and loads by itself when the connection returns', async () => {
    const context = await browser.newContext({ viewport: phoneViewport });
    const page = await context.newPage();
    await stack.hostPages.open(page, { body: '<main><h1>Groups</h1><hearth-group-finder></hearth-group-finder></main>' });
    const finder = page.locator('hearth-group-finder');
    await finder.locator('[part~="card"]').first().waitFor();
    // The connection drops: a new search fails as offline, and runs by itself once the connection is back.
    await context.setOffline(true);
    await finder.locator('input[type="search"]').fill('grief');
    await finder.locator('input[type="search"]').press('Enter');
    const offline = finder.locator('[part~="offline"]');
    await offline.waitFor();
    expect(await offline.textContent()).toContain('You are offline');
    await context.setOffline(false);
    await finder.locator('[part~="card"]', { hasText: 'Grief and Loss Circle' }).waitFor();
    await context.close();
  });

  it('asks the host to sign the reader in, through an event the host page listens to', async () => {
    const page = await browser.newPage({ viewport: phoneViewport });
    await stack.hostPages.open(page, {
      head: `<script type="module">document.addEventListener('hearth-sign-in-request', (event) => { window.signInRequests = [...(window.signInRequests ?? []), event.detail.action]; });</script>`,
      body: '<main><h1>Group</h1><hearth-group group="grief-and-loss"></hearth-group></main>',
    });
    const group = page.locator('hearth-group');
    await group.locator('[part~="signed-out"]').first().waitFor();
    await group.locator('[part~="signed-out"]').getByRole('button', { name: 'Sign in' }).first().click();
    expect(await page.evaluate(() => (window as unknown as { signInRequests?: string[] }).signInRequests)).toEqual(['join']);
    await page.close();
  });

  it('works when the page loads the script twice (two copies, one definition each)', async () => {
    const page = await browser.newPage({ viewport: phoneViewport });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await stack.hostPages.open(page, {
      // A second copy at another URL is a separate module instance, as when two CMS blocks each carry the tag.
      head: `<script type="module" src="${stack.api.url}/widgets/hearth.js?copy=2"></script>
             <script type="module">Hearth.configure({ institution: 'nour' });</script>`,
      body: '<main><h1>Groups</h1><hearth-group-finder id="a"></hearth-group-finder><hearth-group-finder id="b" lang="ar"></hearth-group-finder></main>',
    });
    await page.locator('#a [part~="card"]').first().waitFor();
    await page.locator('#b [part~="card"]').first().waitFor();
    // One configuration for the page: the second call reached the same widgets.
    expect(await page.locator('#a [part~="card"]', { hasText: 'مجموعة' }).count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('takes its settings from the nearest provider, and reloads when the provider signs the reader in', async () => {
    const page = await browser.newPage({ viewport: phoneViewport });
    const token = await signInToken(stack, 'riverside', 'demo-amal');
    await stack.hostPages.open(page, {
      body: `<main><h1>Groups</h1>
        <hearth-provider institution="nour" locale="ar"><section lang="ar" dir="rtl"><hearth-group-finder id="nour"></hearth-group-finder></section></hearth-provider>
        <hearth-provider id="riverside"><hearth-group group="grief-and-loss"></hearth-group></hearth-provider></main>`,
    });
    // The first provider's institution wins over the page's configuration (riverside).
    await page.locator('#nour [part~="card"]', { hasText: 'مجموعة الفقد والحزن' }).first().waitFor();
    const group = page.locator('hearth-group');
    await group.locator('[part~="signed-out"]').first().waitFor();
    // The host signs its reader in without a page load: the provider's token reaches the widget, which reloads.
    await page.evaluate((value) => {
      (document.querySelector('#riverside') as HTMLElement & { token?: string }).token = value;
    }, token);
    await group.getByText('You’re a member of this group.').first().waitFor();
    await page.close();
  });

  it('keeps relative times true while the page stays open', async () => {
    const token = await signInToken(stack, 'riverside', 'demo-sara');
    const group = await stack.graphql<{ group: { id: string } }>(`{ group(slug: "type-2-diabetes-circle") { id } }`, {}, { token });
    const created = await stack.graphql<{ createPost: { __typename: string; post: { status: string } } }>(
      `mutation ($input: CreatePostInput!) { createPost(input: $input) { __typename ... on CreatePostPayload { post { status } } } }`,
      { input: { groupId: group.data!.group.id, title: 'Welcome to the newest members', body: 'Say hello whenever you are ready.' } },
      { token },
    );
    expect(created.data?.createPost.post.status).toBe('PUBLISHED');
    const page = await browser.newPage({ viewport: phoneViewport });
    await page.clock.install();
    await stack.hostPages.open(page, { body: '<main><h1>Group</h1><hearth-feed group="type-2-diabetes-circle"></hearth-feed></main>' });
    const card = page.locator('hearth-feed [part~="post"]', { hasText: 'Welcome to the newest members' });
    await card.locator('time').first().waitFor();
    expect(await card.locator('time').first().textContent()).toBe('now');
    await page.clock.fastForward('05:00');
    await expect.poll(() => card.locator('time').first().textContent()).toBe('5 minutes ago');
    await page.close();
  });
});
