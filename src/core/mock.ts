import type { CoreDeps } from './deps.ts';
import type { ActionEvent, DirectMessageEvent } from './events.ts';
import { resolveTarget, saveGrade } from './grading.ts';
import type { InteractionReply } from './interactions.ts';
import { type Card, card, context } from './message.ts';
import { mockGreetingCard, mockOpenCard, mockStepCard, mockStoppedCard, mockSummaryCards, overrunNote } from './mock-cards.ts';
import { type AddOutcome, addMessage, type DoneOutcome, finishStep, type MockSession, newMockState, typedCommand } from './mock-rules.ts';
import type { Conversation } from './port.ts';
import { platformOf } from './port.ts';
import { parseTicks } from './review-rules.ts';
import { LEASE_MS } from './rounds.ts';
import type { Member, Question } from './types.ts';

/** Who starts a mock, and where. */
export interface MockStarter {
  actor: Member;
  communityId: string;
  channelId: string;
}

export type MockOutcome = 'ignored' | 'added' | 'duplicate' | 'next' | 'finished' | 'refused' | 'graded';

const lease = (deps: CoreDeps) => new Date(deps.clock.now().getTime() + LEASE_MS);

/**
 * Applies a pure change to a session and writes it compare-and-set, reading the session again and reapplying the
 * change when another write got there first (another replica, a double press); at most a few tries.
 */
export async function change<R>(
  deps: CoreDeps,
  first: MockSession,
  apply: (s: MockSession) => { session?: MockSession; result: R },
  leased = false,
): Promise<{ result: R; saved: MockSession | null }> {
  let current: MockSession | null = first;
  for (let attempt = 0; attempt < 5 && current; attempt++) {
    const { session, result } = apply(current);
    if (!session) return { result, saved: null };
    const saved = await deps.repo.saveMockSession(session, leased ? lease(deps) : undefined);
    if (saved) return { result, saved };
    current = await deps.repo.mockSession(first.id);
  }
  throw new Error(`mock session ${first.id} kept changing under us`);
}

/** Opens a private conversation: a direct message, else (DMs refused) a private thread in the channel. */
async function openPrivate(deps: CoreDeps, memberId: string, channelId: string, greeting: Card): Promise<Conversation> {
  const port = deps.ports.for(channelId);
  if (!port.openConversation) return { ok: false, reason: 'unsupported' };
  const direct = await port.openConversation(memberId, channelId, 'direct', greeting);
  if (direct.ok || direct.reason !== 'refused') return direct;
  return port.openConversation(memberId, channelId, 'thread', greeting);
}

/** Sends the message of the session's current step (a prompt, or the summary once finished), once, and records it. */
export async function deliver(deps: CoreDeps, s: MockSession): Promise<void> {
  const question = await deps.repo.getQuestion(s.questionId);
  const port = deps.ports.for(s.conversationId);
  if (!question) {
    await change(deps, s, (x) => ({ session: { ...x, status: 'stopped' }, result: null }));
    await port.reply(s.conversationId, card(undefined, [context('That question left the bank; the mock interview is stopped.')]));
    return;
  }
  if (s.step >= s.state.steps) {
    for (const [i, summary] of mockSummaryCards(question, s).entries()) {
      await port.reply(s.conversationId, summary, `mlq-mock-${s.id}-end-${i}`);
    }
  } else {
    await port.reply(s.conversationId, mockStepCard(question, s, s.step), `mlq-mock-${s.id}-${s.step}`);
  }
  await deps.repo.markMockSent(s.id, s.step);
}

