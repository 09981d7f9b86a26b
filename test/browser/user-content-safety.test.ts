import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from '../support/chromium.js';
import { signInToken, withDemoStackAndBrowser, type DemoStack } from '../support/demo-stack.js';

const hostileBody = 'Before <img src=x onerror="window.__xss = (window.__xss || 0) + 1"> middle <script>window.__xss = 99</script> **after**';

/** Shadow roots all the way down, so nothing a widget renders escapes the check. */
async function renderedElements(page: Page, tag: string): Promise<number> {
  return page.evaluate((name) => {
    let count = 0;
    const visit = (root: Document | ShadowRoot) => {
      count += root.querySelectorAll(name).length;
      for (const element of root.querySelectorAll('*')) if (element.shadowRoot) visit(element.shadowRoot);
    };
    visit(document);
    return count;
  }, tag);
}

describe.runIf(chromiumAvailable)('user content in the widgets', () => {
  let stack: DemoStack;
  let browser: Browser;
  let postId: string;

  withDemoStackAndBrowser((started) => {
    ({ stack, browser } = started);
  });

  beforeAll(async () => {
    // A member of the Riverside diabetes circle (open to guests) posts the hostile text through the API.
    const token = await signInToken(stack, 'riverside', 'demo-amal');
    const group = await stack.graphql<{ group: { id: string } }>(`{ group(slug: "type-2-diabetes-circle") { id } }`, {}, { token });
    const created = await stack.graphql<{ createPost: { __typename: string; post?: { id: string } } }>(
      `mutation ($input: CreatePostInput!) { createPost(input: $input) { __typename ... on CreatePostPayload { post { id } } } }`,
      { input: { groupId: group.data!.group.id, title: 'Is <b>this</b> safe?', body: hostileBody } },
      { token },
    );
    expect(created.data?.createPost.__typename).toBe('CreatePostPayload');
    postId = created.data!.createPost.post!.id;
    // Amal's first post in the circle is held for review; the facilitator approves it.
    const sara = await signInToken(stack, 'riverside', 'demo-sara');
    const approved = await stack.graphql<{ moderate: { __typename: string } }>(
      `mutation ($input: ModerateInput!) { moderate(input: $input) { __typename } }`,
      { input: { action: 'APPROVE', subjectId: postId, reason: 'Fine to publish.' } },
      { token: sara },
    );
    expect(approved.data?.moderate.__typename).toBe('ModerationAction');
  });

  it('shows markup a member typed as text and runs none of it', async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`${stack.site.url}/groups/type-2-diabetes-circle`);
    const card = page.locator('[part~="post"]', { hasText: 'Is <b>this</b> safe?' }).first();
    await card.waitFor();
    await card.getByRole('button', { name: 'Open conversation' }).click();
    const body = page.locator('hearth-thread [part~="body"]').first();
    await expect.poll(() => body.textContent()).toContain('<img src=x onerror=');
    expect(await body.textContent()).toContain('<script>window.__xss = 99</script>');
    // The Markdown subset still formats.
    expect(await body.locator('strong').textContent()).toBe('after');
    expect(await renderedElements(page, 'hearth-thread img, hearth-feed img')).toBe(0);
    expect(await renderedElements(page, 'img')).toBe(0);
    expect(await renderedElements(page, 'script[src=x], [part~="body"] script')).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('drops markup even when the API answer itself carries it (defence in depth)', async () => {
    const page = await browser.newPage();
    // Rewrite the API's answer on the wire, as a compromised proxy might: bodyHtml full of active content.
    await page.route(`${stack.api.url}/graphql`, async (route) => {
      const response = await route.fetch();
      const text = await response.text();
      const hostileHtml =
        '<p dir="auto" onclick="window.__xss=1">safe <strong>bold</strong> <a href="javascript:window.__xss=2">js link</a> <a href="https://example.org/help" onmouseover="window.__xss=3">good link</a></p>' +
        '<img src=x onerror="window.__xss=4"><svg><script>window.__xss=5</script></svg><iframe src="javascript:window.__xss=6"></iframe>' +
        '<style>*{display:none}</style><math><mi xlink:href="javascript:window.__xss=7">m</mi></math><form><button formaction="javascript:window.__xss=8">b</button></form>';
      await route.fulfill({ response, body: text.replaceAll(/"bodyHtml":"(?:[^"\\]|\\.)*"/g, `"bodyHtml":${JSON.stringify(hostileHtml)}`) });
    });
    await page.goto(`${stack.site.url}/groups/type-2-diabetes-circle`);
    const card = page.locator('[part~="post"]', { hasText: 'Is <b>this</b> safe?' }).first();
    await card.waitFor();
    await card.getByRole('button', { name: 'Open conversation' }).click();
    const body = page.locator('hearth-thread [part~="body"]').first();
    await body.locator('strong').waitFor();
    const links = await body.locator('a').evaluateAll((anchors) => anchors.map((a) => ({ href: a.getAttribute('href'), rel: a.getAttribute('rel'), handlers: a.getAttributeNames().filter((name) => name.startsWith('on')) })));
    expect(links).toEqual([
      { href: null, rel: null, handlers: [] },
      { href: 'https://example.org/help', rel: 'nofollow noopener noreferrer ugc', handlers: [] },
    ]);
    for (const tag of ['img', 'svg', 'script', 'iframe', 'style', 'math', 'form', 'button[formaction]']) {
      expect(await body.locator(tag).count(), tag).toBe(0);
    }
    expect(await body.locator('p').evaluate((p) => p.getAttributeNames())).toEqual(['dir']);
    await body.locator('a').first().click();
    await body.locator('a').nth(1).hover();
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await page.close();
  });
});
