import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, desktopViewport, phoneViewport } from '../support/chromium.js';
import { withDemoStackAndBrowser, type DemoStack } from '../support/demo-stack.js';

/**
 * The whole flow the issue describes, on the Arabic edition of the clinic site (Al-Nour Hospital), through the
 * widgets only: a guest finds the diabetes group by searching in Arabic and applies by answering its questions;
 * the professional facilitator approves the request in her queue; the new member posts anonymously with a
 * content warning; another member opens the warning, replies, reacts and reports; the report reaches the queue.
 * Run at a phone's size and a desktop's, each on a fresh database.
 */

const group = 'مجموعة دعم مرضى السكري';
const postTitle = 'أول أسبوع بعد التشخيص';
const postBody = 'أشعر بالخوف من الحقن، وأحتاج إلى من يطمئنني. كيف تعاملتم مع **الأسبوع الأول**؟';
const warning = 'حديث عن الخوف من الإبر';
const reply = 'مررت بالشيء نفسه، والخوف يخفّ مع الوقت. أنتِ لستِ وحدك.';

/** Signs in on the clinic site's demo sign-in page as `name` and comes back to `returnPath`. */
async function signIn(page: Page, stack: DemoStack, name: string, returnPath: string): Promise<void> {
  await page.goto(`${stack.site.url}/ar/sign-in?return=${encodeURIComponent(returnPath)}`);
  await page.getByRole('button', { name }).click();
  await page.waitForURL(`${stack.site.url}${returnPath}`);
}

async function expectText(locator: Locator, text: string): Promise<void> {
  await expect.poll(() => locator.textContent(), { timeout: 15_000 }).toContain(text);
}

