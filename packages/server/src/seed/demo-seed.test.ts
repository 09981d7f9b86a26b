import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { signSsoToken } from '../auth/sso-tokens.js';
import { createGroupSchema } from '../modules/groups/group-input.js';
import { testAudience } from '../../test-support/factories.js';
import { describeEachDatabase, type TestApi } from '../../test-support/test-api.js';
import type { HearthDb } from '../db/database.js';
import { crisisResourcesFor } from '../modules/crisis-resources/crisis-resources.js';
import { demoInstitutions } from './demo-content.js';
import { demoCrisisResources } from './demo-crisis-resources.js';
import { seedDemo, type DemoCredentials } from './demo-seed.js';

const allGroups = /* GraphQL */ `
  query AllGroups($filter: GroupFilter, $first: Int = 100) {
    groups(filter: $filter, first: $first) {
      edges {
        node {
          slug name facilitation visibility joinPolicy formats entryQuestions feeDescription location capacity timeZone
          anonymityPolicy memberCount acceptingMembers facilitators { role credential }
        }
      }
    }
  }
`;

interface SeededGroup {
  slug: string;
  name: string;
  facilitation: string;
  visibility: string;
  joinPolicy: string;
  formats: string[];
  entryQuestions: string[];
  feeDescription: string | null;
  location: string | null;
  capacity: number | null;
  timeZone: string;
  anonymityPolicy: string;
  memberCount: number;
  acceptingMembers: boolean;
  facilitators: Array<{ role: string; credential: string | null }>;
}

const tables = ['institutions', 'sso_keys', 'service_tokens', 'members', 'groups', 'memberships', 'invitations', 'crisis_resources'] as const;

async function rowCounts(db: HearthDb): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const { rows } = await sql<{ count: number }>`select count(*)::int as count from ${sql.table(table)}`.execute(db);
    counts[table] = rows[0]!.count;
  }
  return counts;
}

describe('demo content', () => {
  it('obeys the rules createGroup applies to every group', () => {
    for (const institution of demoInstitutions) {
      for (const group of institution.groups) {
        const result = createGroupSchema.safeParse({
          slug: group.slug,
          name: group.name,
          description: group.description,
          topics: group.topics,
          languages: group.languages,
          joinPolicy: group.join_policy,
          entryQuestions: group.entry_questions,
          capacity: group.capacity,
          formats: group.formats,
          location: group.location,
          timeZone: group.time_zone,
          guidelines: group.guidelines,
          heldFirstPosts: group.held_first_posts,
          feeDescription: group.fee_description,
        });
        expect(result.error?.issues ?? [], `${institution.slug}/${group.slug}`).toEqual([]);
      }
    }
  });
});

