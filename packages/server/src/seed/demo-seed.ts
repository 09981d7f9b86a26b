import { sql } from 'kysely';
import { generateServiceToken, generateSsoSecret } from '../auth/service-tokens.js';
import { findInstitutionBySlug, insertInstitution, insertServiceToken, insertSsoKey } from '../modules/institutions/institution.queries.js';
import { insertGroup } from '../modules/groups/group.queries.js';
import { isUniqueViolation } from '../db/constraint-errors.js';
import type { HearthDb } from '../db/database.js';
import { demoInstitutions, demoKeyId, type DemoInstitution } from './demo-content.js';
import { demoConversations, type DemoPost } from './demo-conversations.js';
import { demoCrisisResources } from './demo-crisis-resources.js';
import { replaceCrisisResources } from '../modules/crisis-resources/crisis-resource.queries.js';
import { insertPost } from '../modules/posts/post.queries.js';
import { insertReply, threadAliasFor } from '../modules/posts/reply.queries.js';
import { insertReaction } from '../modules/posts/reaction.queries.js';

/** What `hearth token` needs to sign demo tokens while the server holds the embedded database. */
export interface DemoCredentials {
  institutions: Array<{ slug: string; kid: string; secret: string; serviceToken: string }>;
}

const dayMs = 24 * 60 * 60 * 1000;

async function seedInstitution(trx: HearthDb, demo: DemoInstitution, now: Date): Promise<DemoCredentials['institutions'][number]> {
  const institution = await insertInstitution(trx, {
    slug: demo.slug,
    name: demo.name,
    defaultLocale: demo.defaultLocale,
    allowedOrigins: demo.allowedOrigins,
  });
  const secret = generateSsoSecret();
  await insertSsoKey(trx, { institutionId: institution.id, kid: demoKeyId, secret });
  const { token, tokenHash } = generateServiceToken();
  await insertServiceToken(trx, { institutionId: institution.id, name: 'demo', tokenHash });
  // The hospital's own lines, so its members see the services of the country its site names (not the built-in list).
  for (const [locale, resources] of Object.entries(demoCrisisResources[demo.slug] ?? {})) {
    await replaceCrisisResources(trx, institution.id, locale, [...resources]);
  }

  const members = await trx
    .insertInto('members')
    .values(
      demo.members.map((member) => ({
        institution_id: institution.id,
        external_id: member.externalId,
        display_name: member.displayName,
        locale: demo.defaultLocale,
        bio: member.bio ?? null,
        credential: member.credential ?? null,
        is_institution_admin: member.admin ?? false,
      })),
    )
    .returning(['id', 'external_id'])
    .execute();
  const memberId = new Map(members.map((member) => [member.external_id, member.id]));
  const groupIds = new Map<string, string>();
  const idOf = (externalId: string): string => {
    const id = memberId.get(externalId);
    if (!id) throw new Error(`Demo content names an unknown member "${externalId}" in ${demo.slug}.`);
    return id;
  };

  for (const { memberships, ...group } of demo.groups) {
    const row = await insertGroup(trx, { ...group, institution_id: institution.id });
    groupIds.set(group.slug, row.id);
    // Whoever runs the group decided on the applications it approved.
    const decider = memberships.find((membership) => membership.role && membership.role !== 'MEMBER');
    await trx
      .insertInto('memberships')
      .values(
        memberships.map((membership) => {
          const status = membership.status ?? 'ACTIVE';
          const at = new Date(now.getTime() - membership.daysAgo * dayMs);
          return {
            institution_id: institution.id,
            group_id: row.id,
            member_id: idOf(membership.member),
            role: membership.role ?? 'MEMBER',
            status,
            answers: membership.answers ?? [],
            pseudonym: membership.pseudonym ?? null,
            appearance: membership.pseudonym ? ('PSEUDONYM' as const) : ('NAME' as const),
            fee_receipt: membership.feeReceipt ?? null,
            decided_by: status === 'ACTIVE' && group.join_policy === 'APPROVAL' && decider && decider !== membership ? idOf(decider.member) : null,
            requested_at: at,
            joined_at: status === 'ACTIVE' ? at : null,
          };
        }),
      )
      .execute();
  }
  for (const [groupSlug, posts] of Object.entries(demoConversations[demo.slug] ?? {})) {
    const groupId = groupIds.get(groupSlug);
    if (!groupId) throw new Error(`Demo conversations name an unknown group "${groupSlug}" in ${demo.slug}.`);
    for (const post of posts) await seedThread(trx, { institutionId: institution.id, groupId, idOf, now, post });
  }
  return { slug: demo.slug, kid: demoKeyId, secret, serviceToken: token };
}