for (const [size, viewport] of [
  ['a phone (360×740)', phoneViewport],
  ['a desktop', desktopViewport],
] as const) {
  describe.runIf(chromiumAvailable)(`the embedding flow in Arabic on ${size}`, () => {
    let stack: DemoStack;
    let browser: Browser;
    const contexts: BrowserContext[] = [];
    const person = async () => {
      const context = await browser.newContext({ viewport, locale: 'ar', hasTouch: viewport === phoneViewport });
      contexts.push(context);
      return context.newPage();
    };

    withDemoStackAndBrowser((started) => {
      ({ stack, browser } = started);
    });

    afterAll(async () => {
      for (const context of contexts) await context.close();
    });

    it('takes a guest from an Arabic search to a published anonymous post, a reply, a reaction and a report in the queue', async () => {
      // 1. A guest searches the Arabic site for السكري and opens the group.
      const huda = await person();
      await huda.goto(`${stack.site.url}/ar/`);
      const finder = huda.locator('hearth-group-finder');
      await finder.getByLabel('ابحث في المجموعات').fill('السكري');
      await finder.getByRole('button', { name: 'بحث', exact: true }).click();
      await finder.getByRole('link', { name: group }).click();
      await huda.waitForURL(/\/ar\/groups\/diabetes-support$/);

      // 2. Joining asks a guest to sign in on the host site, which brings her back to the group.
      const groupWidget = huda.locator('hearth-group');
      await groupWidget.getByRole('heading', { level: 2, name: group }).waitFor();
      await groupWidget.getByRole('button', { name: 'تسجيل الدخول' }).click();
      await huda.waitForURL(/\/ar\/sign-in\?return=/);
      await huda.getByRole('button', { name: /هدى الشمري/ }).click();
      await huda.waitForURL(/\/ar\/groups\/diabetes-support$/);

      // 3. She answers the group's two entry questions and sends her request.
      await groupWidget.getByLabel('ما الذي تأمل أن تجده في المجموعة؟').fill('أن أتعلّم من تجارب من سبقوني.');
      await groupWidget.getByLabel('هل تفضّل اللقاءات الحضورية أم النقاش عبر المنتدى؟').fill('المنتدى في البداية.');
      await groupWidget.getByRole('button', { name: 'أرسل الطلب' }).click();
      await expectText(groupWidget.locator('[part~="base"]'), 'أُرسل طلبك، وسيراجعه أحد الميسّرين.');

      // 4. The professional facilitator approves her in the queue.
      const lina = await person();
      await signIn(lina, stack, 'لينا منصور', '/ar/facilitators');
      const queue = lina.locator('hearth-moderation-queue');
      const request = queue.locator('[part~="request"]', { hasText: 'هدى الشمري' });
      await expectText(request, 'أن أتعلّم من تجارب من سبقوني.');
      await request.getByRole('button', { name: 'قبول' }).click();
      await expect.poll(() => request.count()).toBe(0);

      // 5. Back on the group, she is a member and posts anonymously, behind a content warning.
      await huda.reload();
      const composer = groupWidget.locator('hearth-composer');
      await composer.getByLabel('العنوان').fill(postTitle);
      await composer.getByLabel('ما الذي تودّ مشاركته؟').fill(postBody);
      await composer.getByLabel('أضف تنبيهًا بشأن المحتوى').check();
      await composer.getByLabel('تنبيه المحتوى').fill(warning);
      await composer.getByLabel('انشر دون اسم').check();
      await composer.getByRole('button', { name: 'انشر', exact: true }).click();
      await expectText(composer.locator('[part~="base"]'), 'نُشر منشورك في المجموعة.');
      const ownCard = groupWidget.locator('hearth-feed [part~="post"]', { hasText: postTitle });
      await ownCard.waitFor();

      // 6. Another member sees the warning first, opens it and the conversation, replies, reacts and reports.
      const amal = await person();
      await signIn(amal, stack, 'أمل الحربي', '/ar/groups/diabetes-support');
      const card = amal.locator('hearth-feed [part~="post"]', { hasText: postTitle });
      await card.waitFor();
      await expectText(card, warning);
      expect(await card.textContent()).not.toContain('أشعر بالخوف من الحقن');
      expect(await card.textContent()).not.toContain('هدى');
      await card.getByRole('button', { name: 'اعرض المنشور' }).click();
      await expectText(card, 'أشعر بالخوف من الحقن');
      await card.getByRole('button', { name: 'افتح المحادثة' }).click();
      const thread = card.locator('hearth-thread');
      await thread.locator('hearth-composer').getByLabel('ردّك').fill(reply);
      await thread.locator('hearth-composer').getByRole('button', { name: 'أرسل الرد' }).click();
      await expectText(thread.locator('[part~="reply"]').first(), reply);

      // 7. The writer, still anonymous, answers that reply under it.
      const answer = 'شكرًا لكِ، هذا يطمئنني كثيرًا.';
      await huda.reload();
      const hudaCard = huda.locator('hearth-feed [part~="post"]', { hasText: postTitle });
      await hudaCard.getByRole('button', { name: 'اعرض المنشور' }).click();
      await hudaCard.getByRole('button', { name: 'افتح المحادثة' }).click();
      const hudaThread = hudaCard.locator('hearth-thread');
      await hudaThread.locator('[part~="answer-button"]').first().click();
      const answerComposer = hudaThread.locator('.answering hearth-composer');
      await answerComposer.getByLabel('ردّك').fill(answer);
      await answerComposer.getByLabel('ردّ دون اسم').check();
      await answerComposer.getByRole('button', { name: 'أرسل الرد' }).click();
      const answered = hudaThread.locator('.answers [part~="reply"]', { hasText: answer });
      await answered.waitFor();
      // Under the same alias as her post in this thread, never her name.
      expect(await answered.textContent()).toContain('مشارك مجهول 1');
      expect(await answered.textContent()).not.toContain('هدى');

      const support = thread.locator('[part~="post"] [part~="reaction"]').first();
      await support.click();
      await expect.poll(() => support.getAttribute('aria-pressed')).toBe('true');

      await thread.locator('[part~="post"]').getByRole('button', { name: 'إبلاغ' }).first().click();
      const reportForm = thread.locator('[part~="report-form"]');
      await reportForm.getByLabel('ما المشكلة؟').selectOption('MISINFORMATION');
      await reportForm.getByLabel('ما الذي ينبغي أن يعرفه الميسّرون؟ (اختياري)').fill('أرجو التأكد من المعلومة.');
      await reportForm.getByRole('button', { name: 'أرسل البلاغ' }).click();
      await expectText(thread.locator('[part~="report-done"]'), 'شكرًا لك. سيطّلع الميسّرون على هذا.');

      // 8. The report is in the facilitator's queue, with the post and the reporter's note.
      await lina.reload();
      const item = queue.locator('[part~="item"]', { hasText: postTitle });
      await expectText(item, 'أرجو التأكد من المعلومة.');
      await expectText(item, 'معلومات مضلِّلة ضارّة');
    });
  });
}