describeEachDatabase('demo seed', (api) => {
  let credentials: DemoCredentials;
  const credentialsFor = (slug: string) => credentials.institutions.find((institution) => institution.slug === slug)!;
  const tokenFor = (slug: string, externalId: string) => {
    const { kid, secret } = credentialsFor(slug);
    return signSsoToken({ institutionSlug: slug, kid, secret, subject: externalId, audience: testAudience, expiresIn: '5m' });
  };
  /** Every group of an institution, as its own backend (service token) sees them. */
  const groupsOf = async (testApi: TestApi, slug: string): Promise<SeededGroup[]> => {
    const result = await testApi.graphql(allGroups, {}, { token: credentialsFor(slug).serviceToken });
    expect(result.errors).toBeUndefined();
    return result.data!.groups.edges.map((edge: { node: SeededGroup }) => edge.node);
  };

  beforeAll(async () => {
    const seeded = await seedDemo(api().database.db);
    if (!seeded) throw new Error('The first seed returned no credentials.');
    credentials = seeded;
  });

  it('returns working credentials for riverside and the Arabic-first nour', async () => {
    expect(credentials.institutions.map((institution) => institution.slug)).toEqual(['riverside', 'nour']);
    for (const institution of credentials.institutions) {
      expect(institution).toMatchObject({ kid: 'demo-1', secret: expect.any(String), serviceToken: expect.stringMatching(/^hearth_st_/) });
    }
    const nour = await api().graphql(`{ institution(slug: "nour") { name defaultLocale } }`);
    expect(nour.data?.institution).toEqual({ name: 'مستشفى النور', defaultLocale: 'ar' });
    const origins = await api().graphql(`{ institution(slug: "riverside") { allowedOrigins } }`, {}, { token: credentialsFor('riverside').serviceToken });
    expect(origins.data?.institution.allowedOrigins).toEqual(['http://localhost:4001', 'http://127.0.0.1:4001']);
    // Only the service token's digest is stored.
    const stored = await api().database.db.selectFrom('service_tokens').select('token_hash').execute();
    expect(stored.map((row) => row.token_hash)).not.toContain(credentialsFor('riverside').serviceToken);
  });

  it('covers every facilitation, visibility, join policy and format, with the details each needs', async () => {
    const groups = [...(await groupsOf(api(), 'riverside')), ...(await groupsOf(api(), 'nour'))];
    expect(groups.length).toBeGreaterThanOrEqual(8);
    expect(new Set(groups.map((group) => group.facilitation))).toEqual(new Set(['PEER_LED', 'PROFESSIONAL']));
    expect(new Set(groups.map((group) => group.visibility))).toEqual(new Set(['PUBLIC', 'UNLISTED', 'PRIVATE']));
    expect(new Set(groups.map((group) => group.joinPolicy))).toEqual(new Set(['OPEN', 'APPROVAL', 'INVITE_ONLY', 'FEE']));
    expect(new Set(groups.flatMap((group) => group.formats))).toEqual(new Set(['FORUM', 'IN_PERSON', 'VIDEO', 'PHONE']));
    expect(new Set(groups.map((group) => group.anonymityPolicy))).toEqual(new Set(['DISABLED', 'ANONYMOUS', 'ANONYMOUS_REVEALABLE_IN_CRISIS']));
    expect(new Set(groups.map((group) => group.timeZone))).toEqual(new Set(['Europe/London', 'Asia/Riyadh']));
    for (const group of groups) {
      if (group.joinPolicy === 'APPROVAL') expect(group.entryQuestions.length, group.slug).toBeGreaterThan(0);
      if (group.joinPolicy === 'FEE') expect(group.feeDescription, group.slug).toBeTruthy();
      if (group.formats.includes('IN_PERSON')) expect(group.location, group.slug).toBeTruthy();
      const expectedLead = group.facilitation === 'PROFESSIONAL' ? 'PROFESSIONAL_FACILITATOR' : 'PEER_FACILITATOR';
      expect(group.facilitators.map((facilitator) => facilitator.role), group.slug).toContain(expectedLead);
    }
    const nearlyFull = groups.filter((group) => group.capacity !== null && group.memberCount === group.capacity - 1);
    expect(nearlyFull.map((group) => group.acceptingMembers)).toEqual([true]);
    expect(groups.some((group) => group.capacity === null)).toBe(true);
  });

  it('has the named demo members in each institution, in every role', async () => {
    for (const slug of ['riverside', 'nour']) {
      const me = async (externalId: string) => {
        const result = await api().graphql(`{ me { displayName credential isInstitutionAdmin } }`, {}, { token: await tokenFor(slug, externalId) });
        expect(result.errors).toBeUndefined();
        return result.data!.me;
      };
      expect(await me('demo-admin')).toMatchObject({ isInstitutionAdmin: true });
      expect(await me('demo-amal')).toMatchObject({ isInstitutionAdmin: false, credential: null });
      expect((await me('demo-lina')).credential).toBeTruthy();

      const db = api().database.db;
      const memberships = await db
        .selectFrom('memberships')
        .innerJoin('members', 'members.id', 'memberships.member_id')
        .innerJoin('groups', 'groups.id', 'memberships.group_id')
        .innerJoin('institutions', 'institutions.id', 'memberships.institution_id')
        .select(['members.external_id', 'memberships.role', 'memberships.status', 'memberships.answers', 'groups.join_policy'])
        .where('institutions.slug', '=', slug)
        .execute();
      const of = (externalId: string) => memberships.filter((membership) => membership.external_id === externalId);
      expect(of('demo-amal').filter((membership) => membership.role === 'MEMBER' && membership.status === 'ACTIVE').length).toBeGreaterThanOrEqual(2);
      expect(of('demo-omar')).toContainEqual(
        expect.objectContaining({ status: 'PENDING', join_policy: 'APPROVAL', answers: expect.arrayContaining([expect.any(String)]) }),
      );
      expect(of('demo-sara').map((membership) => membership.role)).toContain('PEER_FACILITATOR');
      expect(of('demo-lina').map((membership) => membership.role)).toContain('PROFESSIONAL_FACILITATOR');
      expect(new Set(memberships.map((membership) => membership.external_id)).size).toBeGreaterThanOrEqual(8);
    }
  });

  // The country each demo site names, and the emergency number that site tells its readers to call.
  const emergencyNumber = { riverside: '999', nour: '911' } as const;
  const arabicScript = /[\u0600-\u06ff]/;
  const crisisResourcesQuery = `query($slug: String!, $locale: String) { institution(slug: $slug) { crisisResources(locale: $locale) { name phone url description locale } } }`;

  it("gives each hospital its own country's crisis resources in English and Arabic, the emergency number first", async () => {
    for (const [slug, emergency] of Object.entries(emergencyNumber)) {
      const institution = await api().database.db.selectFrom('institutions').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
      for (const locale of ['en', 'ar'] as const) {
        const label = `${slug} ${locale}`;
        const chosen = await crisisResourcesFor(api().database.db, institution.id, locale);
        // A guest reaches them through the API too, as the widgets do.
        const guest = await api().graphql(crisisResourcesQuery, { slug, locale }, { institution: slug });
        expect(guest.errors, label).toBeUndefined();
        expect(guest.data?.institution.crisisResources, label).toEqual(chosen);

        expect(chosen.length, label).toBeGreaterThanOrEqual(3);
        expect(chosen[0]?.phone, label).toBe(emergency);
        // Hearth's built-in list starts with the US 988 line; none of these hospitals is in the US.
        expect(chosen.map((resource) => resource.phone), label).not.toContain('988');
        for (const resource of chosen) {
          expect(resource.locale, label).toBe(locale);
          const words = `${resource.name} ${resource.description ?? ''}`;
          if (locale === 'ar') expect(resource.description, `${label}: ${resource.name}`).toMatch(arabicScript);
          else expect(words, `${label}: ${resource.name}`).not.toMatch(arabicScript);
        }
      }
      // Both languages name the same services, in the same order.
      const phones = (locale: string) => demoCrisisResources[slug]![locale]!.map((resource) => resource.phone);
      expect(phones('ar'), slug).toEqual(phones('en'));
    }
  });

  it("stores demo crisis resources that setCrisisResources' own validation accepts", async () => {
    const mutation = `mutation($input: SetCrisisResourcesInput!) {
      setCrisisResources(input: $input) {
        __typename
        ... on SetCrisisResourcesPayload { resources { name phone url description } }
        ... on ValidationError { fields { path message } }
      }
    }`;
    for (const [slug, lists] of Object.entries(demoCrisisResources)) {
      for (const [locale, resources] of Object.entries(lists)) {
        // The admin writes back the very list the seed stored: a list the API would refuse fails here.
        const result = await api().graphql(mutation, { input: { locale, resources } }, { token: await tokenFor(slug, 'demo-admin') });
        expect(result.errors, `${slug} ${locale}`).toBeUndefined();
        expect(result.data?.setCrisisResources, `${slug} ${locale}`).toEqual({ __typename: 'SetCrisisResourcesPayload', resources });
      }
    }
  });

  it('adds nothing when run again', async () => {
    const before = await rowCounts(api().database.db);
    expect(before.groups).toBeGreaterThanOrEqual(8);
    expect(await seedDemo(api().database.db)).toBeNull();
    expect(await rowCounts(api().database.db)).toEqual(before);
  });

  it('lets a guest find the Arabic diabetes group by السكري, and the English one by a misspelling', async () => {
    const arabic = await api().graphql(allGroups, { filter: { text: 'السكري' } }, { institution: 'nour' });
    expect(arabic.data?.groups.edges[0]?.node.name).toBe('مجموعة دعم مرضى السكري');
    const english = await api().graphql(allGroups, { filter: { text: 'dibetes' } }, { institution: 'riverside' });
    expect(english.data?.groups.edges[0]?.node.name).toBe('Type 2 Diabetes Support Circle');
  });

  it('has threads to read: open to guests in Riverside, and an anonymous one in the Arabic diabetes group', async () => {
    const feed = `query($slug: String!) { group(slug: $slug) { posts(first: 10) { edges { node { title authorName anonymous author { displayName } replyCount reactionCounts { kind count } } } } } }`;
    const guest = await api().graphql(feed, { slug: 'type-2-diabetes-circle' }, { institution: 'riverside' });
    const riversidePosts = guest.data?.group.posts.edges.map((edge: { node: { title: string } }) => edge.node.title);
    expect(riversidePosts).toEqual(['Newly diagnosed and a bit overwhelmed', 'Finally got my HbA1c down']);

    const member = await api().graphql(feed, { slug: 'diabetes-support' }, { token: await tokenFor('nour', 'demo-khalid') });
    const anonymous = member.data?.group.posts.edges.map((edge: { node: any }) => edge.node).find((post: { anonymous: boolean }) => post.anonymous);
    expect(anonymous).toMatchObject({ author: null, replyCount: 2 });
    expect(anonymous.authorName).not.toContain('أمل');
    expect(anonymous.reactionCounts).toEqual(expect.arrayContaining([{ kind: 'HUG', count: 1 }]));
  });
});

