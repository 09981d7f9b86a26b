import { describe, expect, it } from 'vitest';
import { renderSafeMarkdown, safeLinkTarget } from './safe-markdown.js';

describe('safe Markdown', () => {
  it('renders the subset: paragraphs, line breaks, emphasis, lists and links', () => {
    expect(renderSafeMarkdown('Hello **dear** friends,\nI _really_ needed *this*.\n\n1. breathe\n2. walk\n\n- one\n* two')).toBe(
      '<p dir="auto">Hello <strong>dear</strong> friends,<br>I <em>really</em> needed <em>this</em>.</p>\n' +
        '<ol dir="auto"><li>breathe</li><li>walk</li></ol>\n<ul dir="auto"><li>one</li><li>two</li></ul>',
    );
    expect(renderSafeMarkdown('3. third\n4. fourth')).toBe('<ol dir="auto" start="3"><li>third</li><li>fourth</li></ol>');
    expect(renderSafeMarkdown('See [the guide](https://example.org/guide) or https://example.org/faq.')).toBe(
      '<p dir="auto">See <a href="https://example.org/guide" rel="nofollow ugc noopener">the guide</a> or ' +
        '<a href="https://example.org/faq" rel="nofollow ugc noopener">https://example.org/faq</a>.</p>',
    );
    expect(renderSafeMarkdown('[write to us](mailto:help@example.org)')).toContain('href="mailto:help@example.org"');
  });

  it('escapes raw HTML and keeps scripts, event handlers and dangerous links as inert text', () => {
    const html = renderSafeMarkdown(
      '<script>alert(1)</script>\n<img src=x onerror="alert(1)">\n[x](javascript:alert(1))\n[y](JaVaScRiPt:alert`1`)\n[z](data:text/html,<b>)\n"quoted" & \'single\'',
    );
    expect(html).not.toMatch(/<(script|img|b)\b/i);
    expect(html).not.toContain('href="javascript');
    expect(html).not.toContain('href="data');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot;quoted&quot; &amp; &#39;single&#39;');
    // Only the tags the renderer writes itself.
    for (const tag of html.match(/<\/?([a-z]+)/g) ?? []) expect(['<p', '</p', '<br'].includes(tag)).toBe(true);
  });

  it('does not render images, and escapes quotes inside link targets', () => {
    expect(renderSafeMarkdown('![me](https://example.org/me.png)')).toBe('<p dir="auto">![me](https://example.org/me.png)</p>');
    const html = renderSafeMarkdown('[a](https://example.org/?q="><script>)');
    expect(html).not.toContain('<script>');
    expect(html).not.toMatch(/href="[^"]*"[^ >]/);
  });

  it('keeps elements well nested whatever the asterisks', () => {
    for (const text of ['*a **b* c**', '**a *b** c*', '__a *b__ c*', '*a __b* c__', '***x***', '** not bold **', 'snake_case_name and 2*3*4']) {
      const html = renderSafeMarkdown(text);
      const stack: string[] = [];
      for (const [, closing, tag] of html.matchAll(/<(\/?)(em|strong|p)\b[^>]*>/g)) {
        if (closing) expect(stack.pop(), `${text} → ${html}`).toBe(tag);
        else stack.push(tag!);
      }
      expect(stack).toEqual([]);
    }
    expect(renderSafeMarkdown('snake_case_name')).toBe('<p dir="auto">snake_case_name</p>');
  });

  it('renders Arabic paragraphs with automatic direction', () => {
    expect(renderSafeMarkdown('أنا **هنا** معكم\n\n- الصبر')).toBe('<p dir="auto">أنا <strong>هنا</strong> معكم</p>\n<ul dir="auto"><li>الصبر</li></ul>');
  });

  // Every pattern is bounded: catastrophic backtracking would hold this test past its timeout.
  it('renders hostile 20,000-character bodies as text', () => {
    for (const text of ['*'.repeat(20_000), '['.repeat(10_000) + ']('.repeat(5_000), '_a'.repeat(10_000), '<'.repeat(20_000)]) {
      expect(renderSafeMarkdown(text)).not.toMatch(/<(?!\/?p\b)/);
    }
    expect(renderSafeMarkdown('**a'.repeat(6_666))).toContain('<strong>a</strong>');
  });

  it('accepts only http, https and mailto link targets', () => {
    expect(safeLinkTarget('javascript:alert(1)')).toBeNull();
    expect(safeLinkTarget('vbscript:msgbox')).toBeNull();
    expect(safeLinkTarget('//evil.example')).toBeNull();
    expect(safeLinkTarget('HTTPS://Example.org')).toBe('https://example.org/');
  });
});
