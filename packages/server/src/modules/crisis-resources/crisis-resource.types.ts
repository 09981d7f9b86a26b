import { z } from 'zod';
import type { InstitutionRow } from '../../db/tables.js';
import { builder } from '../../schema/builder.js';
import { ForbiddenError, ValidationError } from '../../schema/errors.js';
import { distinctList, languageTag, plainText } from '../../schema/text-input.js';
import { InstitutionNode } from '../institutions/institution.types.js';
import { findCrisisResourcesOfInstitutions } from './crisis-resource.queries.js';
import { chooseCrisisResources, setInstitutionCrisisResources, type CrisisResource } from './crisis-resources.js';

/** A hotline, service or website for someone in crisis; CreatePostPayload and CreateReplyPayload carry them too. */
export const CrisisResourceType = builder.objectRef<CrisisResource>('CrisisResource').implement({
  description: 'Where to find help now: a crisis line, service or website, in the language of `locale`.',
  fields: (t) => ({
    name: t.exposeString('name'),
    phone: t.exposeString('phone', { nullable: true, description: 'A number to call or text, as written for people (e.g. "116 123").' }),
    url: t.exposeString('url', { nullable: true }),
    description: t.exposeString('description', { nullable: true }),
    locale: t.exposeString('locale', { description: 'The language the resource is written in, e.g. "ar" or "en".' }),
  }),
});

/**
 * Members of the institution (and its service tokens) and guests read its crisis resources: a person in trouble
 * must reach them without signing in. Members of other institutions get null, as for any tenant's settings.
 */
function mayReadCrisisResources(viewer: { kind: string; institutionId: string | null }, institution: InstitutionRow): boolean {
  return viewer.kind === 'guest' || viewer.institutionId === institution.id;
}

builder.objectField(InstitutionNode, 'crisisResources', (t) =>
  t.loadableList({
    type: CrisisResourceType,
    nullable: true,
    description:
      "The institution's crisis resources for a locale: its own list for that locale (or its language), else its list " +
      "for its default locale, else Hearth's built-in list. `locale` defaults to the signed-in member's locale, then " +
      "the institution's default. Readable by the institution's members and guests (null for others).",
    args: { locale: t.arg.string({ required: false }) },
    authScopes: (institution, _args, context) => mayReadCrisisResources(context.viewer, institution),
    unauthorizedResolver: () => null,
    load: async (keys: string[], context) => {
      const requests = keys.map((key) => JSON.parse(key) as [institutionId: string, locale: string | null, defaultLocale: string]);
      const rows = await findCrisisResourcesOfInstitutions(context.db, [...new Set(requests.map(([id]) => id))]);
      return requests.map(([id, locale, defaultLocale]) => chooseCrisisResources(rows.filter((row) => row.institution_id === id), locale, defaultLocale));
    },
    resolve: (institution, args, context) => {
      const locale = args.locale?.trim() || (context.viewer.kind === 'member' ? context.viewer.member.locale : null);
      return JSON.stringify([institution.id, locale, institution.default_locale]);
    },
  }),
);

const CrisisResourceInput = builder.inputType('CrisisResourceInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    phone: t.string({ description: 'A number to call or text, e.g. "988" or "+44 116 123".' }),
    url: t.string({ description: 'An http(s) address.' }),
    description: t.string(),
  }),
});

const SetCrisisResourcesInput = builder.inputType('SetCrisisResourcesInput', {
  fields: (t) => ({
    locale: t.string({ required: true, description: 'The language the resources are written in, e.g. "ar" or "en-GB".' }),
    resources: t.field({ type: [CrisisResourceInput], required: true, description: 'The whole list for the locale, in order; empty removes it.' }),
  }),
});

const phoneNumber = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ()-]{0,29}$/, 'Use digits, spaces, brackets, hyphens and an optional leading +, e.g. "116 123".');

const crisisResourceSchema = z
  .looseObject({
    name: plainText({ min: 1, max: 120 }),
    phone: phoneNumber.nullish(),
    url: z.url({ protocol: /^https?$/, message: 'Use an http(s) address.' }).max(500, 'Must be at most 500 characters.').nullish(),
    description: plainText({ min: 1, max: 500 }).nullish(),
  })
  .refine((resource) => Boolean(resource.phone || resource.url || resource.description), {
    message: 'Give a phone number, an address or a description: a name alone helps nobody.',
    path: ['name'],
  });

/** One schema over the whole input, so every mistake comes back at once. */
const setCrisisResourcesSchema = z.looseObject({
  locale: languageTag,
  resources: distinctList(crisisResourceSchema, { max: 20 }),
});

const SetCrisisResourcesPayload = builder.objectRef<{ institution: InstitutionRow; locale: string; resources: CrisisResource[] }>('SetCrisisResourcesPayload').implement({
  fields: (t) => ({
    institution: t.field({ type: InstitutionNode, resolve: (payload) => payload.institution }),
    locale: t.exposeString('locale'),
    resources: t.field({ type: [CrisisResourceType], description: 'The list now stored for the locale.', resolve: (payload) => payload.resources }),
  }),
});

builder.mutationField('setCrisisResources', (t) =>
  t.field({
    type: SetCrisisResourcesPayload,
    description:
      "Replaces the viewer's institution's crisis resources for one locale (an empty list removes them, so readers " +
      "fall back to the default locale's or Hearth's built-in list). Institution managers only.",
    errors: { types: [ValidationError, ForbiddenError] },
    authScopes: { institutionManager: true },
    args: { input: t.arg({ type: SetCrisisResourcesInput, required: true, validate: setCrisisResourcesSchema }) },
    resolve: async (_root, { input }, context) => {
      const institutionId = context.viewer.institutionId;
      if (!institutionId) throw new ForbiddenError();
      const resources = input.resources.map((resource) => ({
        name: resource.name,
        phone: resource.phone ?? null,
        url: resource.url ?? null,
        description: resource.description ?? null,
      }));
      return setInstitutionCrisisResources(context.db, institutionId, input.locale, resources);
    },
  }),
);
