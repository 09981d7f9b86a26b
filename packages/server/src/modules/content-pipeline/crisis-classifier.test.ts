import { afterAll, beforeAll, expect, it } from 'vitest';
import { databaseFingerprint } from '../../../test-support/database-fingerprint.js';
import { describeEachDatabase } from '../../../test-support/test-api.js';
import { createCast, createPostMutation, type Cast } from '../posts/posts-test-fixtures.js';
import { answerJson, startTestClassifier, type TestClassifier } from './crisis-classifier-test-server.js';

/** Institution.crisisClassifierUrl through the API: who sets and reads it, and what it does to a post. */
const updateInstitution = /* GraphQL */ `
  mutation($input: UpdateInstitutionInput!) {
    updateInstitution(input: $input) {
      __typename
      ... on Institution { crisisClassifierUrl }
      ... on ValidationError { fields { path message } }
    }
  }
`;
const readUrl = `query($slug: String!) { institution(slug: $slug) { name crisisClassifierUrl } }`;

describeEachDatabase('crisis classifier setting and calls', (api) => {
  let classifier: TestClassifier;
  let cast: Cast;
  const db = () => api().database.db;

  beforeAll(async () => {
    classifier = await startTestClassifier();
    cast = await createCast(api());
  });
  afterAll(() => classifier.close());

  it('is set by an admin (https, or http on a loopback host), read by admins only, and cleared with null', async () => {
    for (const url of ['https://classifier.clinic.example/check?key=abc', 'http://localhost:8080/check', 'http://[::1]:9000/', classifier.url]) {
      const set = await api().graphql(updateInstitution, { input: { crisisClassifierUrl: url } }, { token: cast.admin.token });
      expect(set.data?.updateInstitution).toEqual({ __typename: 'Institution', crisisClassifierUrl: url });
    }
    expect((await api().graphql(readUrl, { slug: cast.institution.row.slug }, { token: cast.institution.serviceToken })).data?.institution.crisisClassifierUrl).toBe(classifier.url);
    for (const options of [{ token: cast.member.token }, { token: cast.professional.token }, { institution: cast.institution.row.slug }, { token: cast.otherTenant.token }]) {
      const read = await api().graphql(readUrl, { slug: cast.institution.row.slug }, options);
      expect(read.data?.institution).toMatchObject({ crisisClassifierUrl: null });
    }
    const unchanged = await api().graphql(updateInstitution, { input: { name: 'Riverside' } }, { token: cast.admin.token });
    expect(unchanged.data?.updateInstitution.crisisClassifierUrl).toBe(classifier.url);
    const cleared = await api().graphql(updateInstitution, { input: { crisisClassifierUrl: null } }, { token: cast.admin.token });
    expect(cleared.data?.updateInstitution.crisisClassifierUrl).toBeNull();
  });

  it.each(['http://classifier.clinic.example/check', 'http://10.0.0.5/check', 'ftp://classifier.clinic.example', 'not a url', 'https://user:pw@classifier.clinic.example/', `https://clinic.example/${'a'.repeat(500)}`])(
    'refuses %s with a ValidationError and writes nothing',
    async (url) => {
      const before = await databaseFingerprint(db());
      const refused = await api().graphql(updateInstitution, { input: { crisisClassifierUrl: url } }, { token: cast.admin.token });
      expect(refused.data?.updateInstitution).toMatchObject({ __typename: 'ValidationError', fields: [{ path: ['input', 'crisisClassifierUrl'] }] });
      expect(await databaseFingerprint(db())).toEqual(before);
    },
  );

  it('refuses members who are not admins', async () => {
    const refused = await api().graphql(updateInstitution, { input: { crisisClassifierUrl: classifier.url } }, { token: cast.professional.token });
    expect(refused.data?.updateInstitution.__typename).toBe('ForbiddenError');
  });

  it("flags a post the classifier finds in crisis, and the author gets the resources at once", async () => {
    await api().graphql(updateInstitution, { input: { crisisClassifierUrl: classifier.url } }, { token: cast.admin.token });
    classifier.answer = answerJson(200, { riskLevel: 'HIGH', warningSigns: ['BURDENSOMENESS'] });
    const created = await api().graphql(createPostMutation, { input: { groupId: cast.groupId, title: 'Lately', body: 'The garden is full of tomatoes this week.' } }, { token: cast.author.token });
    expect(created.data?.createPost.post.status).toBe('PUBLISHED');
    expect(created.data?.createPost.crisisResources.length).toBeGreaterThan(0);
    const subjectId = Buffer.from(created.data?.createPost.post.id, 'base64').toString('utf8').split(':')[1]!;
    const flagged = await db().selectFrom('moderation_cases').select(['crisis', 'reasons']).where('subject_id', '=', subjectId).executeTakeFirst();
    expect(flagged).toEqual({ crisis: true, reasons: ['CRISIS_CLASSIFIER'] });
  });

  it('publishes within bounds when the classifier is slower than the default timeout (1500 ms)', async () => {
    await api().graphql(updateInstitution, { input: { crisisClassifierUrl: classifier.url } }, { token: cast.admin.token });
    classifier.answer = (request, response) => void setTimeout(() => answerJson(200, { riskLevel: 'IMMINENT', warningSigns: [] })(request, response), 5000);
    const started = performance.now();
    const created = await api().graphql(createPostMutation, { input: { groupId: cast.groupId, title: 'Slow day', body: 'Nothing much to report.' } }, { token: cast.member.token });
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(1400);
    expect(elapsed).toBeLessThan(3500);
    expect(created.data?.createPost).toMatchObject({ __typename: 'CreatePostPayload', post: { status: 'PUBLISHED' }, crisisResources: [] });
  });

  it("answers the writer normally when the classifier fails, with nothing of its answer", async () => {
    await api().graphql(updateInstitution, { input: { crisisClassifierUrl: classifier.url } }, { token: cast.admin.token });
    classifier.answer = answerJson(500, { error: 'stack trace from the classifier' });
    const created = await api().graphql(createPostMutation, { input: { groupId: cast.groupId, title: 'Another day', body: 'Quiet at home.' } }, { token: cast.member.token });
    expect(created.errors).toBeUndefined();
    expect(created.data?.createPost).toMatchObject({ __typename: 'CreatePostPayload', post: { status: 'PUBLISHED' }, crisisResources: [] });
    expect(JSON.stringify(created)).not.toMatch(/stack trace|secret-key|127\.0\.0\.1/);
  });
});
