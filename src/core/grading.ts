import type { CoreDeps } from './deps.ts';
import type { ActionEvent, FormEvent } from './events.ts';
import { checklistCard, emptyQueueBlocks, gradedCard, gradeForm, guidanceCard, nextReviewButton } from './grade-cards.ts';
import { publishHome } from './home.ts';
import type { InteractionReply } from './interactions.ts';
import { memberZone } from './member-zone.ts';
import { type Block, type Card, text } from './message.ts';
import { ledgerKey, POINTS } from './points.ts';
import { type ChatPort, platformOf } from './port.ts';
import type { BankStore, ReviewStore } from './repository.ts';
import { formTicks, type GradeRef, parseRef, ratingFor, scheduleCard, sourceId } from './review-rules.ts';
import { weekStart } from './schedule.ts';
import type { Answer, Channel, Member, Question, Round } from './types.ts';

/** What a grade is of, once checked: its question and where it belongs. */
export interface GradeTarget {
  ref: GradeRef;
  question: Question;
  channelId: string;
  round: Round | null;
  /** Who the grade is of when the event's actor is not the member as the community knows them (a mock's conversation). */
  grader?: Grader;
}

export type Resolved = { ok: true; target: GradeTarget } | { ok: false; text: string };

const closed = (text: string): Resolved => ({ ok: false, text });

/**
 * Checks that a member may grade (or change a grade of) what a ref names: a revealed round until the channel's next
 * round, their latest practice question once its answer is shown, or their review card as it was shown (and then
 * changed while that review is still the card's latest).
 */
export async function resolveTarget(deps: CoreDeps, ref: GradeRef, memberId: string, channelId: string): Promise<Resolved> {
  if (ref.source === 'round') {
    const round = await deps.repo.getRound(ref.roundId);
    if (round?.status !== 'revealed') return closed('That round is not revealed yet: grade yourself after the reveal.');
    const latest = await deps.repo.latestRound(round.channelId);
    if (latest && latest.id !== round.id)
      return closed('The next round is out, so that grade can no longer change. Grade this round after its reveal.');
    const question = await deps.repo.getQuestion(round.questionId);
    return question
      ? { ok: true, target: { ref, question, channelId: round.channelId, round } }
      : closed('That question is no longer in the bank.');
  }
  if (ref.source === 'practice') {
    const practice = await deps.repo.latestPractice(memberId);
    if (!practice || practice.id !== ref.practiceId) return closed('You have asked for a newer practice question since; grade that one.');
    if (!practice.revealedAt) return closed('Reveal the strong answer first (`/mlq solution`), then grade yourself.');
    const question = await deps.repo.getQuestion(practice.questionId);
    return question ? { ok: true, target: { ref, question, channelId, round: null } } : closed('That question is no longer in the bank.');
  }
  if (ref.source === 'mock') return resolveMock(deps, ref, memberId, channelId);
  const card = await deps.repo.reviewCard(ref.cardId);
  if (!card || card.memberId !== memberId) return closed('That review card is not yours.');
  if (card.reps !== ref.reps) {
    const grade = await deps.repo.gradeOf(memberId, 'review', sourceId(ref));
    if (!grade || card.lastGradeId !== grade.id) return closed('You have reviewed that card already; `/mlq review` shows the next one.');
  }
  const question = await deps.repo.getQuestion(card.questionId);
  return question
    ? { ok: true, target: { ref, question, channelId: card.channelId, round: null } }
    : closed('That question is no longer in the bank.');
}

/** A mock's grade: by its member (or in its one-to-one conversation) once the session is finished. */
async function resolveMock(deps: CoreDeps, ref: GradeRef & { source: 'mock' }, memberId: string, channelId: string): Promise<Resolved> {
  const session = await deps.repo.mockSession(ref.sessionId);
  const mine = session && (session.memberId === memberId || (session.state.direct && session.conversationId === channelId));
  if (!session || !mine) return closed('That mock interview is not yours.');
  if (session.status !== 'finished') return closed('Finish the mock interview first; the checklist comes with its summary.');
  const question = await deps.repo.getQuestion(session.questionId);
  if (!question) return closed('That question is no longer in the bank.');
  const grader = {
    member: { id: session.memberId, name: session.state.memberName },
    communityId: session.communityId,
    channelId: session.channelId,
  };
  return { ok: true, target: { ref, question, channelId: session.channelId, round: null, grader } };
}

export interface Grader {
  member: Member;
  communityId: string;
  channelId: string;
}

/**
 * Stores a grade (one per member and source; a replay changes nothing), schedules the review card, awards the
 * fixed grading bonus once to a member who answered the round, and republishes the member's home. Returns what the member sees.
 */
