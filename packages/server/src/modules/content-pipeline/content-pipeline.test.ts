import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { RateLimitedError, ValidationError } from '../../schema/errors.js';
import { databaseFingerprint } from '../../../test-support/database-fingerprint.js';
import { addTestMembership, type TestMember } from '../../../test-support/factories.js';
import { describeEachDatabase } from '../../../test-support/test-api.js';
import { withTestInstitution } from '../../../test-support/test-context.js';
import { mutationDocument } from '../../../test-support/test-documents.js';
import { initialOutcome, runContentPipeline, type ContentAuthor, type ContentStage } from './content-pipeline.js';
import { setInstitutionCrisisResources } from '../crisis-resources/crisis-resources.js';
import { defaultContentStages } from './default-stages.js';
import { postDraft } from './pipeline-test-fixtures.js';
import { InMemoryRateLimiter } from '../../rate-limits/rate-limits.js';
import { addWordListEntry } from '../word-lists/word-lists.js';
import { encodeGlobalId as globalId } from '../../schema/global-ids.js';


describe('runContentPipeline', () => {
  it('runs the stages in order, each seeing the outcome so far, and stops at the first refusal', async () => {
    const seen: string[] = [];
    const stage = (name: string, effect?: () => never): ContentStage => ({
      name,
      async apply(_draft, _author, outcome) {
        seen.push(`${name}:${outcome.reasons.join(',')}`);
        if (effect) effect();
        return { ...outcome, reasons: [...outcome.reasons, name] };
      },
    });
    const services = { rateLimiter: new InMemoryRateLimiter() };
    const outcome = await runContentPipeline([stage('a'), stage('b')], postDraft(), {} as ContentAuthor, undefined as never, services);
    expect(outcome).toEqual({ ...initialOutcome(), reasons: ['a', 'b'] });
    expect(seen).toEqual(['a:', 'b:a']);
    seen.length = 0;
    const refusing = stage('refuse', () => {
      throw ValidationError.field(['input', 'body'], 'no');
    });
    await expect(runContentPipeline([stage('a'), refusing, stage('c')], postDraft(), {} as ContentAuthor, undefined as never, services)).rejects.toBeInstanceOf(ValidationError);
    expect(seen).toEqual(['a:', 'refuse:a']);
  });

  it('lists the default stages in the order the issue names them', () => {
    expect(defaultContentStages.map((stage) => stage.name)).toEqual(['validation', 'rate limit', 'word lists', 'crisis detection', "institution's crisis classifier", 'crisis hold', 'pre-moderation']);
  });

  it('validates before the rate limit, so a draft with mistakes does not use up the allowance', async () => {
    const rateLimiter = new InMemoryRateLimiter({ policy: { post: { limit: 1, windowSeconds: 600 } } });
    const author = { member: { id: randomUUID() } } as ContentAuthor;
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await expect(runContentPipeline(defaultContentStages.slice(0, 2), postDraft({ title: '' }), author, undefined as never, { rateLimiter })).rejects.toBeInstanceOf(ValidationError);
    }
    await runContentPipeline(defaultContentStages.slice(0, 2), postDraft(), author, undefined as never, { rateLimiter });
    await expect(runContentPipeline(defaultContentStages.slice(0, 2), postDraft(), author, undefined as never, { rateLimiter })).rejects.toBeInstanceOf(RateLimitedError);
  });
});

const createPost = mutationDocument(
  'createPost',
  'CreatePostInput',
  '... on CreatePostPayload { post { id status title } crisisResources { name phone url locale } } ... on RateLimitedError { retryAfterSeconds }',
);
const createReply = mutationDocument('createReply', 'CreateReplyInput', '... on CreateReplyPayload { reply { id status } crisisResources { name } }');
const readPost = /* GraphQL */ `query Read($id: ID!) { node(id: $id) { ... on Post { id status title } } }`;

