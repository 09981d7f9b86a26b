import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze, referencePath } from './custom-elements.js';
import { renderReference, type Manifest } from './widget-reference.js';

const packageFolder = join(dirname(fileURLToPath(import.meta.url)), '..');
const registeredTags = ['hearth-composer', 'hearth-crisis-help', 'hearth-feed', 'hearth-group', 'hearth-group-appearance', 'hearth-group-finder', 'hearth-join-requests', 'hearth-moderation-item', 'hearth-moderation-queue', 'hearth-outreach-inbox', 'hearth-outreach-thread', 'hearth-provider', 'hearth-report-form', 'hearth-thread'];

describe('the custom-elements manifest and the reference docs', () => {
  let outdir: string;
  let manifest: Manifest;

  beforeAll(() => {
    outdir = mkdtempSync(join(tmpdir(), 'hearth-cem-'));
    manifest = analyze(packageFolder, relative(packageFolder, outdir));
  });
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  const elements = () => manifest.modules.flatMap((module) => module.declarations ?? []).filter((declaration) => declaration.customElement && declaration.tagName);

  it('documents every element the bundle registers', async () => {
    const { hearthElements } = await import('../src/register.js');
    expect(Object.keys(hearthElements).sort()).toEqual(registeredTags);
    expect(elements().map((element) => element.tagName).sort()).toEqual(registeredTags);
  });

  it('gives each widget a summary, its base part, its events and the theme properties', () => {
    for (const element of elements()) {
      expect(element.summary, element.tagName).toBeTruthy();
      if (element.tagName === 'hearth-provider') continue;
      expect(element.cssParts?.map((part) => part.name), element.tagName).toContain('base');
      expect(element.cssProperties?.map((property) => property.name), element.tagName).toContain('--hearth-color-accent');
      const attributes = element.attributes?.map((attribute) => attribute.name) ?? [];
      expect(attributes, element.tagName).toEqual(expect.arrayContaining(['api', 'institution', 'token', 'locale']));
    }
    const events = elements().flatMap((element) => element.events?.map((event) => event.name) ?? []);
    expect(events).toEqual(expect.arrayContaining(['hearth-sign-in-request', 'hearth-group-select', 'hearth-post-created', 'hearth-reply-created', 'hearth-membership-change']));
  });

  it('is what docs/widgets-reference.md says (rebuild the widgets after changing a component)', () => {
    expect(readFileSync(referencePath(packageFolder), 'utf8')).toBe(renderReference(manifest));
  });
});
