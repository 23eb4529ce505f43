import type { CoreDeps } from './deps.ts';
import { pairMembers } from './pairing.ts';
import { hashText } from './pairing-cost.ts';
import { checkinCard, groupIntroCard, interviewerPackCard } from './pairs-cards.ts';
import { checkinAt, nextPairsAt, PAIRS_GRACE_MS } from './pairs-schedule.ts';
import type { PickCandidate } from './picker.ts';
import type { PairGroupRow, PairTurnRow } from './repository.ts';
import { formatLocal, localDate } from './schedule.ts';
import type { Channel, Level, Question } from './types.ts';

/** How many earlier cycles the matching reads: enough for "no repeat partner" in any study group. */
export const PAIR_HISTORY = 52;

/**
 * One question per candidate that they have not answered in a round nor been given in a pair, from the channel's
 * categories, at their level when the bank has one (else any level); never the same twice in a group. Deterministic.
 */
export function pickPairQuestions(
  turns: { interviewer: string; candidate: string }[],
  levels: Map<string, Level>,
  categories: Channel['categories'],
  bank: PickCandidate[],
  seen: Map<string, Set<string>>,
  date: string,
): PairTurnRow[] {
  const taken = new Set<string>();
  const pool = bank.filter((q) => categories.length === 0 || categories.includes(q.category)).sort((a, b) => (a.id < b.id ? -1 : 1));
  return turns.map((turn) => {
    const fresh = pool.filter((q) => !taken.has(q.id) && !seen.get(turn.candidate)?.has(q.id));
    const atLevel = fresh.filter((q) => q.level === (levels.get(turn.candidate) ?? 'mid'));
    const choices = atLevel.length ? atLevel : fresh;
    const pick = choices.length ? choices[hashText(`${date}:${turn.candidate}`, 0) % choices.length]! : null;
    if (pick) taken.add(pick.id);
    return { ...turn, questionId: pick?.id ?? null };
  });
}

/**
 * Makes a channel's due cycle once: the matching over its opted-in members and past cycles, a question per candidate,
 * recorded with its groups in one transaction keyed by channel and date. Returns the number of groups made (0 when
 * another pass made it, the cycle is overdue past its grace, or fewer than two members are available).
 */
export async function makePairCycle(deps: CoreDeps, channel: Channel, now: Date): Promise<number> {
  const due = channel.nextPairsAt!;
  const date = localDate(due, channel.timezone);
  const next = nextPairsAt(channel, new Date(Math.max(now.getTime(), due.getTime())), date);
  try {
    if (now.getTime() - due.getTime() > PAIRS_GRACE_MS) {
      deps.logger.warn({ channel: channel.id, date }, 'a pairing cycle is past its grace; skipped');
      return 0;
    }
    const [enrolled, history] = await Promise.all([deps.repo.pairMembers(channel.id), deps.repo.pairHistory(channel.id, PAIR_HISTORY)]);
    const pairing = pairMembers({
      date,
      members: enrolled.map((e) => ({ id: e.memberId, timezone: e.timezone, level: e.level, snoozedUntil: e.snoozedUntil })),
      history,
    });
    const levels = new Map(enrolled.map((e) => [e.memberId, e.level]));
    const turns = pairing.groups.flatMap((g) => g.turns);
    const [bank, seen] = await Promise.all([deps.repo.questionCandidates(), deps.repo.questionsSeen(turns.map((t) => t.candidate))]);
    const groups = pairing.groups.map((g) => ({
      members: g.members,
      turns: pickPairQuestions(g.turns, levels, channel.categories, bank, seen, date),
    }));
    const made = await deps.repo.createPairCycle(
      {
        channelId: channel.id,
        localDate: date,
        dueAt: due,
        unmatched: pairing.unmatched,
        snoozed: pairing.snoozed,
        checkinAt: checkinAt(due, channel.pairsEveryWeeks ?? 1),
        groups,
      },
      now,
    );
    return made === null ? 0 : groups.length;
  } finally {
    await deps.repo.releasePairChannel(channel.id, next);
  }
}

async function questionsOf(deps: CoreDeps, group: PairGroupRow): Promise<Map<string, Question>> {
  const ids = [...new Set(group.turns.map((t) => t.questionId).filter((id): id is string => id !== null))];
  const found = await Promise.all(ids.map((id) => deps.repo.getQuestion(id)));
  return new Map(found.filter((q): q is Question => q !== null).map((q) => [q.id, q]));
}

/** The interviewer pack of one turn, or null when the turn has no question. */
export async function packFor(deps: CoreDeps, group: PairGroupRow, interviewer: string) {
  const turn = group.turns.find((t) => t.interviewer === interviewer);
  const q = turn?.questionId ? await deps.repo.getQuestion(turn.questionId) : null;
  if (!turn || !q) return null;
  const name = (await deps.repo.memberName(turn.candidate)) ?? turn.candidate;
  return interviewerPackCard(q, name);
}

