import { sql, type Kysely } from 'kysely';

/**
 * How a member appears in a group: under a pseudonym (the default for new members, so a name from the host's SSO
 * never goes out by accident) or under their name. PSEUDONYM always has a pseudonym to show; NAME shows none, so
 * a member who chose their name has no second name in the group that could be tied to it.
 *
 * Existing memberships keep what readers already saw: those with a pseudonym appear under it, the others under
 * their name until they choose.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table memberships add column appearance text not null default 'NAME'
    check (appearance in ('PSEUDONYM', 'NAME'))`.execute(db);
  await sql`update memberships set appearance = 'PSEUDONYM' where pseudonym is not null`.execute(db);
  await sql`alter table memberships add constraint memberships_appearance_pseudonym_check
    check ((appearance = 'PSEUDONYM') = (pseudonym is not null))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table memberships drop constraint if exists memberships_appearance_pseudonym_check`.execute(db);
  await sql`alter table memberships drop column if exists appearance`.execute(db);
}
