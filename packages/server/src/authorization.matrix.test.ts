import { describeMatrix, type Operation } from '../test-support/authorization-matrix.js';
import { groupOperations } from './authorization-matrix/groups.js';
import { institutionAdminOperations, profileOperations, safetyAdminOperations } from './authorization-matrix/institutions.js';
import { identityOperations, membershipOperations } from './authorization-matrix/memberships.js';
import { moderationOperations } from './authorization-matrix/moderation.js';
import { outreachOperations } from './authorization-matrix/outreach.js';
import { postOperations } from './authorization-matrix/posts.js';

/**
 * The authorization matrix (test-support/authorization-matrix.ts says how a cell runs and what its outcomes mean):
 * every operation of the API, per domain in ./authorization-matrix/, for every role in the same and another tenant.
 */
const operations: Operation[] = [
  ...groupOperations,
  ...profileOperations,
  ...membershipOperations,
  ...institutionAdminOperations,
  ...postOperations,
  ...moderationOperations,
  ...safetyAdminOperations,
  ...identityOperations,
  ...outreachOperations,
];

/**
 * Mutation and Query fields that need no authorization, so no row: none today. Every mutation acts for someone on
 * something that someone else may not touch, and every query answers differently by who asks. A field listed here
 * must say why nobody could ever be refused it.
 */
const withoutAuthorization: Record<string, string> = {};

describeMatrix('authorization matrix', operations, { withoutAuthorization });