/** `/mlq mock`: a new session in a private conversation, or the choice to resume or restart an open one. */
export async function startMock(deps: CoreDeps, who: MockStarter, question: Question, again: string): Promise<Card> {
  const now = deps.clock.now();
  await deps.repo.upsertCommunity(who.communityId, platformOf(who.channelId), '');
  await deps.repo.upsertMember(who.actor, who.communityId);
  const budget = await deps.repo.mockBudget(who.actor.id);
  const state = newMockState({
    memberName: who.actor.name,
    probes: question.probes.length,
    at: now,
    budgetMinutes: budget,
    direct: false,
    buttons: false,
  });
  const created = await deps.repo.createMockSession({ ...who, memberId: who.actor.id, questionId: question.id, state, at: now });
  if (!created) {
    const open = await deps.repo.openMockSession(who.actor.id);
    if (!open) return startMock(deps, who, question, again);
    return mockOpenCard(open, await deps.repo.getQuestion(open.questionId), again);
  }
  let opened: Conversation;
  try {
    opened = await openPrivate(deps, who.actor.id, who.channelId, mockGreetingCard(question, budget));
  } catch (error) {
    deps.logger.warn({ err: error, channel: who.channelId }, 'a private conversation for a mock could not be opened');
    opened = { ok: false, reason: 'unsupported' };
  }
  if (!opened.ok) {
    await change(deps, created, (s) => ({ session: { ...s, status: 'stopped' }, result: null }));
    return card(undefined, [
      context(
        opened.reason === 'refused'
          ? 'I could not message you privately: allow direct messages from this server’s members, then try `/mlq mock` again.'
          : 'I could not open a private conversation with you here; please try again later, and tell an organiser if it persists (the bot may lack a permission).',
      ),
    ]);
  }
  const { saved } = await change(
    deps,
    created,
    (s) => ({
      session: {
        ...s,
        conversationId: opened.conversationId,
        state: { ...s.state, direct: opened.direct, buttons: opened.buttons, stepStartedAt: deps.clock.now().toISOString() },
      },
      result: null,
    }),
    true,
  );
  await deliver(deps, saved!);
  const where =
    opened.conversationId === who.channelId
      ? 'Your mock interview is on: answer right here.'
      : opened.direct
        ? 'Your mock interview is waiting in your direct messages with me.'
        : 'Your direct messages are closed, so your mock interview is in a private thread in this channel.';
  return card(undefined, [context(where)]);
}

/**
 * Ends a member's open session (stop, or before a restart), with a note in its conversation unless that conversation is
 * `shownIn`, where the command's own reply already says so (the terminal, whose interview runs in place).
 */
export async function stopMock(deps: CoreDeps, memberId: string, sessionId?: number, shownIn?: string): Promise<boolean> {
  const open = await deps.repo.openMockSession(memberId);
  if (!open || (sessionId !== undefined && open.id !== sessionId)) return false;
  const { result } = await change(deps, open, (s) =>
    s.status === 'open' ? { session: { ...s, status: 'stopped' }, result: true } : { result: false },
  );
  if (result && open.conversationId && open.conversationId !== shownIn) {
    await deps.ports
      .for(open.conversationId)
      .reply(open.conversationId, mockStoppedCard(), `mlq-mock-${open.id}-stopped`)
      .catch((error: unknown) => deps.logger.warn({ err: error }, 'the stop note of a mock could not be sent'));
  }
  return result;
}

/** Sends the current step again (a restarted replica, a lost message); reopens the conversation when it never opened. */
export async function resumeMock(deps: CoreDeps, memberId: string): Promise<string> {
  const open = await deps.repo.openMockSession(memberId);
  if (!open) return 'You have no mock interview open; `/mlq mock` starts one.';
  const question = await deps.repo.getQuestion(open.questionId);
  if (!question) return 'That question left the bank; `/mlq mock restart` starts a new interview.';
  let session = open;
  if (!session.conversationId) {
    const opened = await openPrivate(deps, memberId, session.channelId, mockGreetingCard(question, session.state.budgetMinutes));
    if (!opened.ok) return 'I could not open a private conversation; `/mlq mock stop` ends this interview.';
    const { saved } = await change(deps, session, (s) => ({
      session: { ...s, conversationId: opened.conversationId, state: { ...s.state, direct: opened.direct, buttons: opened.buttons } },
      result: null,
    }));
    session = saved!;
  }
  await deps.ports.for(session.conversationId).reply(session.conversationId, mockStepCard(question, session, session.step, true));
  await deps.repo.markMockSent(session.id, session.step);
  return 'Resumed: the current step is in your private conversation with me.';
}

