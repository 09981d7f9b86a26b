import { describe, expect, it } from 'vitest';
import { crisisContacts, dialableNumber, inReaderLanguageFirst, secureAddress } from './crisis-contacts.js';

describe('crisis contacts', () => {
  it('turns numbers as written for people into digits to dial, and refuses what is not one number', () => {
    expect(dialableNumber('116 123')).toBe('116123');
    expect(dialableNumber('+966 920033360')).toBe('+966920033360');
    expect(dialableNumber('(0800) 58-58-58')).toBe('0800585858');
    expect(dialableNumber('999')).toBe('999');
    for (const bad of ['', '1', 'call 999', '999 or 112', '+44 20 7946 0958 ext 2', '12345678901234567', 'javascript:alert(1)']) expect(dialableNumber(bad), bad).toBeNull();
  });

  it('links https addresses only', () => {
    expect(secureAddress('https://www.samaritans.org/')?.host).toBe('www.samaritans.org');
    for (const bad of ['http://example.org', 'javascript:alert(1)', 'data:text/html,hi', 'https://user:pw@example.org', 'example.org', 'ftp://x.org']) expect(secureAddress(bad), bad).toBeNull();
  });

  it('offers call, text and online links that work on a phone', () => {
    expect(crisisContacts({ name: 'Lifeline', description: 'Call or text any time.', phone: '988', url: 'https://988lifeline.org' })).toEqual({
      call: { href: 'tel:988', number: '988' },
      text: { href: 'sms:988', number: '988' },
      online: { href: 'https://988lifeline.org/', host: '988lifeline.org' },
    });
    const samaritans = crisisContacts({ name: 'Samaritans', description: 'Call free, day or night.', phone: '116 123', url: 'http://samaritans.org' });
    expect(samaritans.call?.href).toBe('tel:116123');
    expect(samaritans.text).toBeNull();
    expect(samaritans.online).toBeNull();
    expect(crisisContacts({ name: 'الخط', description: 'أرسل رسالة نصية إلى 937', phone: '937' }).text?.href).toBe('sms:937');
  });

  it('gives a text-only line no call link, and prefills the word it asks to be texted', () => {
    expect(crisisContacts({ name: 'Shout', description: 'Text SHOUT to 85258, any time.', phone: '85258', url: 'https://giveusashout.org' })).toEqual({
      call: null,
      text: { href: 'sms:85258?body=SHOUT', number: '85258' },
      online: { href: 'https://giveusashout.org/', host: 'giveusashout.org' },
    });
    const arabic = crisisContacts({ name: 'Shout', description: 'أرسل رسالة نصية بكلمة SHOUT إلى الرقم 85258 مجانًا.', phone: '85258' });
    expect(arabic.call).toBeNull();
    expect(arabic.text?.href).toBe('sms:85258?body=SHOUT');
    const both = crisisContacts({ name: 'الخط', description: 'اتصل أو أرسل رسالة نصية إلى 937', phone: '937' });
    expect(both.call?.href).toBe('tel:937');
    expect(both.text?.href).toBe('sms:937');
  });

  it("puts the reader's language first and keeps the institution's order otherwise", () => {
    const list = [
      { name: 'A', locale: 'en' },
      { name: 'B', locale: 'ar' },
      { name: 'C', locale: 'en' },
      { name: 'D', locale: 'ar' },
    ];
    expect(inReaderLanguageFirst(list, 'ar-SA').map((each) => each.name)).toEqual(['B', 'D', 'A', 'C']);
    expect(inReaderLanguageFirst(list, 'en').map((each) => each.name)).toEqual(['A', 'C', 'B', 'D']);
  });
});
