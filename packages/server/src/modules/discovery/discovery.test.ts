import { beforeAll, describe, expect, it } from 'vitest';
import type { GroupRow, NewGroup } from '../../db/tables.js';
import { addTestMembership, createTestGroup, createTestInstitution, createTestMember, type TestInstitution, type TestMember } from '../../../test-support/factories.js';
import { describeEachDatabase, type TestApi } from '../../../test-support/test-api.js';
import { withTestInstitution } from '../../../test-support/test-context.js';

const listGroups = /* GraphQL */ `
  query ListGroups($filter: GroupFilter, $first: Int, $after: String) {
    groups(filter: $filter, first: $first, after: $after) {
      edges { cursor node { slug name } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

interface Listing {
  slugs: string[];
  endCursor: string | null;
  hasNextPage: boolean;
}

interface Caller {
  token?: string;
  institution?: string;
}

async function list(api: TestApi, caller: Caller, filter: Record<string, unknown> | null, page: { first?: number; after?: string } = {}): Promise<Listing> {
  const result = await api.graphql(listGroups, { filter, ...page }, caller);
  if (result.errors) throw new Error(`groups failed: ${JSON.stringify(result.errors)}`);
  const groups = result.data!.groups;
  return {
    slugs: groups.edges.map((edge: { node: { slug: string } }) => edge.node.slug),
    endCursor: groups.pageInfo.endCursor,
    hasNextPage: groups.pageInfo.hasNextPage,
  };
}

/** Every page of a listing, following `endCursor` until the last one. */
async function allPages(api: TestApi, caller: Caller, filter: Record<string, unknown> | null, first: number): Promise<string[][]> {
  const pages: string[][] = [];
  let after: string | undefined;
  for (;;) {
    const page = await list(api, caller, filter, { first, ...(after ? { after } : {}) });
    pages.push(page.slugs);
    if (!page.hasNextPage) return pages;
    after = page.endCursor!;
  }
}

describeEachDatabase('discovery', (api) => {
  const t = withTestInstitution(api, { institution: { slug: 'clinic' }, otherInstitution: { slug: 'other-clinic' } });
  let otherAdmin: TestMember;
  let privateMember: TestMember;
  let bannedMember: TestMember;
  const group = (slug: string, overrides: Partial<NewGroup>) => t.group({ slug, ...overrides });
  const fillSeats = async (row: GroupRow, count: number) => {
    for (let seat = 0; seat < count; seat += 1) await t.join(row);
  };

  beforeAll(async () => {
    otherAdmin = await t.member({ admin: true }, t.otherInstitution);

    await group('diabetes-en', {
      name: 'Type 2 Diabetes Support Circle',
      description: 'Living well with type 2: food, medication and the everyday worries, shared with people who understand.',
      topics: ['diabetes', 'nutrition'],
      languages: ['en'],
      facilitation: 'PEER_LED',
      join_policy: 'APPROVAL',
      entry_questions: ['What brings you here?'],
      formats: ['FORUM', 'VIDEO'],
    });
    await group('diabetes-ar', {
      name: 'مجموعة دعم مرضى السكري',
      description: 'مساحة آمنة لتبادل التجارب حول التعايش مع مرض السكري.',
      topics: ['السكري', 'التغذية'],
      languages: ['ar'],
      facilitation: 'PROFESSIONAL',
      formats: ['IN_PERSON'],
      location: 'Clinic hall B',
    });
    await group('recovery-ar', {
      name: 'الإدمان والتعافي',
      description: 'نلتقي كل أسبوع لنتحدث عن طريق التعافي.',
      topics: ['التعافي'],
      languages: ['ar-EG'],
      formats: ['PHONE'],
    });
    const grief = await group('grief', {
      name: 'Grief and Loss Circle',
      description: 'For anyone who has lost someone close. Some of us also care for a parent with diabetes.',
      topics: ['grief', 'bereavement'],
      languages: ['en', 'ar'],
      formats: ['PHONE', 'VIDEO'],
      capacity: 2,
    });
    await fillSeats(grief, 2);
    const survivors = await group('cancer-survivors', {
      name: 'Cancer Survivors',
      topics: ['cancer'],
      join_policy: 'FEE',
      fee_description: '£5 a month towards the room.',
      capacity: 10,
    });
    await fillSeats(survivors, 3);
    const caregivers = await group('dementia-caregivers', {
      name: 'Caregivers of People with Dementia',
      topics: ['dementia', 'caregiving'],
      visibility: 'PRIVATE',
      join_policy: 'INVITE_ONLY',
      facilitation: 'PROFESSIONAL',
    });
    privateMember = await t.join(caregivers);
    bannedMember = await t.join(caregivers, { status: 'BANNED' });
    await group('chronic-pain', { name: 'Chronic Pain Peer Group', topics: ['chronic pain'], visibility: 'UNLISTED' });
    await group('archived-diabetes', { name: 'Diabetes Evening Group', topics: ['diabetes'], archived_at: new Date() });
    await createTestGroup(t.db, t.otherInstitution, { slug: 'other-diabetes', name: 'Diabetes Friends', topics: ['diabetes'] });
    await createTestGroup(t.db, t.otherInstitution, { slug: 'other-private', name: 'Diabetes Staff Circle', topics: ['diabetes'], visibility: 'PRIVATE' });
  });

  const guest: () => Caller = () => ({ institution: 'clinic' });
  const publicSlugs = ['cancer-survivors', 'diabetes-ar', 'diabetes-en', 'grief', 'recovery-ar'];

  describe('visibility', () => {
    it('shows guests the public, non-archived groups in name order', async () => {
      const { slugs } = await list(api(), guest(), null);
      expect([...slugs].sort()).toEqual(publicSlugs);
      expect(slugs.indexOf('cancer-survivors')).toBeLessThan(slugs.indexOf('grief'));
    });

    it('adds the private groups a member belongs to, and nothing for a banned member', async () => {
      expect((await list(api(), { token: t.viewer.token }, null)).slugs.sort()).toEqual(publicSlugs);
      expect((await list(api(), { token: privateMember.token }, null)).slugs.sort()).toEqual([...publicSlugs, 'dementia-caregivers'].sort());
      expect((await list(api(), { token: bannedMember.token }, null)).slugs.sort()).toEqual(publicSlugs);
    });

    it('shows managers every group of their institution (unlisted and private too), archived ones aside', async () => {
      const everything = [...publicSlugs, 'chronic-pain', 'dementia-caregivers'].sort();
      expect((await list(api(), { token: t.admin.token }, null)).slugs.sort()).toEqual(everything);
      expect((await list(api(), { token: t.institution.serviceToken }, null)).slugs.sort()).toEqual(everything);
    });

    it("shows a viewer from another institution only the named institution's public groups", async () => {
      expect((await list(api(), { token: otherAdmin.token }, { institution: 'clinic' })).slugs.sort()).toEqual(publicSlugs);
      expect((await list(api(), { token: otherAdmin.token }, null)).slugs.sort()).toEqual(['other-diabetes', 'other-private']);
      expect((await list(api(), { token: t.admin.token }, { institution: 'other-clinic' })).slugs).toEqual(['other-diabetes']);
      expect((await list(api(), {}, { institution: 'other-clinic' })).slugs).toEqual(['other-diabetes']);
    });

    it("lists a member's own groups with viewerMembership (pending, private and unlisted included), and none for a guest, a banned member or another institution's viewer", async () => {
      const db = api().database.db;
      const mine = await t.member();
      const groups = await db.selectFrom('groups').selectAll().where('institution_id', '=', t.institution.row.id).execute();
      const groupBySlug = (slug: string) => groups.find((row) => row.slug === slug)!;
      await addTestMembership(db, groupBySlug('diabetes-en'), mine.row, { status: 'PENDING' });
      await addTestMembership(db, groupBySlug('dementia-caregivers'), mine.row);
      await addTestMembership(db, groupBySlug('chronic-pain'), mine.row, { status: 'WAITLISTED' });
      await addTestMembership(db, groupBySlug('grief'), mine.row, { status: 'LEFT' });
      const own = { viewerMembership: ['ACTIVE', 'PENDING', 'WAITLISTED', 'SUSPENDED'] };
      expect((await list(api(), { token: mine.token }, own)).slugs.sort()).toEqual(['chronic-pain', 'dementia-caregivers', 'diabetes-en']);
      expect((await list(api(), { token: mine.token }, { viewerMembership: ['PENDING'] })).slugs).toEqual(['diabetes-en']);
      // Combined with the other filters as any filter is.
      expect((await list(api(), { token: mine.token }, { ...own, text: 'diabetes' })).slugs).toEqual(['diabetes-en']);
      expect((await list(api(), guest(), own)).slugs).toEqual([]);
      expect((await list(api(), { token: bannedMember.token }, { viewerMembership: ['BANNED'] })).slugs).toEqual([]);
      expect((await list(api(), { token: otherAdmin.token }, { ...own, institution: 'clinic' })).slugs).toEqual([]);
      expect((await list(api(), { token: t.institution.serviceToken }, own)).slugs).toEqual([]);
    });

    it('asks which institution to search when there is none', async () => {
      const result = await api().graphql(listGroups, { filter: { text: 'diabetes' } });
      expect(result.data ?? null).toBeNull();
      expect(result.errors?.[0]).toMatchObject({
        message: expect.stringContaining('X-Hearth-Institution'),
        extensions: { code: 'VALIDATION', fields: [{ path: ['filter', 'institution'] }] },
      });
      const unknown = await api().graphql(listGroups, { filter: { institution: 'no-such-place' } });
      expect(unknown.errors?.[0]).toMatchObject({ extensions: { code: 'VALIDATION', fields: [{ path: ['filter', 'institution'] }] } });
    });
  });

  describe('text search', () => {
    it('finds the Arabic diabetes group by السكري, and the English one by "diabetes" first', async () => {
      expect((await list(api(), guest(), { text: 'السكري' })).slugs).toEqual(['diabetes-ar']);
      const english = await list(api(), guest(), { text: 'diabetes' });
      // The name matches outrank a mention in a description; archived and other institutions' groups never show.
      expect(english.slugs).toEqual(['diabetes-en', 'grief']);
    });

    it('forgives a misspelling ("dibetes", "canser") without matching unrelated words', async () => {
      expect((await list(api(), guest(), { text: 'dibetes' })).slugs).toEqual(['diabetes-en']);
      expect((await list(api(), guest(), { text: 'canser' })).slugs).toEqual(['cancer-survivors']);
      expect((await list(api(), guest(), { text: 'diet' })).slugs).toEqual([]);
      expect((await list(api(), guest(), { text: 'cat' })).slugs).toEqual([]);
    });

    it('matches Arabic spelling variants: marks, tatweel, hamza, alef maqsura and ta marbuta', async () => {
      expect((await list(api(), guest(), { text: 'السُّكَّري' })).slugs).toEqual(['diabetes-ar']);
      expect((await list(api(), guest(), { text: 'مجموعه مرضي السكـــري' })).slugs).toEqual(['diabetes-ar']);
      expect((await list(api(), guest(), { text: 'الادمان' })).slugs).toEqual(['recovery-ar']);
      expect((await list(api(), guest(), { text: 'الإدمان' })).slugs).toEqual(['recovery-ar']);
    });

    it('ranks a variant spelling exactly as the plain one (the query is folded like the stored text)', async () => {
      // Typo tolerance alone would still find most variants; equal relevance shows the folding itself. The
      // relevance is read from the cursor, which carries the sort key of the last row.
      const relevance = async (text: string) => {
        const page = await list(api(), guest(), { text }, { first: 1 });
        expect(page.slugs).toEqual(['diabetes-ar']);
        return JSON.parse(Buffer.from(page.endCursor!, 'base64url').toString('utf8'))[2] as string;
      };
      const plain = await relevance('مجموعه دعم مرضي السكري');
      expect(await relevance('مَجمُوعة دعـم مرضى السُّكَّرى')).toBe(plain);
      expect(await relevance('مجموعة دعم مرضى السكري')).toBe(plain);
    });

    it('stems English words and combines several words', async () => {
      expect((await list(api(), guest(), { text: 'survivor' })).slugs).toEqual(['cancer-survivors']);
      expect((await list(api(), guest(), { text: 'diabetes support' })).slugs[0]).toBe('diabetes-en');
    });

    it('searches only what the viewer may find', async () => {
      expect((await list(api(), guest(), { text: 'dementia' })).slugs).toEqual([]);
      expect((await list(api(), { token: privateMember.token }, { text: 'dementia' })).slugs).toEqual(['dementia-caregivers']);
      expect((await list(api(), guest(), { text: 'chronic pain' })).slugs).toEqual([]);
      expect((await list(api(), { token: t.admin.token }, { text: 'chronic pain' })).slugs).toEqual(['chronic-pain']);
    });

    it('treats blank text as no search', async () => {
      expect((await list(api(), guest(), { text: '   ' })).slugs.sort()).toEqual(publicSlugs);
    });
  });

  describe('filters', () => {
    const cases: Array<[string, Record<string, unknown>, string[]]> = [
      ['topics (any of them, case and Arabic spelling folded)', { topics: ['Grief', 'التَّعافي'] }, ['grief', 'recovery-ar']],
      ['languages ("ar" includes "ar-EG")', { languages: ['ar'] }, ['diabetes-ar', 'grief', 'recovery-ar']],
      ['languages (an exact regional tag)', { languages: ['ar-EG'] }, ['recovery-ar']],
      ['facilitation', { facilitation: 'PROFESSIONAL' }, ['diabetes-ar']],
      ['formats (any of them)', { formats: ['VIDEO', 'IN_PERSON'] }, ['diabetes-ar', 'diabetes-en', 'grief']],
      ['join policies', { joinPolicies: ['APPROVAL', 'FEE'] }, ['cancer-survivors', 'diabetes-en']],
      ['accepting members', { acceptingMembers: true }, ['cancer-survivors', 'diabetes-ar', 'diabetes-en', 'recovery-ar']],
      ['full groups', { acceptingMembers: false }, ['grief']],
      ['several filters together', { formats: ['PHONE'], languages: ['en'] }, ['grief']],
      ['a filter with text', { text: 'diabetes', acceptingMembers: true }, ['diabetes-en']],
    ];
    for (const [name, filter, expected] of cases) {
      it(`filters by ${name}`, async () => {
        expect((await list(api(), guest(), filter)).slugs.sort()).toEqual(expected);
      });
    }

    it('filters the groups a manager sees by their own facets too', async () => {
      expect((await list(api(), { token: t.admin.token }, { joinPolicies: ['INVITE_ONLY'] })).slugs).toEqual(['dementia-caregivers']);
    });
  });

  describe('bad input', () => {
    it('reports every invalid filter field at once', async () => {
      const result = await api().graphql(
        listGroups,
        { filter: { text: 'x'.repeat(201), topics: Array.from({ length: 21 }, (_, i) => `topic ${i}`), languages: ['English!'], institution: 'Not A Slug' } },
        guest(),
      );
      expect(result.errors?.[0]?.extensions?.code).toBe('VALIDATION');
      const paths = result.errors![0]!.extensions!.fields.map((field: { path: string[] }) => field.path.join('.'));
      expect(paths).toEqual(expect.arrayContaining(['filter.text', 'filter.topics', 'filter.languages.0', 'filter.institution']));
    });

    it('refuses too many formats, an oversized page and backward paging', async () => {
      const formats = await api().graphql(listGroups, { filter: { formats: Array.from({ length: 21 }, () => 'FORUM') } }, guest());
      expect(formats.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION', fields: [{ path: ['filter', 'formats'] }] });
      const big = await api().graphql(listGroups, { first: 101 }, guest());
      expect(big.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION', fields: [{ path: ['first'] }] });
      const backward = await api().graphql(`{ groups(last: 2) { edges { node { slug } } } }`, {}, guest());
      expect(backward.errors?.[0]?.extensions?.code).toBe('VALIDATION');
    });

    it('refuses a cursor from another ordering or another search, or a forged one', async () => {
      const byName = await list(api(), guest(), null, { first: 1 });
      const byRelevance = await list(api(), guest(), { text: 'diabetes' }, { first: 1 });
      const attempts: Array<[Record<string, unknown> | null, string, string]> = [
        [{ text: 'diabetes' }, byName.endCursor!, 'name order'],
        [null, byRelevance.endCursor!, 'relevance'],
        [{ text: 'grief' }, byRelevance.endCursor!, 'different text'],
        [null, Buffer.from(JSON.stringify(['name', 'x', "1' or 1=1"])).toString('base64url'), 'not valid'],
        [null, 'not-a-cursor', 'not valid'],
      ];
      for (const [filter, after, message] of attempts) {
        const result = await api().graphql(listGroups, { filter, first: 5, after }, guest());
        expect(result.errors?.[0]).toMatchObject({ message: expect.stringContaining(message), extensions: { code: 'VALIDATION' } });
      }
    });
  });
});

describeEachDatabase('discovery at scale', (api) => {
  let many: TestInstitution;
  const groupCount = 55;

  beforeAll(async () => {
    const db = api().database.db;
    many = await createTestInstitution(db, { slug: 'many-groups', name: 'Many Groups Trust' });
    const facilitator = await createTestMember(db, many, { name: 'Dana' });
    await db.updateTable('members').set({ credential: 'LCSW' }).where('id', '=', facilitator.row.id).execute();
    const members = await Promise.all(Array.from({ length: 3 }, () => createTestMember(db, many)));
    for (let index = 0; index < groupCount; index += 1) {
      // Pairs of identical names make ties that only the id breaks, in both orderings.
      const row = await createTestGroup(db, many, {
        slug: `support-${index}`,
        name: `Support Group ${String(Math.floor(index / 2)).padStart(2, '0')}`,
        topics: ['support'],
        capacity: index % 5 === 0 ? 3 : null,
      });
      await addTestMembership(db, row, facilitator.row, { role: index % 2 ? 'PEER_FACILITATOR' : 'PROFESSIONAL_FACILITATOR' });
      for (const member of members.slice(0, index % 4)) await addTestMembership(db, row, member.row);
    }
  });

  const caller = () => ({ institution: 'many-groups' });

  for (const [ordering, filter] of [
    ['name order', null],
    ['relevance order (equal scores)', { text: 'support' }],
  ] as const) {
    it(`pages through ${ordering} without duplicates or gaps`, async () => {
      const whole = await list(api(), caller(), filter, { first: 100 });
      expect(whole.slugs).toHaveLength(groupCount);
      expect(whole.hasNextPage).toBe(false);
      const pages = await allPages(api(), caller(), filter, 7);
      expect(pages).toHaveLength(Math.ceil(groupCount / 7));
      expect(pages.flat()).toEqual(whole.slugs);
    });
  }

  const detailedList = /* GraphQL */ `
    query Detailed($first: Int) {
      groups(first: $first) {
        edges { node { slug name memberCount acceptingMembers facilitators { name role credential } institution { name } } }
      }
    }
  `;

  // Measured: 6 statements for any page size (institution header, the page, member counts, seats for
  // acceptingMembers, facilitators, institutions).
  it('lists 5 or 50 groups with counts and facilitators in the same 6 statements', async () => {
    const five = await api().graphql(detailedList, { first: 5 }, caller());
    const fifty = await api().graphql(detailedList, { first: 50 }, caller());
    expect(five.errors ?? fifty.errors).toBeUndefined();
    expect(fifty.data!.groups.edges).toHaveLength(50);
    const second = fifty.data!.groups.edges.find((edge: { node: { slug: string } }) => edge.node.slug === 'support-2');
    expect(second.node).toMatchObject({
      memberCount: 3,
      // A guest reads "Member" for a facilitator under their name, as for every member (author-names.ts).
      facilitators: [{ name: 'Member', role: 'PROFESSIONAL_FACILITATOR', credential: 'LCSW' }],
      institution: { name: 'Many Groups Trust' },
    });
    expect(fifty.statements).toBe(five.statements);
    expect(fifty.statements).toBe(6);
  });
});
