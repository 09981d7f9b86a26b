import type { Browser, Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { chromiumAvailable, phoneViewport } from '../support/chromium.js';
import { newPersonToken, withDemoStackAndBrowser, type DemoStack } from '../support/demo-stack.js';
import { deepText } from '../support/page-text.js';

/**
 * `<hearth-group>` in every state of its join flow, in Chromium against the real API: each test makes its own
 * group and people through the API (the institution's service token, members' SSO tokens), as the state would
 * come about, then reads the page as that person: what the membership card says, what it offers, and — for the
 * states a reader reaches on the page — what the API holds after they act.
 */

const questions = ['What are you hoping to find here?', 'How did you hear about the group?'];

describe.runIf(chromiumAvailable)('the join states of <hearth-group>', () => {
  let stack: DemoStack;
  let browser: Browser;
  let serviceToken: string;
  let counter = 0;
  const pages: Page[] = [];

  withDemoStackAndBrowser((started) => {
    ({ stack, browser } = started);
    serviceToken = stack.credentials.institutions.find((each) => each.slug === 'riverside')!.serviceToken;
  });

  afterEach(async () => {
    for (const page of pages.splice(0)) await page.close();
  });

  /** Runs GraphQL and returns the one mutation's or query's result, failing on errors and on a typed error. */
  async function api<T>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
    const response = await stack.graphql<Record<string, T & { __typename?: string; message?: string }>>(query, variables, { token });
    const result = response.data && Object.values(response.data)[0];
    if (!result || (result.message && result.__typename?.endsWith('Error'))) throw new Error(JSON.stringify(response));
    return result;
  }

  async function createGroup(input: Record<string, unknown>): Promise<{ id: string; name: string }> {
    counter += 1;
    return api<{ id: string; name: string }>(
      `mutation ($input: CreateGroupInput!) { createGroup(input: $input) { __typename ... on Group { id name } ... on Error { message } } }`,
      { input: { slug: `join-state-${counter}`, name: `Join state group ${counter}`, languages: ['en'], facilitation: 'PEER_LED', visibility: 'PUBLIC', joinPolicy: 'OPEN', ...input } },
      serviceToken,
    );
  }

  /** A group of two seats (the fewest the API allows), both taken: through the open door, or approved. */
  async function fullGroup(input: Record<string, unknown>): Promise<{ id: string; name: string }> {
    const group = await createGroup({ ...input, capacity: 2 });
    for (const name of ['First Seat', 'Second Seat']) {
      const membership = await join(await person(name), group.id, input.joinPolicy === 'APPROVAL' ? { answers: ['Hello.'] } : {});
      if (membership.status === 'PENDING') {
        await api(`mutation ($input: DecideJoinRequestInput!) { approveJoinRequest(input: $input) { __typename ... on Membership { status } ... on Error { message } } }`, { input: { membershipId: membership.id } }, serviceToken);
      }
    }
    return group;
  }

  /** Someone new at Riverside, with their SSO token. */
  function person(name: string): Promise<string> {
    counter += 1;
    return newPersonToken(stack, 'riverside', `join-state-person-${counter}`, name);
  }

  async function join(token: string, groupId: string, extra: Record<string, unknown> = {}, mutation: 'joinGroup' | 'joinWaitlist' = 'joinGroup') {
    const input = mutation === 'joinGroup' ? 'JoinGroupInput' : 'JoinWaitlistInput';
    return api<{ id: string; status: string }>(
      `mutation ($input: ${input}!) { ${mutation}(input: $input) { __typename ... on Membership { id status } ... on Error { message } } }`,
      { input: { groupId, ...extra } },
      token,
    );
  }

  /** A facilitator's decision on a membership, taken with the institution's service token. */
  async function decide(mutation: 'rejectJoinRequest' | 'banMember' | 'suspendMember', input: Record<string, unknown>) {
    const type = { rejectJoinRequest: 'DecideJoinRequestInput', banMember: 'BanMemberInput', suspendMember: 'SuspendMemberInput' }[mutation];
    return api<{ status: string }>(`mutation ($input: ${type}!) { ${mutation}(input: $input) { __typename ... on Membership { status } ... on Error { message } } }`, { input }, serviceToken);
  }

  /** The reader's own membership, as the API has it. */
  async function standing(token: string, groupId: string) {
    const response = await stack.graphql<{ node: { viewerMembership: { status: string; answers: string[] } | null } }>(
      `query ($id: ID!) { node(id: $id) { ... on Group { viewerMembership { status answers } } } }`,
      { id: groupId },
      { token },
    );
    return response.data?.node.viewerMembership ?? null;
  }

  /** A host page with the group's element for `token` (a guest without one), and its membership card. */
  async function open(groupId: string, token?: string): Promise<{ page: Page; card: Locator; group: Locator }> {
    const page = await browser.newPage({ viewport: phoneViewport });
    pages.push(page);
    await stack.hostPages.open(page, {
      head: `<script type="module">document.addEventListener('hearth-membership-change', (event) => { window.membershipChanges = [...(window.membershipChanges ?? []), event.detail.status]; });</script>`,
      body: `<main><h1>Group</h1><hearth-group group="${groupId}"${token ? ` token="${token}"` : ''}></hearth-group></main>`,
    });
    const group = page.locator('hearth-group');
    const card = group.locator('[part~="membership"]');
    await card.waitFor();
    return { page, card, group };
  }

  async function expectText(locator: Locator, text: string): Promise<void> {
    await expect.poll(() => deepText(locator), { timeout: 15_000 }).toContain(text);
  }

  const statusLine = (card: Locator) => card.locator('#status');
  const membershipChanges = (page: Page) => page.evaluate(() => (window as unknown as { membershipChanges?: string[] }).membershipChanges ?? []);

  it('a guest: how to join and a sign-in, no join button', async () => {
    const group = await createGroup({ joinPolicy: 'APPROVAL', entryQuestions: questions });
    const { card } = await open(group.id);
    await expectText(card, 'A facilitator reviews each request to join');
    await card.locator('[part~="signed-out"]').getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await card.getByRole('button', { name: 'Send request' }).count()).toBe(0);
    expect(await card.locator('textarea').count()).toBe(0);
  });

  it('someone who can join an open group joins with one button, and the API has them as a member', async () => {
    const group = await createGroup({ joinPolicy: 'OPEN' });
    const token = await person('Open Joiner');
    const { page, card, group: element } = await open(group.id, token);
    await expectText(statusLine(card), 'Anyone can join this group straight away.');
    await card.getByRole('button', { name: 'Join this group' }).click();
    await expectText(statusLine(card), `You have joined ${group.name}. Welcome.`);
    expect(await standing(token, group.id)).toMatchObject({ status: 'ACTIVE' });
    expect(await membershipChanges(page)).toEqual(['ACTIVE']);
    // A member may post: the composer comes with the new membership.
    await element.locator('hearth-composer').getByLabel('Title').waitFor();
  });

  it('a group with entry questions asks each one, refuses a request without answers, then sends them', async () => {
    const group = await createGroup({ joinPolicy: 'APPROVAL', entryQuestions: questions });
    const token = await person('Question Answerer');
    const { card } = await open(group.id, token);
    await card.getByRole('button', { name: 'Send request' }).click();
    // Both unanswered: each says so, focus on the first, nothing sent.
    await expect.poll(() => card.locator('.problem').allTextContents()).toEqual(['Please answer this question.', 'Please answer this question.']);
    expect(await card.getByLabel(questions[0]!).evaluate((field) => field === (field.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    expect(await standing(token, group.id)).toBeNull();
    await card.getByLabel(questions[0]!).fill('People who understand.');
    await card.getByLabel(questions[1]!).fill('My nurse.');
    await card.getByRole('button', { name: 'Send request' }).click();
    await expectText(statusLine(card), 'Your request has been sent; a facilitator will review it.');
    expect(await standing(token, group.id)).toEqual({ status: 'PENDING', answers: ['People who understand.', 'My nurse.'] });
  });

  it('a pending request: where it stands, the answers sent, and a way to withdraw it', async () => {
    const group = await createGroup({ joinPolicy: 'APPROVAL', entryQuestions: questions });
    const token = await person('Pending Applicant');
    expect((await join(token, group.id, { answers: ['Company.', 'A leaflet.'] })).status).toBe('PENDING');
    const { card } = await open(group.id, token);
    await expectText(statusLine(card), 'Your request has been sent; a facilitator will review it.');
    await card.getByText('Your answers').click();
    await expectText(card.locator('dl.answers'), 'A leaflet.');
    await card.getByRole('button', { name: 'Withdraw request' }).click();
    await card.getByRole('button', { name: 'Yes, withdraw' }).click();
    await expectText(statusLine(card), 'Your request has been withdrawn.');
    expect(await standing(token, group.id)).toMatchObject({ status: 'LEFT' });
  });

  it('a fee group: the fee, then a pending request that waits for the fee', async () => {
    const group = await createGroup({ joinPolicy: 'FEE', feeDescription: '£20 a term, paid at the front desk.' });
    const token = await person('Fee Payer');
    const { card } = await open(group.id, token);
    await expectText(card, '£20 a term, paid at the front desk.');
    await card.getByRole('button', { name: 'Request a place' }).click();
    await expectText(statusLine(card), 'Your place is confirmed once the care team has recorded your fee.');
    expect(await standing(token, group.id)).toMatchObject({ status: 'PENDING' });
  });

  it('an invitation-only group asks for the code and refuses one that does not look like a code', async () => {
    const group = await createGroup({ joinPolicy: 'INVITE_ONLY' });
    const token = await person('Invited Reader');
    const { card } = await open(group.id, token);
    await card.getByLabel('Invitation code').fill('nope');
    await card.getByRole('button', { name: 'Join with this code' }).click();
    await expectText(card, 'This does not look like an invitation code.');
    expect(await standing(token, group.id)).toBeNull();
  });

  it('a full open group offers its waitlist, and joining it puts the reader in line', async () => {
    const group = await fullGroup({ joinPolicy: 'OPEN' });
    const token = await person('Next In Line');
    const { page, card } = await open(group.id, token);
    await expectText(card, 'This group is full at the moment. Join the waitlist');
    expect(await card.getByRole('button', { name: 'Join this group' }).count()).toBe(0);
    await card.getByRole('button', { name: 'Join the waitlist' }).click();
    await expectText(statusLine(card), 'You are on the waitlist, number 1 in line.');
    expect(await standing(token, group.id)).toMatchObject({ status: 'WAITLISTED' });
    expect(await membershipChanges(page)).toEqual(['WAITLISTED']);
  });

  it('a full group that reviews requests says an accepted request waits for a place', async () => {
    const group = await fullGroup({ joinPolicy: 'APPROVAL', entryQuestions: questions.slice(0, 1) });
    const { card } = await open(group.id, await person('Hopeful Applicant'));
    await expectText(card, 'If your request is accepted, you will be on the waitlist until a place frees up.');
    await card.getByRole('button', { name: 'Send request' }).waitFor();
    expect(await card.getByRole('button', { name: 'Join the waitlist' }).count()).toBe(0);
  });

  it('on the waitlist: the place in line and a way to leave it', async () => {
    const group = await fullGroup({ joinPolicy: 'OPEN' });
    await join(await person('First Waiting'), group.id, {}, 'joinWaitlist');
    const token = await person('Second Waiting');
    expect((await join(token, group.id, {}, 'joinWaitlist')).status).toBe('WAITLISTED');
    const { card } = await open(group.id, token);
    await expectText(statusLine(card), 'You are on the waitlist, number 2 in line.');
    await card.getByRole('button', { name: 'Leave the waitlist' }).waitFor();
    expect(await card.getByRole('button', { name: 'Join the waitlist' }).count()).toBe(0);
  });

  it('a member: the membership, the pseudonym, how they appear, leaving, and the composer', async () => {
    const group = await createGroup({ joinPolicy: 'OPEN' });
    const token = await person('Settled Member');
    await join(token, group.id, { appearance: { kind: 'PSEUDONYM', pseudonym: 'Quiet Willow 7' } });
    const { card, group: element } = await open(group.id, token);
    await expectText(statusLine(card), 'You’re a member of this group.');
    await expectText(card, 'Here you go by “Quiet Willow 7”.');
    await card.getByText('How you appear in this group').waitFor();
    await card.getByRole('button', { name: 'Leave group' }).waitFor();
    await element.locator('hearth-composer').getByLabel('Title').waitFor();
    expect(await card.getByRole('button', { name: 'Join this group' }).count()).toBe(0);
  });

  it('a rejected request: the facilitators’ reason, and a new request with the questions', async () => {
    const group = await createGroup({ joinPolicy: 'APPROVAL', entryQuestions: questions });
    const token = await person('Turned Away');
    const request = await join(token, group.id, { answers: ['Hi.', 'Online.'] });
    expect((await decide('rejectJoinRequest', { membershipId: request.id, reason: 'This group is for carers only.' })).status).toBe('REJECTED');
    const { card } = await open(group.id, token);
    await expectText(statusLine(card), 'Your request to join was not accepted.');
    await expectText(card, 'The facilitators said: “This group is for carers only.”');
    await expectText(card, 'If something has changed, you can send a new request.');
    await card.getByLabel(questions[1]!).waitFor();
    await card.getByRole('button', { name: 'Send request' }).waitFor();
  });

  it('a banned member: the reason, and no way back in from the page', async () => {
    const group = await createGroup({ joinPolicy: 'OPEN' });
    const token = await person('Banned Member');
    const membership = await join(token, group.id);
    expect((await decide('banMember', { membershipId: membership.id, reason: 'Repeated harassment of members.' })).status).toBe('BANNED');
    const { card, group: element } = await open(group.id, token);
    await expectText(statusLine(card), 'You can no longer take part in this group.');
    await expectText(card, 'The facilitators said: “Repeated harassment of members.”');
    expect(await card.locator('form').count()).toBe(0);
    expect(await card.getByRole('button').count()).toBe(0);
    expect(await element.locator('hearth-composer').count()).toBe(0);
  });

  it('a suspended member: until when, the reason, leaving still possible, and no composer', async () => {
    const group = await createGroup({ joinPolicy: 'OPEN', publicReading: false });
    const token = await person('Suspended Member');
    const membership = await join(token, group.id);
    const until = new Date(Date.now() + 7 * 24 * 60 * 60 * 1000);
    until.setUTCSeconds(0, 0);
    expect((await decide('suspendMember', { membershipId: membership.id, until: until.toISOString(), reason: 'A cooling-off week.' })).status).toBe('SUSPENDED');
    const { page, card, group: element } = await open(group.id, token);
    const when = await page.evaluate((value) => new Intl.DateTimeFormat('en', { dateStyle: 'long', timeStyle: 'short' }).format(new Date(value)), until.toISOString());
    await expectText(statusLine(card), `You cannot post or reply in this group until ${when}.`);
    await expectText(card, 'The facilitators said: “A cooling-off week.”');
    await card.getByRole('button', { name: 'Leave group' }).waitFor();
    // Still a reader of the group's conversations, but no longer a writer in them.
    await element.locator('hearth-feed').waitFor();
    expect(await element.locator('hearth-composer').count()).toBe(0);
  });
});