/** Whole seconds `hours` before `now`, as every content timestamp is stored. */
const hoursBefore = (now: Date, hours: number) => new Date(Math.floor((now.getTime() - hours * 3_600_000) / 1000) * 1000);

/** One thread through the posts module's own writes, then dated back to when the demo says it happened. */
async function seedThread(
  trx: HearthDb,
  { institutionId, groupId, idOf, now, post }: { institutionId: string; groupId: string; idOf: (externalId: string) => string; now: Date; post: DemoPost },
): Promise<void> {
  const base = { institutionId, groupId, status: 'PUBLISHED' as const, crisis: false };
  const row = await insertPost(trx, {
    ...base,
    authorId: idOf(post.author),
    anonymous: post.anonymous ?? false,
    title: post.title,
    body: post.body,
    contentWarning: post.contentWarning ?? null,
  });
  if (post.anonymous) await threadAliasFor(trx, row.id, idOf(post.author));
  const replyIds: string[] = [];
  let lastActivity = hoursBefore(now, post.hoursAgo);
  for (const reply of post.replies ?? []) {
    const parent = reply.answers === undefined ? null : replyIds[reply.answers] ?? null;
    const created = await insertReply(trx, {
      ...base,
      postId: row.id,
      parentReplyId: parent,
      authorId: idOf(reply.author),
      anonymous: reply.anonymous ?? false,
      body: reply.body,
      contentWarning: null,
    });
    if (reply.anonymous) await threadAliasFor(trx, row.id, idOf(reply.author));
    if (reply.answers === undefined) replyIds.push(created.id);
    const at = hoursBefore(now, reply.hoursAgo);
    if (at > lastActivity) lastActivity = at;
    // created_at is write-once for the API; only the demo dates content back.
    await sql`update replies set created_at = ${at} where id = ${created.id}`.execute(trx);
  }
  for (const reaction of post.reactions ?? []) {
    await insertReaction(trx, { institutionId, groupId, subjectType: 'POST', subjectId: row.id, memberId: idOf(reaction.member), kind: reaction.kind });
  }
  await sql`update posts set created_at = ${hoursBefore(now, post.hoursAgo)}, last_activity_at = ${lastActivity} where id = ${row.id}`.execute(trx);
}

/**
 * Adds the demo institutions, groups and members; returns their credentials, or null when already seeded.
 * Everything is written in one transaction, so a failed seed leaves nothing behind and the next run starts over.
 */
export async function seedDemo(db: HearthDb): Promise<DemoCredentials | null> {
  const seeded = async () => (await findInstitutionBySlug(db, demoInstitutions[0]!.slug)) !== undefined;
  if (await seeded()) return null;
  const now = new Date();
  try {
    return await db.transaction().execute(async (trx) => {
      const institutions: DemoCredentials['institutions'] = [];
      for (const demo of demoInstitutions) institutions.push(await seedInstitution(trx, demo, now));
      return { institutions };
    });
  } catch (error) {
    // Another process seeded at the same moment: its data stands, and this run added nothing.
    if (isUniqueViolation(error) && (await seeded())) return null;
    throw error;
  }
}
