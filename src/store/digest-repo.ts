import { type Kysely, type Selectable, sql } from 'kysely';
import { shownName } from '../core/privacy.ts';
import type { DigestData, DigestRow } from '../core/repository.ts';
import { addDays } from '../core/schedule.ts';
import { CATEGORIES, type Category, type Channel } from '../core/types.ts';
import { later } from './claims-repo.ts';
import { toChannel } from './mappers.ts';
import { remindersRepo } from './reminders-repo.ts';
import type { Database, DigestsTable } from './schema.ts';
import { scoresRepo } from './scores-repo.ts';

const toDigestRow = (r: Selectable<DigestsTable>): DigestRow => ({
  id: r.id,
  channelId: r.channel_id,
  week: r.week,
  dueAt: r.due_at,
  attempts: r.attempts,
});

/** Weekly digests: when each is due, its claim (one per channel and week, leased), and its figures, each one query. */
export function digestRepo(db: Kysely<Database>) {
  return {
    async dueDigestChannels(now: Date, limit: number): Promise<Channel[]> {
      const rows = await db
        .selectFrom('channels')
        .selectAll()
        .where('active', '=', true)
        .where('next_digest_at', '<=', now)
        .orderBy('next_digest_at')
        .limit(limit)
        .execute();
      return rows.map(toChannel);
    },

    async setNextDigest(channelId: string, at: Date | null): Promise<void> {
      await db.updateTable('channels').set({ next_digest_at: at }).where('id', '=', channelId).execute();
    },

    /** Creates the week's digest once per channel (the claim); null when another replica or an earlier pass has it. */
    async createDigest(channelId: string, week: string, dueAt: Date, now: Date, leaseMs: number, skipped = false) {
      const lease = skipped ? null : later(now, leaseMs);
      const row = await db
        .insertInto('digests')
        .values({ channel_id: channelId, week, due_at: dueAt, status: skipped ? 'skipped' : 'sending', lease_until: lease, attempts: 1 })
        .onConflict((oc) => oc.columns(['channel_id', 'week']).doNothing())
        .returningAll()
        .executeTakeFirst();
      return row && !skipped ? toDigestRow(row) : null;
    },

    async claimStaleDigests(now: Date, limit: number, leaseMs: number): Promise<DigestRow[]> {
      const rows = await db
        .updateTable('digests')
        .set((eb) => ({ lease_until: later(now, leaseMs), attempts: eb('attempts', '+', 1) }))
        .where('id', 'in', (eb) =>
          eb
            .selectFrom('digests')
            .select('id')
            .where('status', '=', 'sending')
            .where('lease_until', '<', now)
            .limit(limit)
            .forUpdate()
            .skipLocked(),
        )
        .returningAll()
        .execute();
      return rows.map(toDigestRow);
    },

    async finishDigest(id: number, status: 'sent' | 'skipped', messageId: string | null): Promise<void> {
      await db.updateTable('digests').set({ status, message_id: messageId, lease_until: null }).where('id', '=', id).execute();
    },

    async digestData(channelId: string, week: string, categories: Category[]): Promise<DigestData> {
      const end = addDays(week, 6);
      const top = await scoresRepo(db).leaderboard(channelId, `w:${week}`, 5);
      const latest = await db.selectFrom('channels').select('last_seq').where('id', '=', channelId).executeTakeFirst();
      const streaks = await db
        .selectFrom('streaks')
        .leftJoin('members', 'members.id', 'streaks.member_id')
        .select(['streaks.member_id', 'members.name', 'members.hidden', 'streaks.current'])
        .where('streaks.channel_id', '=', channelId)
        .where('streaks.last_seq', '>=', latest?.last_seq ?? 0)
        .where('streaks.current', '>', 1)
        .orderBy('streaks.current', 'desc')
        .limit(3)
        .execute();
      const rounds = await db
        .selectFrom('rounds')
        .select([
          (eb) => eb.fn.countAll<number>().as('rounds'),
          (eb) => eb.fn.coalesce(eb.fn.sum<number>('answer_count'), sql<number>`0`).as('answers'),
        ])
        .where('channel_id', '=', channelId)
        .where('status', '=', 'revealed')
        .where('local_date', '>=', week)
        .where('local_date', '<=', end)
        .executeTakeFirstOrThrow();
      const discussed = await db
        .selectFrom('thread_messages')
        .innerJoin('rounds', 'rounds.id', 'thread_messages.round_id')
        .innerJoin('questions', 'questions.id', 'rounds.question_id')
        .select(['questions.prompt', (eb) => eb.fn.countAll<number>().as('replies')])
        .where('rounds.channel_id', '=', channelId)
        .where('rounds.local_date', '>=', week)
        .where('rounds.local_date', '<=', end)
        .where('thread_messages.kind', 'in', ['discussion', 'probe_reply'])
        .groupBy(['rounds.id', 'questions.prompt'])
        .orderBy('replies', 'desc')
        .limit(1)
        .executeTakeFirst();
      const answered = await db
        .selectFrom('answers')
        .innerJoin('rounds', 'rounds.id', 'answers.round_id')
        .innerJoin('questions', 'questions.id', 'rounds.question_id')
        .select(['questions.category', (eb) => eb.fn.countAll<number>().as('n')])
        .where('rounds.channel_id', '=', channelId)
        .where('answers.withdrawn_at', 'is', null)
        .groupBy('questions.category')
        .execute();
      const pool = categories.length ? categories : [...CATEGORIES];
      const counts = pool.map((category) => ({ category, answers: Number(answered.find((a) => a.category === category)?.n ?? 0) }));
      const least = counts.length ? counts.reduce((a, b) => (b.answers < a.answers ? b : a)) : null;
      return {
        top,
        streaks: streaks.map((s) => ({ name: shownName(s, s.member_id), current: s.current })),
        rounds: Number(rounds.rounds),
        answers: Number(rounds.answers),
        mostDiscussed: discussed && Number(discussed.replies) > 0 ? { prompt: discussed.prompt, replies: Number(discussed.replies) } : null,
        leastAnswered: least,
        leastTicked: await remindersRepo(db).leastTickedPoint(channelId, week, end),
      };
    },
  };
}
