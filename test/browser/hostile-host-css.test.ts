import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from '../support/chromium.js';
import { withDemoStackAndBrowser, type DemoStack } from '../support/demo-stack.js';

/** What careless or hostile host pages ship: global resets, `!important` everywhere, odd root sizes. */
const hostileCss = `
  * { all: unset !important; }
  *, *::before, *::after { font: italic 700 31px/3 "Comic Sans MS", cursive !important; color: #f0f !important;
    letter-spacing: 4px !important; text-transform: uppercase !important; box-sizing: content-box !important; }
  html { font-size: 7px !important; direction: rtl !important; }
  body { text-align: right !important; white-space: pre !important; line-height: 9 !important; visibility: visible; }
  div, p, h2, h3, button, input, a, ul, li, article, section, form, label, span {
    display: inline !important; margin: 40px !important; padding: 40px !important; border: 6px dashed red !important;
    background: yellow !important; float: right !important;
  }
  hearth-group-finder, hearth-group, hearth-feed { font-size: 5px !important; color: red !important; text-align: center !important; }
`;

/** The box and the computed look of every element in a widget's shadow trees (nested widgets too), in order. */
function renderedStyles(page: Page, tag: string) {
  return page.evaluate((tag) => {
    const properties = ['display', 'position', 'font-family', 'font-size', 'font-weight', 'font-style', 'line-height', 'letter-spacing', 'text-transform', 'text-align', 'direction', 'color', 'background-color', 'border-top-width', 'border-top-style', 'border-top-color', 'margin-top', 'margin-inline-start', 'padding-top', 'padding-inline-start', 'visibility', 'white-space'];
    const host = document.querySelector(tag)!;
    const hostBox = host.getBoundingClientRect();
    const inside = (root: ShadowRoot): Element[] =>
      [...root.querySelectorAll('*:not(option)')].flatMap((element) => [element, ...(element.shadowRoot ? inside(element.shadowRoot) : [])]);
    // (Options of a closed select have no box of their own to compare.)
    // The host element itself inherits the page's direction (the widget sets its own inside), so only its box counts.
    const boxOnly = { element: tag, box: [0, 0, hostBox.width, hostBox.height], style: '' };
    return [boxOnly, ...inside(host.shadowRoot!).map((element) => {
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      return {
        element: element.tagName.toLowerCase() + (element.className ? `.${String(element.className).replace(/\s+/g, '.')}` : ''),
        box: [box.x - hostBox.x, box.y - hostBox.y, box.width, box.height].map((value) => Math.round(value * 100) / 100),
        style: properties.map((property) => style.getPropertyValue(property)).join('; '),
      };
    })];
  }, tag);
}

/** How many pixels differ between two PNG screenshots of the same size, counted in the browser's own canvas. */
function differingPixels(page: Page, first: Buffer, second: Buffer): Promise<number> {
  return page.evaluate(
    async ([a, b]) => {
      const pixels = async (base64: string) => {
        const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext('2d')!;
        context.drawImage(bitmap, 0, 0);
        return context.getImageData(0, 0, bitmap.width, bitmap.height);
      };
      const [x, y] = await Promise.all([pixels(a!), pixels(b!)]);
      if (x.width !== y.width || x.height !== y.height) return Number.POSITIVE_INFINITY;
      let count = 0;
      for (let index = 0; index < x.data.length; index += 4) {
        if (x.data[index] !== y.data[index] || x.data[index + 1] !== y.data[index + 1] || x.data[index + 2] !== y.data[index + 2]) count += 1;
      }
      return count;
    },
    [first.toString('base64'), second.toString('base64')],
  );
}

describe.runIf(chromiumAvailable)('a widget on a host page with hostile CSS', () => {
  let stack: DemoStack;
  let browser: Browser;

  withDemoStackAndBrowser((started) => {
    ({ stack, browser } = started);
  });

  const widgets = [
    { tag: 'hearth-group-finder', markup: '<hearth-group-finder query="grief"></hearth-group-finder>', ready: '[part~="card"]' },
    // A guest on a group open to reading: the header, guidelines, join panel and the feed inside it.
    { tag: 'hearth-group', markup: '<hearth-group group="type-2-diabetes-circle"></hearth-group>', ready: 'hearth-feed [part~="post"]' },
  ];

  it.each(widgets)('$tag looks the same, element by element and pixel by pixel, with and without the host rules', async ({ tag, markup, ready }) => {
    const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
    await stack.hostPages.open(page, { head: '<style>body { margin: 0 }</style>', body: markup });
    const widget = page.locator(tag);
    await widget.locator(ready).first().waitFor();
    const before = { styles: await renderedStyles(page, tag), picture: await widget.screenshot({ animations: 'disabled' }) };

    await page.addStyleTag({ content: hostileCss });
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const after = { styles: await renderedStyles(page, tag), picture: await widget.screenshot({ animations: 'disabled' }) };

    // Every element inside the widget sits in the same box with the same computed look…
    expect(after.styles).toEqual(before.styles);
    // …and the pictures match, but for antialiasing where Chromium's raster tiles meet (a few pixels at most).
    expect(await differingPixels(page, before.picture, after.picture)).toBeLessThan(60);
    // And the widget's own styles did not leak out into the page.
    const leaked = await page.evaluate(() => {
      const probe = document.createElement('button');
      probe.className = 'primary';
      document.body.append(probe);
      return getComputedStyle(probe).backgroundColor;
    });
    expect(leaked).not.toBe('rgb(15, 107, 102)');
    await page.close();
  });
});
