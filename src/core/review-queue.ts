import pLimit from 'p-limit';
import type { CoreDeps } from './deps.ts';
import type { ActionEvent } from './events.ts';
import { emptyQueueBlocks, reminderCard, reviewPointsCard, reviewQuestionCard } from './grade-cards.ts';
import { resolveTarget } from './grading.ts';
import type { InteractionReply } from './interactions.ts';
import { memberZone } from './member-zone.ts';
import { type Card, card } from './message.ts';
import type { ReviewCard } from './repository.ts';
import { type GradeRef, nextReminderAt, parseRef } from './review-rules.ts';
import { localDate } from './schedule.ts';
import type { Question } from './types.ts';

/** The ref a review card is graded under while it is shown: its id and how many times it has been reviewed. */
export const reviewRef = (c: ReviewCard): GradeRef => ({ source: 'review', cardId: c.id, reps: c.reps });

/** The member's earliest due card with its question, or null when none is due. */
export async function firstDue(deps: CoreDeps, memberId: string): Promise<{ card: ReviewCard; question: Question; due: number } | null> {
  const { card: due, due: count } = await deps.repo.nextDueCard(memberId, deps.clock.now());
  if (!due) return null;
  const question = await deps.repo.getQuestion(due.questionId);
  return question ? { card: due, question, due: count } : null;
}

/** `/mlq review` and the "Next card" button: the earliest due card's question, or when the next one is due. */
export async function reviewQueueCard(deps: CoreDeps, memberId: string, channelId: string): Promise<Card> {
  const first = await firstDue(deps, memberId);
  if (first) return reviewQuestionCard(first.question, reviewRef(first.card), first.due);
  const [next] = await deps.repo.upcomingDue(memberId, 1);
  return card('Review', emptyQueueBlocks(next ?? null, await memberZone(deps, memberId, channelId)));
}

/** The "Show the key points" button of a review card. */
export async function showReviewPoints(deps: CoreDeps, event: ActionEvent): Promise<InteractionReply> {
  const ref = parseRef(event.value);
  if (ref?.source !== 'review') return { kind: 'none' };
  const resolved = await resolveTarget(deps, ref, event.actor.id, event.channelId);
  if (!resolved.ok) return { kind: 'notice', text: resolved.text };
  return { kind: 'card', card: reviewPointsCard(resolved.target.question, ref) };
}

export async function nextReviewCard(deps: CoreDeps, event: ActionEvent): Promise<InteractionReply> {
  return { kind: 'card', card: await reviewQueueCard(deps, event.actor.id, event.channelId) };
}

/**
 * The scheduler's share of reminders: claims those due (once across replicas), moves each to its next local time
 * before sending, and sends one privately only to a member who has cards due and is not away. A reminder whose send
 * fails is not retried (at most one a day).
 */
export async function sendReminders(deps: CoreDeps, batch: number, leaseMs: number, concurrency = 16): Promise<number> {
  const now = deps.clock.now();
  const claimed = await deps.repo.claimReminders(now, batch, leaseMs);
  if (claimed.length === 0) return 0;
  await deps.repo.releaseReminders(claimed.map((r) => ({ memberId: r.memberId, nextAt: nextReminderAt(r.time, r.timezone, now) })));
  const ids = claimed.map((r) => r.memberId);
  const due = await deps.repo.membersWithDueCards(ids, now);
  const away = new Set<string>();
  const byDate = new Map<string, string[]>();
  for (const r of claimed) {
    const date = localDate(now, r.timezone);
    byDate.set(date, [...(byDate.get(date) ?? []), r.memberId]);
  }
  for (const [date, members] of byDate) for (const id of await deps.repo.membersAway(members, date)) away.add(id);
  let sent = 0;
  const limit = pLimit(concurrency);
  await Promise.all(
    claimed
      .filter((r) => due.has(r.memberId) && !away.has(r.memberId) && deps.ports.has(r.channelId))
      .map((r) =>
        limit(async () => {
          const { due: count } = await deps.repo.nextDueCard(r.memberId, now);
          const interactive = deps.ports.capabilities(r.channelId).privateButtons;
          await deps.ports
            .for(r.channelId)
            .sendPrivate(r.memberId, r.channelId, reminderCard(count, interactive))
            .then(() => sent++)
            .catch((error: unknown) => deps.logger.warn({ err: error, member: r.memberId }, 'a review reminder could not be sent'));
        }),
      ),
  );
  return sent;
}
