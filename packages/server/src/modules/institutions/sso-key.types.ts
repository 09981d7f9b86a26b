import { z } from 'zod';
import type { SsoKeyRow } from '../../db/tables.js';
import { builder } from '../../schema/builder.js';
import { ConflictError, ForbiddenError, standardMutationErrors } from '../../schema/errors.js';
import { retireSsoKeyOf, rotateSsoKey } from './institution-credentials.js';
import { listSsoKeysOfInstitutions } from './institution.queries.js';
import { InstitutionNode } from './institution.types.js';

const SsoKeyAlgorithmEnum = builder.enumType('SsoKeyAlgorithm', {
  description: 'How tokens signed with a stored key are verified. RS256/ES256 keys are not stored: they come from the JWKS URL.',
  values: ['HS256'] as const,
});

/** One of an institution's SSO signing keys, as its admins see it. The secret is never readable after creation. */
const SsoKeyType = builder.objectRef<SsoKeyRow>('SsoKey').implement({
  description: "A shared secret the institution's backend signs members' SSO tokens with, named by the token's `kid` header.",
  fields: (t) => ({
    kid: t.exposeString('kid'),
    algorithm: t.field({ type: SsoKeyAlgorithmEnum, resolve: (key) => key.algorithm }),
    createdAt: t.expose('created_at', { type: 'DateTime' }),
    retiredAt: t.expose('retired_at', { type: 'DateTime', nullable: true }),
    active: t.boolean({ description: 'True until the key is retired: tokens naming it are accepted.', resolve: (key) => key.retired_at === null }),
  }),
});

builder.objectField(InstitutionNode, 'ssoKeys', (t) =>
  t.loadableList({
    type: SsoKeyType,
    nullable: true,
    description: "The institution's SSO keys, newest first, retired ones included. Visible to its managers only (null for others).",
    authScopes: (institution) => ({ manages: institution.id }),
    unauthorizedResolver: () => null,
    load: async (institutionIds: string[], context) => {
      const keys = await listSsoKeysOfInstitutions(context.db, institutionIds);
      return institutionIds.map((id) => keys.filter((key) => key.institution_id === id));
    },
    resolve: (institution) => institution.id,
  }),
);

const RotateSsoKeyPayload = builder.objectRef<{ key: SsoKeyRow; secret: string }>('RotateSsoKeyPayload').implement({
  fields: (t) => ({
    key: t.field({ type: SsoKeyType, resolve: (payload) => payload.key }),
    secret: t.exposeString('secret', {
      description: "The new key's HS256 secret. Shown this once: store it in the backend that signs members' tokens.",
    }),
  }),
});

builder.mutationField('rotateSsoKey', (t) =>
  t.field({
    type: RotateSsoKeyPayload,
    description:
      "Adds a new SSO key to the viewer's institution and returns its secret once. Older keys keep verifying tokens " +
      'until retireSsoKey, so the host site can switch over without downtime. Institution managers only.',
    errors: { types: [ForbiddenError, ConflictError] },
    authScopes: { institutionManager: true },
    resolve: async (_root, _args, context) => rotateSsoKey(context.db, context.viewer.institutionId!),
  }),
);

const RetireSsoKeyInput = builder.inputType('RetireSsoKeyInput', {
  fields: (t) => ({ kid: t.string({ required: true }) }),
});
const retireSsoKeySchema = z.looseObject({ kid: z.string().trim().min(1, 'Must not be empty.').max(100, 'Must be at most 100 characters.') });

builder.mutationField('retireSsoKey', (t) =>
  t.field({
    type: SsoKeyType,
    description:
      "Retires one of the viewer's institution's SSO keys: tokens naming its kid are refused from now on. The last " +
      'active key cannot be retired unless the institution publishes keys at a JWKS URL. Institution managers only.',
    errors: { types: standardMutationErrors },
    authScopes: { institutionManager: true },
    args: { input: t.arg({ type: RetireSsoKeyInput, required: true, validate: retireSsoKeySchema }) },
    resolve: async (_root, { input }, context) => retireSsoKeyOf(context.db, context.viewer.institutionId!, input.kid),
  }),
);