/** A message posted under `key` in a space by an earlier attempt whose lease lapsed; null when the platform cannot tell. */
async function findEarlier(deps: CoreDeps, channelId: string, space: string, key: string, checkin: Date) {
  const port = deps.ports.for(channelId);
  if (!port.findPosted) return null;
  try {
    return await port.findPosted(space, key, new Date(checkin.getTime() - 14 * 86_400_000));
  } catch (error) {
    deps.logger.warn({ err: error, space }, 'could not look for an earlier post in a pair space');
    return null;
  }
}

/**
 * Posts a group's cycle once: opens its shared space (kept, so a retry reuses it), posts the roles and questions
 * under the group's key, and sends each interviewer their pack privately under a key of its own. Each message sent
 * is counted in the group's progress, so a retry after a lapsed lease sends only the rest (and skips what the
 * platform finds posted, for a crash between sending and counting). A pack a member's settings refuse is logged;
 * `/mlq pairs pack` shows it in the channel.
 */
export async function postPairGroup(deps: CoreDeps, group: PairGroupRow): Promise<void> {
  const port = deps.ports.for(group.channelId);
  const channel = await deps.repo.getChannel(group.channelId);
  if (!port.openSpace || !channel) return deps.repo.finishPairGroup(group.id, 'done');
  const names = await deps.repo.memberNames(group.members);
  let space = group.spaceId;
  if (!space) {
    space = await port.openSpace(group.channelId, group.members, `Mock interviews · ${group.localDate}`);
    await deps.repo.setPairSpace(group.id, space);
  }
  const key = `mlq-pair-${group.id}`;
  const retry = group.attempts > 1;
  if (group.progress < 1 && !(retry && (await findEarlier(deps, group.channelId, space, key, group.checkinAt)))) {
    const intro = groupIntroCard(group, await questionsOf(deps, group), names, formatLocal(group.checkinAt, channel.timezone));
    await port.reply(space, intro, key);
  }
  await deps.repo.setPairProgress(group.id, Math.max(group.progress, 1));
  for (const [i, turn] of group.turns.entries()) {
    if (group.progress >= i + 2) continue;
    const pack = await packFor(deps, group, turn.interviewer);
    try {
      const own = pack && (await port.openSpace(group.channelId, [turn.interviewer], 'Interviewer pack'));
      if (own && !(retry && (await findEarlier(deps, group.channelId, own, `${key}-pack-${i}`, group.checkinAt)))) {
        await port.reply(own, pack, `${key}-pack-${i}`);
      }
    } catch (error) {
      deps.logger.warn({ err: error, group: group.id, member: turn.interviewer }, 'an interviewer pack could not be sent privately');
    }
    await deps.repo.setPairProgress(group.id, i + 2);
  }
  await deps.repo.finishPairGroup(group.id, 'posted');
}

/** Posts a group's mid-cycle check-in once. */
export async function postPairCheckin(deps: CoreDeps, group: PairGroupRow): Promise<void> {
  const port = deps.ports.for(group.channelId);
  if (group.spaceId) {
    const key = `mlq-pair-${group.id}-checkin`;
    const found = group.attempts > 1 ? await findEarlier(deps, group.channelId, group.spaceId, key, group.checkinAt) : null;
    if (!found) await port.reply(group.spaceId, checkinCard(group, await deps.repo.memberNames(group.members)), key);
  }
  await deps.repo.finishPairGroup(group.id, 'done');
}

/** The pairs part of a scheduler pass: due cycles made, then groups posted and check-ins sent, each once across replicas. */
export async function runPairsWork(
  deps: CoreDeps,
  now: Date,
  batch: number,
  leaseMs: number,
  guard: (what: string, work: () => Promise<void>) => Promise<void>,
): Promise<{ cycles: number; posts: number }> {
  const report = { cycles: 0, posts: 0 };
  const channels = await deps.repo.claimDuePairChannels(now, batch, leaseMs);
  await Promise.all(
    channels.map((channel) =>
      guard('making a pairing cycle', async () => {
        if ((await makePairCycle(deps, channel, now)) > 0) report.cycles++;
      }),
    ),
  );
  const groups = await deps.repo.claimPairGroups(deps.clock.now(), batch, leaseMs);
  await Promise.all(
    groups.map((group) =>
      guard(group.status === 'posting' ? 'posting a pair' : 'posting a pair check-in', async () => {
        if (group.status === 'posting') {
          await postPairGroup(deps, group);
          report.posts++;
        } else await postPairCheckin(deps, group);
      }),
    ),
  );
  return report;
}