/** A member is done with a step (a press or a typed `done`): the next prompt, or the summary after the last probe. */
async function done(
  deps: CoreDeps,
  s: MockSession,
  step: number,
  key: string,
  skip: boolean,
): Promise<InteractionReply & { outcome?: MockOutcome }> {
  const at = deps.clock.now();
  const { result, saved } = await change<DoneOutcome>(
    deps,
    s,
    (x) => {
      const outcome = finishStep(x, step, key, at, skip);
      return outcome.kind === 'next' ? { session: outcome.session, result: outcome } : { result: outcome };
    },
    true,
  );
  if (result.kind === 'empty')
    return { kind: 'notice', text: 'Write your answer first (one or more messages), or type `skip` to pass this step.' };
  if (result.kind !== 'next' || !saved) return { kind: 'none', outcome: 'duplicate' };
  const port = deps.ports.for(saved.conversationId);
  if (result.overrun !== null && saved.state.budgetMinutes) {
    await port.reply(saved.conversationId, overrunNote(result.overrun, saved.state.budgetMinutes), `mlq-mock-${s.id}-over-${step}`);
  }
  await deliver(deps, saved);
  return { kind: 'none', outcome: saved.status === 'finished' ? 'finished' : 'next' };
}

/** The session's member acted, or someone did in its one-to-one conversation (where only the member can write). */
const ownedBy = (s: MockSession, actorId: string | undefined, conversationId: string) =>
  actorId === s.memberId || (s.state.direct && conversationId === s.conversationId);

/** The Done button: value `session:step`; a replayed press, or one for an earlier step, changes nothing. */
export async function pressDone(deps: CoreDeps, event: ActionEvent): Promise<InteractionReply> {
  const m = /^(\d{1,9}):(\d{1,2})$/.exec(event.value);
  const s = m ? await deps.repo.mockSession(Number(m[1])) : null;
  if (!s || !ownedBy(s, event.actor.id, event.channelId)) return { kind: 'notice', text: 'That mock interview is not yours.' };
  const { outcome: _outcome, ...reply } = await done(deps, s, Number(m![2]), `press:${m![2]}`, false);
  return reply;
}

/** A member's message in a mock conversation: part of the current answer, `done`/`skip`, or after the end the key points ticked. */
export async function mockMessage(deps: CoreDeps, event: DirectMessageEvent): Promise<MockOutcome> {
  const s = await deps.repo.mockSessionIn(event.conversationId);
  if (!s || !ownedBy(s, event.author?.id, event.conversationId)) return 'ignored';
  if (s.status === 'finished') {
    const inPlace = s.conversationId === s.channelId;
    return inPlace && !GRADE_LINE.test(event.text.trim()) ? 'ignored' : gradeTyped(deps, s, event);
  }
  const typed = typedCommand(event.text);
  if (typed) {
    const reply = await done(deps, s, s.step, `msg:${event.messageId}`, typed === 'skip');
    if (reply.kind === 'notice') await deps.ports.for(s.conversationId).reply(s.conversationId, card(undefined, [context(reply.text)]));
    return reply.outcome ?? 'refused';
  }
  const at = deps.clock.now();
  const { result } = await change<AddOutcome>(deps, s, (x) => {
    const outcome = addMessage(x, event.messageId, event.text, at);
    return outcome.kind === 'added' ? { session: outcome.session, result: outcome } : { result: outcome };
  });
  if (result.kind === 'full') await deps.ports.for(s.conversationId).reply(s.conversationId, card(undefined, [context(result.text)]));
  return result.kind === 'added' ? 'added' : result.kind === 'duplicate' ? 'duplicate' : 'refused';
}

/** A line that grades: key-point numbers, `none` or `all`, optionally after `grade`. */
const GRADE_LINE = /^(grade\s+)?(none|all|\d{1,2}([\s,]+\d{1,2})*)$/i;

/** After the summary: typed key-point numbers grade the mock through the same path as every grade (review card, no points). */
async function gradeTyped(deps: CoreDeps, s: MockSession, event: DirectMessageEvent): Promise<MockOutcome> {
  const words = event.text.trim().split(/\s+/).filter(Boolean);
  if (words[0]?.toLowerCase() === 'grade') words.shift();
  const port = deps.ports.for(s.conversationId);
  const resolved = await resolveTarget(deps, { source: 'mock', sessionId: s.id }, s.memberId, s.conversationId);
  if (!resolved.ok) return 'ignored';
  const ticks = parseTicks(words, resolved.target.question.key_points.length);
  if (!ticks.ok) {
    await port.reply(s.conversationId, card(undefined, [context(ticks.message)]));
    return 'refused';
  }
  const graded = await saveGrade(deps, resolved.target, resolved.target.grader!, ticks.value);
  await port.reply(s.conversationId, graded, `mlq-mock-${s.id}-grade-${event.messageId}`);
  return 'graded';
}