export async function saveGrade(
  deps: CoreDeps,
  target: GradeTarget,
  who: Grader,
  ticked: number[],
  after?: () => Promise<Block[]>,
): Promise<Card> {
  const now = deps.clock.now();
  const total = target.question.key_points.length;
  await deps.repo.upsertCommunity(who.communityId, platformOf(who.channelId), '');
  await deps.repo.upsertMember(who.member, who.communityId);
  const rating = ratingFor(ticked.length, total);
  const outcome = await deps.repo.saveGrade(
    {
      memberId: who.member.id,
      questionId: target.question.id,
      source: target.ref.source,
      sourceId: sourceId(target.ref),
      channelId: target.round?.channelId ?? target.channelId,
      roundId: target.round?.id ?? null,
      ticked,
      total,
      rating,
      at: now,
    },
    scheduleCard,
  );
  let bonus = 0;
  const round = target.round;
  if (round && (await deps.repo.hasCountedAnswer(round.id, who.member.id))) {
    bonus =
      (await deps.repo.award([
        {
          key: ledgerKey('grade', round.id, who.member.id),
          channelId: round.channelId,
          memberId: who.member.id,
          roundId: round.id,
          reason: 'grade',
          points: POINTS.grade,
          week: weekStart(round.localDate),
          at: now,
        },
      ])) * POINTS.grade;
  }
  const timezone = await memberZone(deps, who.member.id, target.channelId);
  const next = after ? await after() : undefined;
  await publishHome(deps, who.member.id);
  return gradedCard({ status: outcome.status, rating, ticked: ticked.length, total, due: outcome.card.due, timezone, bonus, next });
}

/** The "Grade yourself" and "Tick what you covered" buttons: the checklist form, with any earlier ticks ticked. */
export async function openGrade(deps: CoreDeps, event: ActionEvent): Promise<InteractionReply> {
  const ref = parseRef(event.value);
  if (!ref) return { kind: 'none' };
  const resolved = await resolveTarget(deps, ref, event.actor.id, event.channelId);
  if (!resolved.ok) return { kind: 'notice', text: resolved.text };
  const earlier = await deps.repo.gradeOf(resolved.target.grader?.member.id ?? event.actor.id, ref.source, sourceId(ref));
  return { kind: 'form', form: gradeForm(resolved.target.question, ref, earlier?.ticked ?? []) };
}

/** A submitted checklist: stored once however often it arrives; a later different submission changes the grade. */
export async function submitGrade(deps: CoreDeps, event: FormEvent): Promise<InteractionReply> {
  const ref = parseRef(event.value);
  if (!ref) return { kind: 'none' };
  const resolved = await resolveTarget(deps, ref, event.actor.id, event.channelId);
  if (!resolved.ok) return { kind: 'notice', text: resolved.text };
  const ticked = formTicks(event.fields.covered ?? '', resolved.target.question.key_points.length);
  const after = ref.source === 'review' ? () => reviewNext(deps, event.actor.id, event.channelId) : undefined;
  const who = resolved.target.grader ?? { member: event.actor, communityId: event.communityId, channelId: event.channelId };
  return { kind: 'card', card: await saveGrade(deps, resolved.target, who, ticked, after) };
}

/** What follows a graded review: a button to the next due card, or when the next card is due. */
export async function reviewNext(deps: CoreDeps, memberId: string, channelId = ''): Promise<Block[]> {
  const now = deps.clock.now();
  const { due } = await deps.repo.nextDueCard(memberId, now);
  if (due > 0) return [text(`${due} more ${due === 1 ? 'card is' : 'cards are'} due.`), nextReviewButton()];
  const [next] = await deps.repo.upcomingDue(memberId, 1);
  return emptyQueueBlocks(next ?? null, await memberZone(deps, memberId, channelId));
}

/** The "What a good reply covers" button: the probes of a round with their guidance. */
export async function showGuidance(deps: CoreDeps, event: ActionEvent): Promise<InteractionReply> {
  const round = /^\d{1,9}$/.test(event.value) ? await deps.repo.getRound(Number(event.value)) : null;
  if (round?.status !== 'revealed') return { kind: 'notice', text: 'The guidance is shown once the round is revealed.' };
  const question = await deps.repo.getQuestion(round.questionId);
  return question ? { kind: 'card', card: guidanceCard(question) } : { kind: 'none' };
}

/** At the reveal: each member who answered gets the checklist privately (where the platform can show it). */
export async function sendChecklists(deps: CoreDeps, port: ChatPort, channelId: string, q: Question, round: Round, answers: Answer[]) {
  const interactive = deps.ports.capabilities(channelId).privateButtons;
  for (const answer of answers) {
    await port
      .sendPrivate(answer.memberId, channelId, checklistCard(q, { source: 'round', roundId: round.id }, interactive))
      .catch((error: unknown) => deps.logger.warn({ err: error, channel: channelId }, 'a private checklist could not be sent'));
  }
}

/** When a channel's next round is posted: the previous round's probe guidance in its thread, once across replicas. */
export async function postGuidance(deps: CoreDeps<ReviewStore & BankStore>, channel: Channel, round: Round): Promise<void> {
  const previous = await deps.repo.previousRevealedRound(channel.id, round.localDate);
  if (!previous?.threadId || !(await deps.repo.claimGuidance(previous.id, deps.clock.now()))) return;
  const question = await deps.repo.getQuestion(previous.questionId);
  if (question) await deps.ports.for(channel.id).reply(previous.threadId, guidanceCard(question, true), `mlq-guidance-${previous.id}`);
}
