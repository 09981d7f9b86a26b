import { z } from 'zod';
import type { ServiceTokenRow } from '../../db/tables.js';
import { builder } from '../../schema/builder.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../schema/errors.js';
import { globalIdOf } from '../../schema/global-ids.js';
import { plainText } from '../../schema/text-input.js';
import { createServiceToken, revokeServiceTokenFor } from './institution-credentials.js';
import { findServiceTokensByIds, listServiceTokensOfInstitutions } from './institution.queries.js';
import { InstitutionNode } from './institution.types.js';

/**
 * A credential of the institution's own backend for the admin API. Only managers of its institution can load
 * one (node(id:) answers null to anyone else); the token itself is never readable after creation.
 */
export const ServiceTokenNode = builder.loadableNodeRef<ServiceTokenRow>('ServiceToken', {
  id: { resolve: (token) => token.id },
  load: async (ids: string[], context) => {
    const rows = await findServiceTokensByIds(context.db, ids);
    return rows.filter((row) => context.access.managesInstitution(row.institution_id));
  },
  sort: (token) => token.id,
});

ServiceTokenNode.implement({
  fields: (t) => ({
    name: t.exposeString('name'),
    createdAt: t.expose('created_at', { type: 'DateTime' }),
    lastUsedAt: t.expose('last_used_at', {
      type: 'DateTime',
      nullable: true,
      description: 'When the token last authenticated a request (to the minute), or null if never.',
    }),
    revokedAt: t.expose('revoked_at', { type: 'DateTime', nullable: true }),
  }),
});

builder.objectField(InstitutionNode, 'serviceTokens', (t) =>
  t.loadableList({
    type: ServiceTokenNode,
    nullable: true,
    description: "The institution's service tokens, newest first, revoked ones included. Visible to its managers only (null for others).",
    authScopes: (institution) => ({ manages: institution.id }),
    unauthorizedResolver: () => null,
    load: async (institutionIds: string[], context) => {
      const tokens = await listServiceTokensOfInstitutions(context.db, institutionIds);
      return institutionIds.map((id) => tokens.filter((token) => token.institution_id === id));
    },
    resolve: (institution) => institution.id,
  }),
);

const CreateServiceTokenInput = builder.inputType('CreateServiceTokenInput', {
  fields: (t) => ({ name: t.string({ required: true, description: 'What the token is for, e.g. "patient portal backend".' }) }),
});
const createServiceTokenSchema = z.looseObject({ name: plainText({ min: 1, max: 80 }) });

const CreateServiceTokenPayload = builder.objectRef<{ serviceToken: ServiceTokenRow; token: string }>('CreateServiceTokenPayload').implement({
  fields: (t) => ({
    serviceToken: t.field({ type: ServiceTokenNode, resolve: (payload) => payload.serviceToken }),
    token: t.exposeString('token', {
      description: 'The bearer token itself. Shown this once: Hearth stores only its SHA-256 digest.',
    }),
  }),
});

builder.mutationField('createServiceToken', (t) =>
  t.field({
    type: CreateServiceTokenPayload,
    description: "Creates a service token for the viewer's institution's backend. Institution managers only.",
    errors: { types: [ValidationError, ForbiddenError, ConflictError] },
    authScopes: { institutionManager: true },
    args: { input: t.arg({ type: CreateServiceTokenInput, required: true, validate: createServiceTokenSchema }) },
    resolve: async (_root, { input }, context) => createServiceToken(context.db, context.viewer.institutionId!, input.name),
  }),
);

const RevokeServiceTokenInput = builder.inputType('RevokeServiceTokenInput', {
  fields: (t) => ({ serviceTokenId: t.id({ required: true }) }),
});
const revokeServiceTokenSchema = z.looseObject({ serviceTokenId: globalIdOf('ServiceToken') });

builder.mutationField('revokeServiceToken', (t) =>
  t.field({
    type: ServiceTokenNode,
    description:
      "Revokes one of the viewer's institution's service tokens: requests bearing it are refused from now on. " +
      'Revoking a revoked token again returns it unchanged. Institution managers only.',
    errors: { types: [ValidationError, ForbiddenError, NotFoundError] },
    authScopes: { institutionManager: true },
    args: { input: t.arg({ type: RevokeServiceTokenInput, required: true, validate: revokeServiceTokenSchema }) },
    resolve: async (_root, { input }, context) => revokeServiceTokenFor(context.db, context.viewer, String(input.serviceTokenId)),
  }),
);
