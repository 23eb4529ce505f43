import { type Kysely, sql } from 'kysely';
import { createRecordThreadAnswers } from './0005-min-words.ts';

/**
 * The one home of the rule "a round takes answers while it is posted and before its reveal": `mlq_takes_answers`.
 * `mlq_record_answers(batch json)` replaces 0003's `mlq_record_thread_answers` and records thread replies and sealed
 * (form) answers alike, by that rule, in one statement. A batch is a JSON array of {idx, thread_id | round_id and
 * channel_id, member_id, community_id, name, message_id, text, sealed, at} with unique message ids. Per item it
 * returns the round (null when the thread is unknown or the round is not the channel's), whether the round takes
 * answers at `at`, whether the answer was inserted, and whether the message had been seen before. The first answer
 * per member and round counts, in idx order, when its countable `words` (src/core/substance.ts) reach the channel's
 * `min_words` (0005); for a reply below that bar it also says whether the member has an answer already. New members
 * are inserted and existing ones renamed only when their name
 * changed, so that concurrent batches never queue on a member's row lock; rows are written in key order so that
 * concurrent batches lock in the same order.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create or replace function mlq_takes_answers(status text, reveal_at timestamptz, at timestamptz) returns boolean
    language sql immutable as $fn$ select status = 'posted' and at < reveal_at $fn$`.execute(db);
  await sql`drop function if exists mlq_record_thread_answers(json)`.execute(db);
  await sql`
    create or replace function mlq_record_answers(batch json)
    returns table (idx int, id int, channel_id text, local_date text, status text, reveal_at timestamptz,
      takes boolean, inserted boolean, seen boolean, min_words int, below_bar boolean, answered boolean)
    language plpgsql as $fn$
    #variable_conflict use_column
    begin
      return query
      with input as (
        select * from json_to_recordset(batch) as i(idx int, thread_id text, round_id int, channel_id text, member_id text,
          community_id text, name text, message_id text, text text, sealed boolean, at timestamptz, words int)
      ), r as (
        select i.idx, x.*, mlq_takes_answers(x.status, x.reveal_at, i.at) as takes from input i cross join lateral (
          select rounds.id, rounds.channel_id, rounds.local_date, rounds.status, rounds.reveal_at, channels.min_words
          from rounds join channels on channels.id = rounds.channel_id
          where rounds.thread_id = i.thread_id
          union all
          select rounds.id, rounds.channel_id, rounds.local_date, rounds.status, rounds.reveal_at, channels.min_words
          from rounds join channels on channels.id = rounds.channel_id
          where rounds.id = i.round_id and rounds.channel_id = i.channel_id
        ) x
      ), named as (
        select distinct on (i.member_id) i.member_id, i.community_id, i.name from input i join r using (idx)
        order by i.member_id, i.idx desc
      ), m as (
        insert into members (id, community_id, name) select member_id, community_id, name from named order by member_id
        on conflict (id) do nothing
        returning members.id
      ), renamed as (
        update members set name = named.name from named
        where members.id = any (array(select member_id from named)) and members.id = named.member_id and members.name <> named.name
        returning members.id
      ), a as (
        insert into answers (round_id, member_id, message_id, text, sealed, created_at, updated_at)
        select r.id, i.member_id, i.message_id, i.text, coalesce(i.sealed, false), i.at, i.at from input i join r using (idx)
        where r.takes and (i.words is null or i.words >= r.min_words)
        order by r.id, i.member_id, i.idx
        on conflict do nothing
        returning answers.message_id, answers.round_id, answers.member_id
      ), t as (
        insert into thread_messages (message_id, round_id, member_id, kind, created_at)
        select a.message_id, r.id, i.member_id, 'answer', i.at from a join input i using (message_id) join r using (idx)
        order by a.message_id
        on conflict (message_id) do update set kind = 'answer'
        returning thread_messages.message_id
      )
      select i.idx, r.id, r.channel_id, r.local_date, r.status, r.reveal_at, coalesce(r.takes, false),
        exists (select 1 from a where a.message_id = i.message_id) as inserted,
        seen_answer.hit is not null or seen_thread.hit is not null as seen,
        r.min_words,
        coalesce(i.words < r.min_words, false) as below_bar,
        coalesce(i.words < r.min_words, false)
          and (has_answer.hit is not null or exists (select 1 from a where a.round_id = r.id and a.member_id = i.member_id)) as answered
      from input i left join r using (idx)
        left join lateral (select 1 as hit from answers where answers.message_id = i.message_id limit 1) seen_answer on true
        left join lateral (select 1 as hit from thread_messages where thread_messages.message_id = i.message_id limit 1) seen_thread on true
        left join lateral (
          select 1 as hit from answers
          where i.words < r.min_words and answers.round_id = r.id and answers.member_id = i.member_id
            and answers.withdrawn_at is null
          limit 1
        ) has_answer on true
      order by i.idx;
    end
    $fn$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop function if exists mlq_record_answers(json)`.execute(db);
  await sql`drop function if exists mlq_takes_answers(text, timestamptz, timestamptz)`.execute(db);
  await createRecordThreadAnswers(db);
}