describeEachDatabase('content pipeline through the API', (api) => {
  const t = withTestInstitution(api, { institution: { defaultLocale: 'ar' } });
  let newcomer: TestMember;
  let regular: TestMember;
  let arabicMember: TestMember;
  let facilitator: TestMember;
  let moderatedGroupId: string;
  let openGroupId: string;

  beforeAll(async () => {
    const db = t.db;
    const moderated = await t.group({ held_first_posts: 1, languages: ['ar'] });
    const open = await t.group();
    moderatedGroupId = globalId('Group', moderated.id);
    openGroupId = globalId('Group', open.id);
    newcomer = await t.member();
    regular = await t.member();
    arabicMember = await t.member({ locale: 'ar' });
    for (const member of [newcomer, regular, arabicMember]) {
      await addTestMembership(db, moderated, member.row);
      await addTestMembership(db, open, member.row);
    }
    facilitator = await t.join(moderated, 'PEER_FACILITATOR');
    await setInstitutionCrisisResources(db, t.institution.row.id, 'ar', [{ name: 'خط الدعم', phone: '920000000', url: null, description: null }]);
    await addWordListEntry(db, t.institution.row.id, 'كلمة محظورة', 'BLOCK');
  });

  it("pre-moderation: holds a newcomer's first post for review, shows it to its author and the facilitators only, and opens its case", async () => {
    const created = await api().graphql(createPost, { input: { groupId: moderatedGroupId, title: 'Hello', body: 'My first post.' } }, { token: newcomer.token });
    expect(created.data?.createPost).toMatchObject({ __typename: 'CreatePostPayload', post: { status: 'PENDING_REVIEW', title: 'Hello' }, crisisResources: [] });
    const postId = created.data!.createPost.post.id;
    expect((await api().graphql(readPost, { id: postId }, { token: newcomer.token })).data?.node).toMatchObject({ status: 'PENDING_REVIEW' });
    expect((await api().graphql(readPost, { id: postId }, { token: facilitator.token })).data?.node).toMatchObject({ status: 'PENDING_REVIEW' });
    expect((await api().graphql(readPost, { id: postId }, { token: regular.token })).data?.node).toBeNull();
    const moderationCase = await api().database.db.selectFrom('moderation_cases').selectAll().where('subject_type', '=', 'POST').execute();
    expect(moderationCase.filter((row) => globalId('Post', row.subject_id) === postId)).toMatchObject([{ held_for_review: true, crisis: false, reasons: ['FIRST_POSTS'] }]);
  });

  it('crisis: publishes an Arabic post that says the writer wants to end their life, flags it first, and shows its author the crisis resources', async () => {
    const { data } = await api().graphql(createPost, { input: { groupId: openGroupId, title: 'تعبت', body: 'أريد أن أنهي حياتي، لم أعد أحتمل.' } }, { token: arabicMember.token });
    expect(data?.createPost).toMatchObject({
      __typename: 'CreatePostPayload',
      post: { status: 'PUBLISHED' },
      crisisResources: [{ name: 'خط الدعم', phone: '920000000', url: null, locale: 'ar' }],
    });
    const [row] = await api().database.db.selectFrom('moderation_cases').selectAll().where('crisis', '=', true).execute();
    expect(row).toMatchObject({ held_for_review: false, reasons: ['CRISIS_LANGUAGE'] });
    // The reader sees it; a reply in crisis is flagged the same way.
    expect((await api().graphql(readPost, { id: data!.createPost.post.id }, { token: regular.token })).data?.node).toMatchObject({ status: 'PUBLISHED' });
    const reply = await api().graphql(createReply, { input: { postId: data!.createPost.post.id, body: 'وأنا كمان بدي موت' } }, { token: regular.token });
    expect(reply.data?.createReply).toMatchObject({ __typename: 'CreateReplyPayload', reply: { status: 'PUBLISHED' }, crisisResources: [{ name: 'خط الدعم' }] });
  });

  it('negation: "لن أؤذي نفسي" publishes without a flag or resources', async () => {
    const { data } = await api().graphql(createPost, { input: { groupId: openGroupId, title: 'وعد', body: 'لن أؤذي نفسي، أعدكم.' } }, { token: arabicMember.token });
    expect(data?.createPost).toMatchObject({ post: { status: 'PUBLISHED' }, crisisResources: [] });
  });

  it('word lists: a blocked phrase is a ValidationError on its field, and nothing is written', async () => {
    const before = await databaseFingerprint(api().database.db);
    const { data } = await api().graphql(createPost, { input: { groupId: openGroupId, title: 'عنوان', body: 'فيه كَلِمَة مَحْظُورَة هنا' } }, { token: regular.token });
    expect(data?.createPost).toMatchObject({ __typename: 'ValidationError', fields: [{ path: ['input', 'body'] }] });
    expect(JSON.stringify(data)).not.toContain('محظور');
    expect(await databaseFingerprint(api().database.db)).toEqual(before);
  });

  it('rate limit: refuses a member past the post allowance with RateLimitedError and its retry-after, writing nothing', async () => {
    const group = await t.group();
    const poster = await t.join(group);
    const input = (index: number) => ({ groupId: globalId('Group', group.id), title: `Post ${index}`, body: 'Short update.' });
    for (let index = 0; index < 5; index += 1) {
      expect((await api().graphql(createPost, { input: input(index) }, { token: poster.token })).data?.createPost.__typename).toBe('CreatePostPayload');
    }
    const before = await databaseFingerprint(api().database.db);
    const refused = await api().graphql(createPost, { input: input(5) }, { token: poster.token });
    expect(refused.data?.createPost.__typename).toBe('RateLimitedError');
    expect(refused.data?.createPost.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.data?.createPost.retryAfterSeconds).toBeLessThanOrEqual(600);
    expect(await databaseFingerprint(api().database.db)).toEqual(before);
  });
});
