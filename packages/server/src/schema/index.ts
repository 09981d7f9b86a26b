import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { builder } from './builder.js';
import './error-types.js';
// Every module's type file, each imported here and not only through another type file: this list is the whole
// API, and a type file stays in the schema when another stops importing it (import-layers.test.ts checks it).
import '../modules/institutions/institution.types.js';
import '../modules/institutions/sso-key.types.js';
import '../modules/institutions/service-token.types.js';
import '../modules/institutions/institution-admins.types.js';
import '../modules/members/member.types.js';
import '../modules/groups/group.types.js';
import '../modules/memberships/membership.types.js';
import '../modules/memberships/appearance.types.js';
import '../modules/memberships/invitation.types.js';
import '../modules/memberships/join-request.types.js';
import '../modules/memberships/member-standing.types.js';
import '../modules/discovery/discovery.types.js';
import '../modules/crisis-resources/crisis-resource.types.js';
import '../modules/word-lists/word-list.types.js';
import '../modules/posts/post.types.js';
import '../modules/posts/reply.types.js';
import '../modules/posts/contribution.types.js';
import '../modules/posts/reaction.types.js';
import '../modules/posts/crisis-visibility.types.js';
import '../modules/moderation/moderation-item.types.js';
import '../modules/moderation/moderation-subject.types.js';
import '../modules/moderation/moderation-action.types.js';
import '../modules/moderation/report.types.js';
import '../modules/moderation/risk-level.types.js';
import '../modules/moderation/anonymity-policy.types.js';
import '../modules/moderation/author-reveal.types.js';
import '../modules/outreach/outreach.types.js';

let built: GraphQLSchema | undefined;

/** The whole API, built once per process from every module's types. */
export function hearthSchema(): GraphQLSchema {
  built ??= builder.toSchema({ sortSchema: true });
  return built;
}

/** The schema as SDL, sorted: snapshotted in a test so every API change shows in review. */
export function printHearthSchema(): string {
  return printSchema(lexicographicSortSchema(hearthSchema()));
}
