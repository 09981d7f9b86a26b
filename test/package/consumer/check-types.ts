/**
 * A TypeScript consumer of the installed @hearth/client, type-checked (never run) by client-tarball.test.ts: the
 * operations, results and pagination must be typed from the schema through the package's own declarations.
 */
import { createHearthClient, groupsQuery, joinGroupMutation, paginate, type ResultOf } from '@hearth/client';

const hearth = createHearthClient({ url: 'http://localhost:4000/graphql', institution: 'riverside' });

export async function groupNames(): Promise<string[]> {
  const names: string[] = [];
  for await (const group of paginate(hearth, groupsQuery, { filter: { text: 'grief' } }, (data) => data.groups)) names.push(group.name);
  return names;
}

/** The join's outcome: the membership's status, the typed error's name, or how the request failed. */
export async function joinOutcome(groupId: string): Promise<string> {
  const joined = await hearth.mutate(joinGroupMutation, { input: { groupId } }, (data) => data.joinGroup);
  if (joined.kind === 'ok') return joined.data.status;
  if (joined.kind === 'error') return joined.error.__typename;
  return joined.kind;
}

type GroupSummary = ResultOf<typeof groupsQuery>['groups']['edges'][number]['node'];
type IsAny<T> = 0 extends 1 & T ? true : false;
export const summaryIsTyped: IsAny<GroupSummary> = false;
export const policy: GroupSummary['joinPolicy'] = 'APPROVAL';

// Declarations that had degraded to `any` would accept both of these, and the directives would then be errors.
// @ts-expect-error: joinPolicy is one of the schema's enum values
export const unknownPolicy: GroupSummary['joinPolicy'] = 'SOMETIMES';
// @ts-expect-error: GroupFilter has no such field
export const unknownFilter = () => hearth.request(groupsQuery, { filter: { colour: 'blue' } });
