import { z } from 'zod';
import { builder } from '../../schema/builder.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../schema/errors.js';
import { languageTag, plainText } from '../../schema/text-input.js';
import type { InstitutionRow } from '../../db/tables.js';
import { crisisClassifierUrl } from '../content-pipeline/crisis-classifier.js';
import { findInstitutionBySlug, findInstitutionsByIds, updateInstitution, type InstitutionChanges } from './institution.queries.js';

/** A tenant: a hospital, clinic, charity or community. Its SSO secrets never appear in the API. */
export const InstitutionNode = builder.loadableNodeRef<InstitutionRow>('Institution', {
  id: { resolve: (institution) => institution.id },
  load: (ids: string[], context) => findInstitutionsByIds(context.db, ids),
  sort: (institution) => institution.id,
});

InstitutionNode.implement({
  fields: (t) => ({
    slug: t.exposeString('slug'),
    name: t.exposeString('name'),
    defaultLocale: t.exposeString('default_locale'),
    allowedOrigins: t.stringList({
      description: 'Origins allowed to embed Hearth (CORS). Visible to the institution\'s admins only.',
      nullable: true,
      authScopes: (institution) => ({ manages: institution.id }),
      unauthorizedResolver: () => null,
      resolve: (institution) => institution.allowed_origins,
    }),
    crisisClassifierUrl: t.string({
      description:
        "The institution's own crisis classifier, which Hearth asks about every post and reply after its built-in " +
        'detector (see the institution settings guide). Null when there is none. Visible to the institution\'s admins only.',
      nullable: true,
      authScopes: (institution) => ({ manages: institution.id }),
      unauthorizedResolver: () => null,
      resolve: (institution) => institution.crisis_classifier_url,
    }),
    crisisPostHandling: t.field({
      type: CrisisPostHandlingEnum,
      description: 'What happens to a post or reply in crisis. Visible to the institution\'s admins only (null to others).',
      nullable: true,
      authScopes: (institution) => ({ manages: institution.id }),
      unauthorizedResolver: () => null,
      resolve: (institution) => institution.crisis_post_handling,
    }),
  }),
});

builder.queryField('institution', (t) =>
  t.field({
    type: InstitutionNode,
    nullable: true,
    description: 'An institution by its slug (public: name, slug and default locale).',
    args: { slug: t.arg.string({ required: true }) },
    resolve: async (_root, { slug }, context) => (await findInstitutionBySlug(context.db, slug.trim().toLowerCase())) ?? null,
  }),
);

export const CrisisPostHandlingEnum = builder.enumType('CrisisPostHandling', {
  description:
    'PUBLISH_WITH_WARNING (the default): a post or reply in crisis is published behind an automatic content warning, so peers ' +
    'choose to open it, and its writer may change that (setCrisisItemVisibility). HOLD_FOR_FACILITATOR: it is held for a ' +
    "facilitator (only the writer and the group's facilitators see it until one approves it). Either way the writer gets the " +
    "crisis resources at once and the item is first in the facilitators' queue.",
  values: ['PUBLISH_WITH_WARNING', 'HOLD_FOR_FACILITATOR'] as const,
});

const UpdateInstitutionInput = builder.inputType('UpdateInstitutionInput', {
  fields: (t) => ({
    name: t.string(),
    defaultLocale: t.string(),
    allowedOrigins: t.stringList({ description: 'Origins allowed to embed Hearth, such as https://clinic.example (no path).' }),
    jwksUrl: t.string({ description: 'Where the host publishes its RS256/ES256 public keys; null removes it.' }),
    crisisClassifierUrl: t.string({
      description:
        'Where Hearth POSTs each post and reply for a second crisis opinion: an https URL (http only for localhost, ' +
        '127.0.0.1 or [::1]); null removes it.',
    }),
    crisisPostHandling: t.field({ type: CrisisPostHandlingEnum }),
  }),
});

const isBareOrigin = (url: URL) => url.pathname === '/' && url.search === '' && url.hash === '' && url.username === '' && url.password === '';

/** An origin as browsers send it: scheme, host and port. A path would never match an Origin header. */
const embeddingOrigin = z
  .string()
  // zod runs refinements even after an earlier check failed, so each must cope with text that is not a URL.
  .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), 'Use an origin such as https://clinic.example.')
  .refine((value) => !URL.canParse(value) || isBareOrigin(new URL(value)), 'Use an origin only (scheme, host and port), without a path.')
  .transform((value) => (URL.canParse(value) ? new URL(value).origin : value));

/** One schema over the whole input, so every mistake comes back at once. */
const updateInstitutionSchema = z.looseObject({
  name: plainText({ min: 2, max: 120 }).nullish(),
  defaultLocale: languageTag.nullish(),
  allowedOrigins: z.array(embeddingOrigin).max(50, 'Give at most 50 origins.').nullish(),
  jwksUrl: z.url({ protocol: /^https?$/, message: 'Use an http(s) URL.' }).max(500, 'Must be at most 500 characters.').nullish(),
  crisisClassifierUrl: crisisClassifierUrl.nullish(),
});

builder.mutationField('updateInstitution', (t) =>
  t.field({
    type: InstitutionNode,
    description: "Changes the viewer's own institution. Admins and service tokens only.",
    errors: { types: [ValidationError, ForbiddenError, NotFoundError] },
    authScopes: { institutionManager: true },
    args: { input: t.arg({ type: UpdateInstitutionInput, required: true, validate: updateInstitutionSchema }) },
    resolve: async (_root, { input }, context) => {
      const institutionId = context.viewer.institutionId;
      if (!institutionId) throw new ForbiddenError();
      const changes: InstitutionChanges = {};
      if (input.name != null) changes.name = input.name;
      if (input.defaultLocale != null) changes.default_locale = input.defaultLocale;
      if (input.allowedOrigins != null) changes.allowed_origins = [...new Set(input.allowedOrigins)];
      if (input.jwksUrl !== undefined) changes.jwks_url = input.jwksUrl;
      if (input.crisisClassifierUrl !== undefined) changes.crisis_classifier_url = input.crisisClassifierUrl;
      if (input.crisisPostHandling != null) changes.crisis_post_handling = input.crisisPostHandling;
      return updateInstitution(context.db, institutionId, changes);
    },
  }),
);
