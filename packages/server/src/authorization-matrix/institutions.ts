import { decide, everyone, managers, mutationOutcome, only, type Operation } from '../../test-support/authorization-matrix.js';
import { createTestMember } from '../../test-support/factories.js';
import { encodeGlobalId as globalId } from '../schema/global-ids.js';

/** The signed-in member's own profile, and the institution's settings read and changed by its managers. */
export const profileOperations: Operation[] = [
  {
    name: 'me',
    run: async ({ api, actor }) => {
      const result = await api.graphql(`{ me { displayName } }`, {}, actor);
      return result.data?.me?.displayName ? 'allow' : 'hidden';
    },
    same: { ...everyone('allow'), guest: 'hidden', serviceToken: 'hidden' },
    other: { ...everyone('allow'), guest: 'hidden', serviceToken: 'hidden' },
  },
  {
    name: 'updateProfile',
    run: decide('updateProfile', 'UpdateProfileInput', async () => ({ bio: 'Matrix' }), ['Member']),
    same: { ...everyone('allow'), guest: 'deny', serviceToken: 'deny' },
    other: { ...everyone('allow'), guest: 'deny', serviceToken: 'deny' },
  },
  {
    name: 'updateInstitution',
    run: decide('updateInstitution', 'UpdateInstitutionInput', async () => ({ name: 'Renamed in matrix' }), ['Institution']),
    same: only(managers, 'deny'),
    other: only(managers, 'deny'),
  },
  {
    name: "read an institution's allowedOrigins",
    run: async ({ api, actor, targetInstitution }) => {
      const result = await api.graphql(`query($slug: String!) { institution(slug: $slug) { name allowedOrigins } }`, { slug: targetInstitution.row.slug }, actor);
      if (!result.data?.institution) return 'hidden';
      return result.data.institution.allowedOrigins ? 'allow' : 'deny';
    },
    same: only(managers, 'deny'),
    other: everyone('deny'),
  },
  {
    name: 'updateInstitution (crisisClassifierUrl)',
    run: async ({ api, actor }) => {
      const set = (url: string | null) =>
        api.graphql(`mutation($url: String) { updateInstitution(input: { crisisClassifierUrl: $url }) { __typename } }`, { url }, actor);
      const outcome = mutationOutcome(await set('https://classifier.matrix.invalid/check'), 'updateInstitution', ['Institution']);
      // Cleared at once, so later cells' posts in the actor's institution never call it.
      if (outcome === 'allow') await set(null);
      return outcome;
    },
    same: only(managers, 'deny'),
    other: only(managers, 'deny'),
  },
  {
    name: "read an institution's crisisClassifierUrl",
    run: async ({ api, db, actor, targetInstitution }) => {
      const setUrl = (url: string | null) => db.updateTable('institutions').set({ crisis_classifier_url: url }).where('id', '=', targetInstitution.row.id).execute();
      await setUrl('https://classifier.matrix.invalid/check?key=secret');
      try {
        const result = await api.graphql(`query($slug: String!) { institution(slug: $slug) { name crisisClassifierUrl } }`, { slug: targetInstitution.row.slug }, actor);
        if (!result.data?.institution) return 'hidden';
        return result.data.institution.crisisClassifierUrl ? 'allow' : 'deny';
      } finally {
        await setUrl(null);
      }
    },
    same: only(managers, 'deny'),
    other: everyone('deny'),
  },
];

