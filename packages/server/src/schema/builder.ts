import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ValidationPlugin from '@pothos/plugin-validation';
import { isInstitutionManager } from '../auth/viewer.js';
import type { HearthContext } from './context.js';
import { ForbiddenError, ValidationError } from './errors.js';
import { decodeGlobalId } from './global-ids.js';
import { refuseNulPlugin } from './refuse-nul.js';

/**
 * Scopes that fields declare in `authScopes`. Group-scoped ones take the group's database id; each is answered
 * by the request's `RequestAccess`, which batches and caches the lookups.
 */
export interface HearthAuthScopes {
  /** A member signed in through SSO. */
  signedIn: boolean;
  /** An institution admin or the institution's service token (acting in its own institution). */
  institutionManager: boolean;
  /** A manager of this particular institution (by id). */
  manages: string;
  /** An active member of the group, in any role. */
  groupMember: string;
  /** A peer or professional facilitator of the group, or a manager of its institution. */
  groupFacilitator: string;
}

export const builder = new SchemaBuilder<{
  Context: HearthContext;
  AuthScopes: HearthAuthScopes;
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    ID: { Input: string; Output: string | number };
  };
}>({
  defaultFieldNullability: false,
  // Order matters: errors first so it catches what the others throw (scope-auth's ForbiddenError, dataloader
  // misses); the NUL check next, on the raw arguments before anything reads them; relay before scope-auth so
  // scopes receive decoded global IDs.
  plugins: [ErrorsPlugin, refuseNulPlugin, RelayPlugin, ScopeAuthPlugin, ValidationPlugin, DataloaderPlugin],
  errors: {
    defaultTypes: [],
    directResult: true,
    // Validation runs before the resolver; its failures come back as a typed ValidationError. They can reveal
    // only the public rules of the input, never data, so returning them before authorization is safe.
    unsafelyHandleInputErrors: true,
    defaultUnionOptions: {
      name: ({ fieldName }) => `${fieldName.charAt(0).toUpperCase()}${fieldName.slice(1)}Result`,
    },
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodesQueryOptions: false,
    brandLoadedObjects: true,
    // node(id:) with a malformed ID answers a clear validation error instead of failing inside the loader.
    decodeGlobalID: (globalID) => {
      const decoded = decodeGlobalId(globalID);
      if (!decoded) throw ValidationError.field(['id'], 'This is not a Hearth id.');
      return decoded;
    },
  },
  scopeAuth: {
    treatErrorsAsUnauthorized: true,
    unauthorizedError: () => new ForbiddenError(),
    authScopes: (context) => ({
      signedIn: context.viewer.kind === 'member',
      institutionManager: context.viewer.institutionId !== null && isInstitutionManager(context.viewer, context.viewer.institutionId),
      manages: (institutionId) => context.access.managesInstitution(institutionId),
      groupMember: (groupId) => context.access.isActiveMember(groupId),
      groupFacilitator: (groupId) => context.access.isFacilitator(groupId),
    }),
  },
  validation: {
    validationError: (result) =>
      new ValidationError(
        result.issues.map((issue) => ({
          path: (issue.path ?? []).map((part) => String(typeof part === 'object' ? part.key : part)),
          message: issue.message,
        })),
      ),
  },
});

builder.scalarType('DateTime', {
  description: 'An instant, as an ISO 8601 string in UTC (e.g. 2026-11-25T14:20:00.000Z).',
  serialize: (value) => value.toISOString(),
  parseValue: (value) => {
    const date = typeof value === 'string' ? new Date(value) : null;
    if (!date || Number.isNaN(date.getTime())) throw new ValidationError([{ path: [], message: 'Expected an ISO 8601 date-time.' }]);
    // Four-digit years only: JavaScript reads "+275760-09-13" too, which PostgreSQL and clients don't share.
    const year = date.getUTCFullYear();
    if (year < 1000 || year > 9999) throw new ValidationError([{ path: [], message: 'Expected a date-time between the years 1000 and 9999.' }]);
    return date;
  },
});

builder.queryType({});
builder.mutationType({});

/** The builder's schema types, for helpers that define the same fields on several object types. */
export type HearthTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer Types> ? Types : never;
