import { plural } from '../localization/catalog.js';

const en = {
  heading: 'Find a support group',
  searchLabel: 'Search groups',
  searchHint: 'A condition, a topic or a name, e.g. diabetes or grief',
  search: 'Search',
  filters: 'Filters',
  topics: 'Topics',
  anyOption: 'Any',
  facilitationLabel: 'Led by',
  joinPolicyLabel: 'How to join',
  formatsLabel: 'Meets',
  languageLabel: 'Language',
  acceptingLabel: 'Only groups accepting new members',
  resultCount: (count: number, more: boolean) => (more ? `More than ${count} groups found` : plural('en', count, { one: '{n} group found', other: '{n} groups found' })),
  noResultsTitle: 'No groups match',
  noResultsBody: 'Try other words or fewer filters. Some groups are not listed publicly: ask the care team.',
  members: (count: number) => plural('en', count, { one: '{n} member', other: '{n} members' }),
  places: (left: number) => plural('en', left, { one: '{n} place left', other: '{n} places left' }),
  full: 'Full',
  ledBy: (names: string) => `With ${names}`,
  viewGroup: (name: string) => `View ${name}`,
  languages: (names: string) => `In ${names}`,
  crisisHeading: 'You don’t have to face this alone',
  crisisLead: 'If you are thinking about ending your life or hurting yourself, you can talk to someone now:',
  myGroups: 'My groups',
  /** The viewer's own status on a card (a waitlisted member's is `waitlisted`). */
  membership: { ACTIVE: 'You are a member', PENDING: 'Your request is pending', SUSPENDED: 'Your membership is paused' } as Record<string, string>,
  waitlisted: (position: number | null) => (position ? `On the waiting list (number ${position})` : 'On the waiting list'),
};

export type GroupFinderMessages = typeof en;
export default en;
