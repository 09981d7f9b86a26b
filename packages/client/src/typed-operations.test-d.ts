import { describe, expectTypeOf, it } from 'vitest';
import * as hearthClient from './index.js';
import {
  createHearthClient,
  graphql,
  groupsQuery,
  joinGroupMutation,
  meQuery,
  revealAnonymousAuthorMutation,
  narrowResult,
  paginate,
  type HearthErrorTypename,
  type ResultOf,
  type TadaDocumentNode,
  type VariablesOf,
} from './index.js';

/**
 * Type-level tests (compiled by vitest's typecheck and `pnpm typecheck`, never run). They prove that a document
 * which no longer matches schema.graphql stops the build: gql.tada types a field the schema lacks as `unknown`, so
 * every operation this package exports must be free of `unknown`, and using such a field fails to compile.
 * `gql-tada check` (in typecheck and schema-drift.test.ts) reports the document itself, with the field's name.
 */

/** Whether `unknown` appears anywhere in a result type: the mark of a field the schema does not have. */
type HasUnknown<T> = unknown extends T
  ? true
  : T extends ReadonlyArray<infer Item>
    ? HasUnknown<Item>
    : T extends object
      ? { [K in keyof T]-?: HasUnknown<T[K]> }[keyof T] extends false
        ? false
        : true
      : false;

type Exports = typeof hearthClient;
type ExportedDocuments = { [Name in keyof Exports]: Exports[Name] extends TadaDocumentNode<infer Result, any> ? Result : never };
/** Names of exported operations and fragments with a field the schema lacks; `never` when all match. */
type DocumentsOutOfStep = { [Name in keyof ExportedDocuments]: HasUnknown<ExportedDocuments[Name]> extends false ? never : Name }[keyof ExportedDocuments];

const client = createHearthClient({ url: 'http://hearth.test/graphql' });

