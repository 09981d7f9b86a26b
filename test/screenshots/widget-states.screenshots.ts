import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium, phoneViewport } from '../support/chromium.js';
import { signInToken, startDemoStack, type DemoStack } from '../support/demo-stack.js';

const folder = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'screenshots');
mkdirSync(folder, { recursive: true });

let stack: DemoStack;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  if (!chromiumAvailable) throw new Error('Screenshots need Chromium (apt-get install -y chromium).');
  [stack, browser] = await Promise.all([startDemoStack(), launchChromium()]);
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await stack?.close();
});

/** A reader on the clinic site at a phone's size: a guest, or signed in through the site's demo sign-in. */
async function visit(path: string, member: string | null = null, viewport = phoneViewport): Promise<Page> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, reducedMotion: 'reduce' });
  contexts.push(context);
  const page = await context.newPage();
  const prefix = path.startsWith('/ar/') || path === '/ar' ? '/ar' : '';
  if (member) {
    await page.goto(`${stack.site.url}${prefix}/sign-in?return=${encodeURIComponent(path)}`);
    await page.locator(`button[name="member"][value="${member}"]`).click();
    await page.waitForURL(`${stack.site.url}${path}`);
  } else {
    await page.goto(`${stack.site.url}${path}`);
  }
  return page;
}

async function shoot(target: Locator | Page, name: string): Promise<void> {
  const page = 'page' in target ? target.page() : target;
  await page.evaluate(() => document.fonts.ready);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await target.screenshot({ path: join(folder, `${name}.png`), animations: 'disabled', ...('page' in target ? {} : { fullPage: true }) });
}

