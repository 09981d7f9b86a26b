import { joinGroupMutation, joinWaitlistMutation } from '@hearth/client';
import type { HearthGroupAppearance } from './group-appearance.js';
import type { JoinFlow, JoinTarget } from './join-flow.js';

/**
 * Sending the join form: checking what the reader typed the way the API will, the join or waitlist request, and
 * every answer the API can give, keeping what was typed through each failure. Part of the join form's chunk
 * (load-join-form.ts): only a reader the page offers a way in downloads it. The state is the page's JoinFlow.
 */

const inviteCodePattern = /^[A-Za-z0-9_-]{16,64}$/;

/** The questions a policy asks (APPROVAL and FEE groups review answers) and whether it takes a code. */
export function joinRequirements(target: JoinTarget): { questions: readonly string[]; needsCode: boolean } {
  const reviewed = target.joinPolicy === 'APPROVAL' || target.joinPolicy === 'FEE';
  return { questions: reviewed ? target.questions : [], needsCode: target.joinPolicy === 'INVITE_ONLY' || target.invited };
}

/** Checks what the reader typed the way the API will; returns the problems by field id. */
function check(flow: JoinFlow, questions: readonly string[], needsCode: boolean): Record<string, string> {
  const m = flow.joining;
  const invalid: Record<string, string> = {};
  questions.forEach((_question, index) => {
    const problem = answerProblem(flow, flow.answers[index] ?? '');
    if (problem) invalid[`answer-${index}`] = problem;
  });
  if (needsCode) {
    const code = flow.code.trim();
    if (!code) invalid.code = m.codeRequired;
    else if (!inviteCodePattern.test(code)) invalid.code = m.codeInvalid;
  }
  return invalid;
}

function answerProblem(flow: JoinFlow, answer: string, refused = false): string | undefined {
  const m = flow.joining;
  // Longer answers cannot be typed (maxlength); what else the API refuses is characters it cannot store.
  return !answer.trim() ? m.answerRequired : refused ? m.answerInvalid : undefined;
}

function appearanceOf(flow: JoinFlow): HearthGroupAppearance | null {
  return flow.access.root().querySelector<HearthGroupAppearance>('hearth-group-appearance');
}

export async function submitJoin(flow: JoinFlow, event: SubmitEvent, target: JoinTarget, intent: 'join' | 'waitlist'): Promise<void> {
  event.preventDefault();
  if (flow.busy) return;
  const { questions, needsCode } = joinRequirements(target);
  flow.set(() => ((flow.problem = undefined), (flow.outcome = undefined), (flow.invalid = check(flow, questions, needsCode))));
  const firstInvalid = Object.keys(flow.invalid)[0];
  if (firstInvalid) {
    flow.access.announce(flow.access.common().checkFields);
    await flow.updateComplete;
    flow.focus(`#${firstInvalid}`);
    return;
  }
  const client = flow.access.client();
  if (!client) return;
  const input = {
    groupId: target.id,
    answers: questions.length ? questions.map((_question, index) => (flow.answers[index] ?? '').trim()) : null,
    inviteCode: needsCode ? flow.code.trim() : null,
    // A pseudonym by default (the suggestion, or the one typed), the member's name only when they chose it.
    appearance: appearanceOf(flow)?.appearance ?? null,
  };
  flow.set(() => (flow.busy = true));
  const result =
    intent === 'join'
      ? await client.mutate(joinGroupMutation, { input }, (data) => data.joinGroup)
      : await client.mutate(joinWaitlistMutation, { input }, (data) => data.joinWaitlist);
  flow.set(() => (flow.busy = false));
  const retry = () => void submitJoin(flow, event, target, intent);
  if (result.kind === 'ok') {
    flow.answers = [];
    flow.code = '';
    await flow.changed(result.data, result.data.status === 'ACTIVE' ? flow.joining.joined(target.name) : undefined);
    return;
  }
  if (result.kind !== 'error') return flow.failed(result, retry);
  const m = flow.strings;
  const error = result.error;
  switch (error.__typename) {
    case 'ValidationError': {
      const invalid: Record<string, string> = {};
      let other = false;
      let appearanceRefused = false;
      for (const field of error.fields) {
        const [, name, index] = field.path;
        if (name === 'answers' && index !== undefined && Number(index) < questions.length) {
          invalid[`answer-${index}`] = answerProblem(flow, flow.answers[Number(index)] ?? '', true)!;
        } else if (name === 'inviteCode' && needsCode) {
          invalid.code = m.codeInvalid;
        } else if (name === 'appearance') {
          // A pseudonym the API refuses (taken here, or imitating an alias or a role): said beside it.
          void appearanceOf(flow)?.showProblem(field.message);
          appearanceRefused = true;
        } else {
          other = true;
        }
      }
      flow.set(() => (flow.invalid = invalid));
      if (other) {
        // The group's questions changed since the page loaded: show the new ones, keeping the answers typed.
        flow.set(() => (flow.problem = { text: m.questionsChanged }));
        void flow.access.refresh();
      }
      flow.access.announce(flow.access.common().checkFields);
      if (appearanceRefused) return;
      await flow.updateComplete;
      const first = Object.keys(invalid)[0];
      if (first) flow.focus(`#${first}`);
      return;
    }
    case 'GroupFullError':
      // Someone took the last seat meanwhile: the form becomes the waitlist's, keeping what was typed.
      flow.set(() => (flow.noWaitlist = !error.waitlistOpen));
      flow.access.announce(error.waitlistOpen ? m.fullJoin : m.fullNoWaitlist);
      // The refreshed group says so in its form; should the refresh fail, the form says it here.
      if (!(await flow.access.refresh())) flow.set(() => (flow.problem = { text: error.waitlistOpen ? m.fullJoin : m.fullNoWaitlist }));
      return;
    case 'NotFoundError':
    case 'ForbiddenError':
      // A PRIVATE group answers an unknown code as if it did not exist.
      if (error.__typename === 'NotFoundError' && !needsCode) break;
      flow.set(() => (needsCode ? (flow.invalid = { code: m.codeRefused }) : (flow.problem = { text: m.joinRefused })));
      flow.access.announce(needsCode ? m.codeRefused : m.joinRefused);
      await flow.access.refresh();
      if (needsCode) flow.focus('#code');
      return;
    case 'ConflictError':
      break;
    default: {
      // A typed error the API has newly added to joinGroup: fails to compile until it is handled above.
      const unhandled: never = error;
      void unhandled;
    }
  }
  // The group is gone, or the membership changed elsewhere (ConflictError): show what is true now.
  await flow.access.refresh();
  await flow.settled();
}