describe('typed operations', () => {
  it('every exported document matches the schema (no field typed unknown)', () => {
    // The check sees the documents (and would see a field the schema lacks in any of them) …
    expectTypeOf<ExportedDocuments['meQuery']>().toEqualTypeOf<ResultOf<typeof meQuery>>();
    // … and finds none.
    expectTypeOf<DocumentsOutOfStep>().toEqualTypeOf<never>();
  });

  it('a misspelled field is caught: typed unknown, and unusable as the real field', () => {
    const misspelled = graphql(`query Misspelled { me { displayNam } }`);
    expectTypeOf<HasUnknown<ResultOf<typeof misspelled>>>().toEqualTypeOf<true>();
    const data = {} as ResultOf<typeof misspelled>;
    // @ts-expect-error `displayNam` is not a field of Member, so it is not a string
    const name: string | undefined = data.me?.displayNam;
    void name;

    const spelled = graphql(`query Spelled { me { displayName } }`);
    expectTypeOf<ResultOf<typeof spelled>>().toEqualTypeOf<{ me: { displayName: string } | null }>();
  });

  it("variables follow the schema's input types", () => {
    expectTypeOf<VariablesOf<typeof joinGroupMutation>['input']>().toHaveProperty('groupId').toEqualTypeOf<string>();
    // @ts-expect-error `groupID` is not a field of JoinGroupInput (and `groupId` is required)
    void client.request(joinGroupMutation, { input: { groupID: 'R3JvdXA6MQ' } });
    // @ts-expect-error joinGroup needs its variables
    void client.request(joinGroupMutation);
    // @ts-expect-error facilitation is an enum
    void client.request(groupsQuery, { filter: { facilitation: 'PEER' } });
    void client.request(groupsQuery, { filter: { facilitation: 'PEER_LED', languages: ['ar'] }, first: 10 });
    void client.request(meQuery);
  });

  it('a request settles to a discriminated result', async () => {
    const result = await client.request(meQuery);
    if (result.kind === 'ok') expectTypeOf(result.data.me).toEqualTypeOf<ResultOf<typeof meQuery>['me']>();
    if (result.kind === 'http') expectTypeOf(result.status).toEqualTypeOf<number>();
    if (result.kind === 'network') expectTypeOf(result.cause).toEqualTypeOf<unknown>();
    if (result.kind === 'graphql') expectTypeOf(result.data).toEqualTypeOf<ResultOf<typeof meQuery> | null>();
  });

  it('setGroupAppearance takes a kind from the schema and answers the appearance', async () => {
    const changed = await client.mutate(
      hearthClient.setGroupAppearanceMutation,
      { input: { groupId: 'R3JvdXA6MQ', appearance: { kind: 'PSEUDONYM', pseudonym: 'Fern' } } },
      (data) => data.setGroupAppearance,
    );
    if (changed.kind === 'ok') expectTypeOf(changed.data.appearance).toEqualTypeOf<{ kind: 'NAME' | 'PSEUDONYM'; pseudonym: string | null } | null>();
    // @ts-expect-error ANONYMOUS is not an AppearanceKind
    void client.mutate(hearthClient.setGroupAppearanceMutation, { input: { groupId: 'R3JvdXA6MQ', appearance: { kind: 'ANONYMOUS' } } }, (data) => data.setGroupAppearance);
  });

  it("mutate narrows a result union into the payload and the API's typed errors", async () => {
    const joined = await client.mutate(joinGroupMutation, { input: { groupId: 'R3JvdXA6MQ' } }, (data) => data.joinGroup);
    if (joined.kind === 'ok') {
      expectTypeOf(joined.data.__typename).toEqualTypeOf<'Membership'>();
      expectTypeOf(joined.data.status).toEqualTypeOf<'ACTIVE' | 'BANNED' | 'LEFT' | 'PENDING' | 'REJECTED' | 'SUSPENDED' | 'WAITLISTED'>();
    }
    if (joined.kind === 'error') {
      expectTypeOf(joined.error.__typename).toEqualTypeOf<'ConflictError' | 'ForbiddenError' | 'GroupFullError' | 'NotFoundError' | 'ValidationError'>();
      if (joined.error.__typename === 'GroupFullError') expectTypeOf(joined.error.waitlistOpen).toEqualTypeOf<boolean>();
      if (joined.error.__typename === 'ValidationError') expectTypeOf(joined.error.fields).toEqualTypeOf<Array<{ path: string[]; message: string }>>();
      // @ts-expect-error JoinGroupResult has no RateLimitedError
      expectTypeOf(joined.error.__typename).toEqualTypeOf<'RateLimitedError'>();
    }
    const union = {} as ResultOf<typeof joinGroupMutation>['joinGroup'];
    expectTypeOf(narrowResult(union)).toEqualTypeOf<Exclude<Awaited<typeof joined>, { kind: 'graphql' | 'http' | 'network' }>>();
  });

  it("a reveal's answer is what the institution acts on: the host's user id and the name, with the audit entry", () => {
    const revealed = {} as ResultOf<typeof revealAnonymousAuthorMutation>['revealAnonymousAuthor'];
    expectTypeOf(revealed.__typename).toEqualTypeOf<'ForbiddenError' | 'NotFoundError' | 'RevealedAuthor' | 'ValidationError'>();
    if (revealed.__typename === 'RevealedAuthor') {
      expectTypeOf(revealed.externalId).toEqualTypeOf<string>();
      expectTypeOf(revealed.displayName).toEqualTypeOf<string>();
      expectTypeOf(revealed.auditEntry.reason).toEqualTypeOf<string>();
    }
  });

  it("the error typenames are the schema's Error implementations", () => {
    expectTypeOf<HearthErrorTypename>().toEqualTypeOf<'ConflictError' | 'ForbiddenError' | 'GroupFullError' | 'NotFoundError' | 'RateLimitedError' | 'ValidationError'>();
  });

  it("paginate yields the connection's node type and only accepts connection documents", () => {
    const groups = paginate(client, groupsQuery, { filter: { text: 'grief' } }, (data) => data.groups);
    expectTypeOf(groups).toEqualTypeOf<AsyncGenerator<ResultOf<typeof groupsQuery>['groups']['edges'][number]['node'], void, undefined>>();
    // @ts-expect-error `first` and `after` are paginate's to set
    void paginate(client, groupsQuery, { first: 5 }, (data) => data.groups);
    // @ts-expect-error `me` is not a connection
    void paginate(client, meQuery, {}, (data) => data.me);
  });
});