/** The institution's credentials and admins: SSO keys, service tokens, who is an admin. */
export const institutionAdminOperations: Operation[] = [
  {
    name: 'rotateSsoKey',
    run: async ({ api, actor }) => mutationOutcome(await api.graphql(`mutation { rotateSsoKey { __typename } }`, {}, actor), 'rotateSsoKey', ['RotateSsoKeyPayload']),
    same: only(managers, 'deny'),
    other: only(managers, 'deny'),
  },
  {
    name: 'createServiceToken',
    run: decide('createServiceToken', 'CreateServiceTokenInput', async () => ({ name: 'matrix' }), ['CreateServiceTokenPayload']),
    same: only(managers, 'deny'),
    other: only(managers, 'deny'),
  },
  {
    name: "setInstitutionAdmin on the target institution's member",
    run: async (cell) => {
      const subject = await createTestMember(cell.db, cell.targetInstitution);
      return decide('setInstitutionAdmin', 'SetInstitutionAdminInput', async () => ({ memberId: globalId('Member', subject.row.id), admin: true }), ['Member'])(cell);
    },
    same: only(managers, 'deny'),
    other: everyone('deny'),
  },
  {
    name: "read an institution's ssoKeys and serviceTokens",
    run: async ({ api, actor, targetInstitution }) => {
      const result = await api.graphql(`query($slug: String!) { institution(slug: $slug) { ssoKeys { kid } serviceTokens { name } } }`, { slug: targetInstitution.row.slug }, actor);
      if (!result.data?.institution) return 'hidden';
      const { ssoKeys, serviceTokens } = result.data.institution;
      if (ssoKeys && serviceTokens) return 'allow';
      if (!ssoKeys && !serviceTokens) return 'deny';
      throw new Error(`ssoKeys and serviceTokens disagree: ${JSON.stringify(result.data)}`);
    },
    same: only(managers, 'deny'),
    other: everyone('deny'),
  },
  {
    name: 'retireSsoKey (one of two)',
    run: async (cell) => {
      // A spare key in the target institution, so retiring it never leaves the institution without one.
      const kid = `spare-${Math.random().toString(36).slice(2, 8)}`;
      await cell.db.insertInto('sso_keys').values({ institution_id: cell.targetInstitution.row.id, kid, secret: 'spare-secret-spare-secret-spare-secret', algorithm: 'HS256' }).execute();
      return decide('retireSsoKey', 'RetireSsoKeyInput', async () => ({ kid }), ['SsoKey'])(cell);
    },
    same: only(managers, 'deny'),
    // Another institution's managers retire keys of their own institution only: the key is not found there.
    other: { ...everyone('deny'), institutionAdmin: 'hidden', serviceToken: 'hidden' },
  },
  {
    name: 'revokeServiceToken',
    run: async (cell) => {
      const token = await cell.db
        .insertInto('service_tokens')
        .values({ institution_id: cell.targetInstitution.row.id, name: 'spare', token_hash: `matrix-${Math.random().toString(36).slice(2)}` })
        .returning('id')
        .executeTakeFirstOrThrow();
      return decide('revokeServiceToken', 'RevokeServiceTokenInput', async () => ({ serviceTokenId: globalId('ServiceToken', token.id) }), ['ServiceToken'])(cell);
    },
    same: only(managers, 'deny'),
    other: everyone('deny'),
  },
];

/** The institution's safety settings: crisis resources and the moderation word list. */
export const safetyAdminOperations: Operation[] = [
  {
    name: 'setCrisisResources',
    run: decide('setCrisisResources', 'SetCrisisResourcesInput', async () => ({ locale: 'en', resources: [{ name: 'Clinic line', phone: '+44 20 7946 0000' }] }), ['SetCrisisResourcesPayload']),
    // Acts on the actor's own institution, whichever group the cell targets.
    same: only(managers, 'deny'),
    other: only(managers, 'deny'),
  },
  {
    name: 'addWordListEntry',
    run: decide('addWordListEntry', 'AddWordListEntryInput', async () => ({ phrase: `matrix ${Math.random().toString(36).slice(2, 8)}`, action: 'HOLD' }), ['WordListEntry']),
    same: only(managers, 'deny'),
    other: only(managers, 'deny'),
  },
  {
    name: 'removeWordListEntry',
    run: async (cell) => {
      const entry = await cell.db
        .insertInto('word_list_entries')
        .values({ institution_id: cell.targetInstitution.row.id, phrase: 'spare', normalized_phrase: `spare ${Math.random().toString(36).slice(2)}`, action: 'HOLD' })
        .returning('id')
        .executeTakeFirstOrThrow();
      return decide('removeWordListEntry', 'RemoveWordListEntryInput', async () => ({ entryId: globalId('WordListEntry', entry.id) }), ['WordListEntry'])(cell);
    },
    same: only(managers, 'deny'),
    // Another institution's managers look in their own list: the entry is not there.
    other: { ...everyone('deny'), institutionAdmin: 'hidden', serviceToken: 'hidden' },
  },
  {
    name: "read an institution's word list",
    run: async ({ api, actor, targetInstitution }) => {
      const result = await api.graphql(`query($slug: String!) { institution(slug: $slug) { wordListEntries { edges { node { phrase } } } } }`, { slug: targetInstitution.row.slug }, actor);
      if (!result.data?.institution) return 'hidden';
      return result.data.institution.wordListEntries ? 'allow' : 'deny';
    },
    same: only(managers, 'deny'),
    other: everyone('deny'),
  },
];
