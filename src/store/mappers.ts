import type { Selectable } from 'kysely';
import type { Category, Channel, Level, Question, Round, Weekday } from '../core/types.ts';
import type { ChannelsTable, QuestionsTable, RoundsTable } from './schema.ts';

export function toChannel(row: Selectable<ChannelsTable>): Channel {
  return {
    id: row.id,
    communityId: row.community_id,
    name: row.name,
    active: row.active,
    organiserIds: row.organiser_ids,
    timezone: row.timezone,
    postTime: row.post_time,
    weekdays: row.weekdays as Weekday[],
    revealDelayMinutes: row.reveal_delay_minutes,
    categories: row.categories as Category[],
    levels: row.levels as Level[],
    nextPostAt: row.next_post_at,
    revealTime: row.reveal_time,
    digestWeekday: row.digest_weekday as Weekday | null,
    digestTime: row.digest_time,
    ramp: row.ramp,
    nextDigestAt: row.next_digest_at,
    minWords: row.min_words,
    pairsWeekday: row.pairs_weekday as Weekday | null,
    pairsTime: row.pairs_time,
    pairsEveryWeeks: row.pairs_every_weeks === 2 ? 2 : 1,
    nextPairsAt: row.next_pairs_at,
    seasonLength: row.season_length,
    championRoleId: row.champion_role_id,
  };
}

export function toRound(row: Selectable<RoundsTable>): Round {
  return {
    id: row.id,
    channelId: row.channel_id,
    questionId: row.question_id,
    localDate: row.local_date,
    seq: row.seq,
    status: row.status,
    postAt: row.post_at,
    revealAt: row.reveal_at,
    messageId: row.message_id,
    threadId: row.thread_id,
    answerCount: row.answer_count,
    attempts: row.attempts,
  };
}

export function toQuestion(row: Pick<Selectable<QuestionsTable>, 'body'>): Question {
  const body = typeof row.body === 'string' ? JSON.parse(row.body) : row.body;
  return body as Question;
}