it('takes a screenshot of every widget state', async () => {
  // The clinic site's pages, whole.
  const home = await visit('/', null, { width: 1280, height: 900 });
  await home.locator('hearth-group-finder [part~="card"]').first().waitFor();
  await shoot(home, 'clinic-home-en-desktop');
  const homeAr = await visit('/ar/');
  await homeAr.locator('hearth-group-finder [part~="card"]').first().waitFor();
  await shoot(homeAr, 'clinic-home-ar-phone');

  // Group finder: results, filters open, nothing found.
  const finder = homeAr.locator('hearth-group-finder');
  await shoot(finder, 'finder-results-ar');
  await finder.locator('summary').click();
  await shoot(finder, 'finder-filters-ar');
  const finderEn = (await visit('/')).locator('hearth-group-finder');
  await finderEn.locator('[part~="card"]').first().waitFor();
  await shoot(finderEn, 'finder-results-en');
  await finderEn.locator('input[type="search"]').fill('knitting');
  await finderEn.locator('input[type="search"]').press('Enter');
  await finderEn.locator('[part~="state"]').waitFor();
  await shoot(finderEn, 'finder-empty-en');

  // Group: a guest, an applicant answering the entry questions, a pending request, a member with composer and feed.
  const guest = (await visit('/groups/type-2-diabetes-circle')).locator('hearth-group');
  await guest.locator('hearth-feed [part~="post"]').first().waitFor();
  await shoot(guest, 'group-guest-en');
  const applicantPage = await visit('/ar/groups/diabetes-support', 'demo-huda');
  const applicant = applicantPage.locator('hearth-group');
  await applicant.locator('textarea').first().waitFor();
  await shoot(applicant, 'group-join-questions-ar');
  await applicant.locator('textarea').first().fill('أن أتعلّم من تجارب من سبقوني.');
  await applicant.locator('textarea').nth(1).fill('المنتدى في البداية.');
  await applicant.getByRole('button', { name: 'أرسل الطلب' }).click();
  await applicant.getByText('أُرسل طلبك، وسيراجعه أحد الميسّرين.').first().waitFor();
  await shoot(applicant, 'group-request-pending-ar');
  const member = (await visit('/groups/type-2-diabetes-circle', 'demo-amal')).locator('hearth-group');
  await member.locator('hearth-composer textarea').first().waitFor();
  await member.locator('hearth-feed [part~="post"]').first().waitFor();
  await shoot(member, 'group-member-en');

  // Composer: the reader's mistakes marked; a post that reads as a crisis, answered with crisis resources.
  const composer = member.locator('hearth-composer').first();
  await composer.locator('input[type="checkbox"]').first().check();
  await composer.getByRole('button', { name: 'Post', exact: true }).click();
  await composer.locator('[aria-invalid="true"]').first().waitFor();
  await shoot(composer, 'composer-errors-en');
  const crisisPage = await visit('/groups/grief-and-loss', 'demo-amal');
  const crisisComposer = crisisPage.locator('hearth-group hearth-composer').first();
  await crisisComposer.locator('input').first().fill('I can’t do this any more');
  await crisisComposer.locator('textarea').first().fill('Since the funeral I feel like I want to die. I don’t see the point of anything.');
  await crisisComposer.getByRole('button', { name: 'Post', exact: true }).click();
  await crisisComposer.locator('[part~="crisis"], .crisis').first().waitFor();
  await shoot(crisisComposer, 'composer-crisis-resources-en');

  // Feed and thread in Arabic: a post behind a content warning, then the conversation opened with its reactions.
  const amalAr = await visit('/ar/groups/diabetes-support', 'demo-amal');
  const token = await signInToken(stack, 'nour', 'demo-amal');
  const group = await stack.graphql<{ group: { id: string } }>(`{ group(slug: "diabetes-support") { id } }`, {}, { token });
  const created = await stack.graphql<{ createPost: { __typename: string } }>(
    `mutation ($input: CreatePostInput!) { createPost(input: $input) { __typename } }`,
    { input: { groupId: group.data!.group.id, title: 'ليلة صعبة بعد الحقنة', body: 'كانت ليلة صعبة، لكن كلماتكم ساعدتني. **شكرًا لكم**.', contentWarning: 'حديث عن الإبر', anonymous: true } },
    { token },
  );
  expect(created.data?.createPost.__typename).toBe('CreatePostPayload');
  await amalAr.reload();
  const feed = amalAr.locator('hearth-feed');
  const warned = feed.locator('[part~="post"]', { hasText: 'ليلة صعبة بعد الحقنة' });
  await warned.waitFor();
  await shoot(feed, 'feed-content-warning-ar');
  const opened = feed.locator('[part~="post"]').nth(1);
  await opened.getByRole('button', { name: 'افتح المحادثة' }).click();
  const thread = opened.locator('hearth-thread');
  await thread.locator('[part~="post"]').first().waitFor();
  const gate = thread.getByRole('button', { name: 'اعرض المنشور' });
  if (await gate.count()) await gate.first().click();
  await thread.locator('[part~="reaction"]').first().waitFor();
  await shoot(opened, 'thread-conversation-ar');
  await thread.getByRole('button', { name: 'إبلاغ' }).first().click();
  await thread.locator('[part~="report-form"]').waitFor();
  await shoot(thread.locator('[part~="report-form"]'), 'thread-report-form-ar');

  // Facilitators' queue: join requests and reports, crisis first.
  const queue = (await visit('/ar/facilitators', 'demo-lina')).locator('hearth-moderation-queue');
  await queue.locator('[part~="request"]').first().waitFor();
  await shoot(queue, 'queue-ar');
  const queueEn = (await visit('/facilitators', 'demo-sara')).locator('hearth-moderation-queue');
  await queueEn.locator('[part~="request"], [part~="state"]').first().waitFor();
  await shoot(queueEn, 'queue-en');
  const guestQueue = (await visit('/facilitators')).locator('hearth-moderation-queue');
  await guestQueue.locator('[part~="state"]').first().waitFor();
  await shoot(guestQueue, 'queue-signed-out-en');

  // Loading, error and offline, on a host page of our own.
  const statesContext = await browser.newContext({ viewport: phoneViewport, deviceScaleFactor: 1 });
  contexts.push(statesContext);
  const states = await statesContext.newPage();
  let release: () => void = () => {};
  const held = new Promise<void>((done) => (release = done));
  await states.route(`${stack.api.url}/graphql`, async (route) => {
    await held;
    await route.fulfill({ status: 502, body: 'Bad gateway' });
  });
  await stack.hostPages.open(states, { body: '<main style="padding:16px"><hearth-group-finder></hearth-group-finder></main>' });
  const loading = states.locator('hearth-group-finder');
  await loading.locator('input[type="search"]').waitFor();
  await loading.locator('[part~="skeleton"]').first().waitFor();
  await shoot(loading, 'state-loading-en');
  release();
  await loading.locator('[part~="error"]').waitFor();
  await shoot(loading, 'state-error-en');
  await states.unroute(`${stack.api.url}/graphql`);
  await loading.getByRole('button', { name: 'Try again' }).click();
  await loading.locator('[part~="card"]').first().waitFor();
  await statesContext.setOffline(true);
  await loading.locator('input[type="search"]').fill('grief');
  await loading.locator('input[type="search"]').press('Enter');
  await loading.locator('[part~="offline"]').waitFor();
  await shoot(loading, 'state-offline-en');
  await statesContext.setOffline(false);
});
