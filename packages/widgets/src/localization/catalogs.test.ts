import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalogLanguage, directionOf, plural, type Catalog } from './catalog.js';
import arabicMembers from './packs/ar.js';
import englishMembers from './packs/en.js';
import arabicFacilitators from './packs/facilitators.ar.js';
import englishFacilitators from './packs/facilitators.en.js';
import arabicFinder from './packs/finder.ar.js';
import englishFinder from './packs/finder.en.js';
import arabicJoining from './packs/joining.ar.js';
import englishJoining from './packs/joining.en.js';
import arabicWriters from './packs/writers.ar.js';
import englishWriters from './packs/writers.en.js';

const englishPack = { ...englishMembers, ...englishFinder, ...englishFacilitators, ...englishWriters, ...englishJoining };
const arabicPack = { ...arabicMembers, ...arabicFinder, ...arabicFacilitators, ...arabicWriters, ...arabicJoining };
const packsByName = {
  members: [englishMembers, arabicMembers],
  finder: [englishFinder, arabicFinder],
  facilitators: [englishFacilitators, arabicFacilitators],
  writers: [englishWriters, arabicWriters],
  joining: [englishJoining, arabicJoining],
} as const;

const sourceFolder = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Every catalog a `*.messages.ts` in the package declares. */
async function declaredCatalogs(): Promise<Array<{ file: string; catalog: Catalog<object> }>> {
  const files = readdirSync(sourceFolder, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.messages.ts'));
  const found = [];
  for (const file of files) {
    const module = (await import(pathToFileURL(join(sourceFolder, file)).href)) as Record<string, unknown>;
    for (const value of Object.values(module)) {
      if (value && typeof value === 'object' && 'id' in value) found.push({ file, catalog: value as Catalog<object> });
    }
  }
  return found;
}

/** Calls every message (functions with sample arguments) and returns path → text. */
function rendered(messages: unknown, path = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof messages === 'string') out.set(path, messages);
  else if (typeof messages === 'function') {
    const samples: unknown[] = Array.from({ length: messages.length }, (_, index) => (index === 0 ? 3 : 'x'));
    const text = (messages as (...values: unknown[]) => unknown)(...samples);
    out.set(path, typeof text === 'string' ? text : String(text));
  } else if (messages && typeof messages === 'object') {
    for (const [key, value] of Object.entries(messages)) for (const [inner, text] of rendered(value, `${path}.${key}`)) out.set(inner, text);
  }
  return out;
}

describe('localization', () => {
  it('has a pack entry in each language for every catalog a component declares, and nothing else', async () => {
    const ids = (await declaredCatalogs()).map((entry) => entry.catalog.id).sort();
    expect(ids).toEqual(
      expect.arrayContaining(['commonMessages', 'composerMessages', 'domainMessages', 'feedMessages', 'groupFinderMessages', 'groupMessages', 'moderationQueueMessages', 'threadMessages']),
    );
    expect(Object.keys(englishPack).sort()).toEqual(ids);
    expect(Object.keys(arabicPack).sort()).toEqual(ids);
    // Each catalog is in the pack it names, in both languages.
    for (const { catalog } of await declaredCatalogs()) {
      const [english, arabic] = packsByName[catalog.pack];
      expect(Object.keys(english), catalog.id).toContain(catalog.id);
      expect(Object.keys(arabic), catalog.id).toContain(catalog.id);
    }
  });

  it('has every English message in Arabic too, none of them empty, untranslated or left with a placeholder', () => {
    for (const id of Object.keys(englishPack) as Array<keyof typeof englishPack>) {
      const english = rendered(englishPack[id]);
      const arabic = rendered(arabicPack[id]);
      expect([...arabic.keys()].sort(), id).toEqual([...english.keys()].sort());
      for (const [key, text] of arabic) {
        expect(text.trim(), `${id} ${key}`).not.toBe('');
        expect(text, `${id} ${key}`).not.toMatch(/\{n\}/);
        // Arabic text has Arabic letters (a message that is only a number or a name is allowed to have none).
        if (/[A-Za-z]{4,}/.test(english.get(key) ?? '') && !/^[\s\d\p{P}x]*$/u.test(text)) expect(text, `${id} ${key}`).toMatch(/[\u0600-\u06FF]/);
      }
    }
  });

  it('picks Arabic plural forms by CLDR category and formats the number in the locale', () => {
    const forms = { zero: 'لا أعضاء', one: 'عضو واحد', two: 'عضوان', few: '{n} أعضاء', many: '{n} عضوًا', other: '{n} عضو' };
    expect(plural('ar', 0, forms)).toBe('لا أعضاء');
    expect(plural('ar', 1, forms)).toBe('عضو واحد');
    expect(plural('ar', 2, forms)).toBe('عضوان');
    expect(plural('ar', 3, forms)).toBe(`${new Intl.NumberFormat('ar').format(3)} أعضاء`);
    expect(plural('ar', 11, forms)).toBe(`${new Intl.NumberFormat('ar').format(11)} عضوًا`);
    expect(plural('ar', 100, forms)).toBe(`${new Intl.NumberFormat('ar').format(100)} عضو`);
    expect(plural('en', 1, { one: '{n} member', other: '{n} members' })).toBe('1 member');
    expect(plural('en', 1200, { one: '{n} member', other: '{n} members' })).toBe('1,200 members');
  });

  it('maps locales to a catalog and a direction', () => {
    expect(catalogLanguage('ar-EG')).toBe('ar');
    expect(catalogLanguage('AR')).toBe('ar');
    expect(catalogLanguage('en-GB')).toBe('en');
    expect(catalogLanguage('fr')).toBe('en');
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('fa-IR')).toBe('rtl');
    expect(directionOf('he')).toBe('rtl');
    expect(directionOf('en')).toBe('ltr');
    expect(directionOf('fr-CA')).toBe('ltr');
  });
});
