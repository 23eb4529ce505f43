import { type Kysely, sql } from 'kysely';
import { up as recordThreadAnswersV1 } from './0003-thread-answers.ts';

/**
 * Issue 12: a counted answer needs at least `channels.min_words` words (default 12, 0 turns the bar off).
 * `mlq_record_thread_answers` now takes each reply's countable words (`words`: `countableWords` in
 * src/core/substance.ts, the highest bar the reply clears) and inserts the answer only when they reach the channel's
 * bar; a missing count (a replica not yet upgraded) passes as before. Per reply it also returns the channel's bar,
 * whether the reply is below it, and for such a reply whether the member already has an answer in the round (in
 * the database or earlier in the batch), so the core can tell a first reply below the bar (a private note) from
 * discussion. A reply recorded as discussion and later edited past the bar becomes the answer.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table channels add column min_words integer not null default 12 check (min_words between 0 and 200)`.execute(db);
  await createRecordThreadAnswers(db);
}

/** This migration's `mlq_record_thread_answers`, which 0006 replaces (and restores when it is undone). */
export async function createRecordThreadAnswers(db: Kysely<any>): Promise<void> {
  await sql`drop function if exists mlq_record_thread_answers(json)`.execute(db);
  await sql`
    create function mlq_record_thread_answers(batch json)
    returns table (idx int, id int, channel_id text, local_date text, status text, reveal_at timestamptz, inserted boolean, seen boolean,
      min_words int, below_bar boolean, answered boolean)
    language plpgsql as $fn$
    #variable_conflict use_column
    begin
      return query
      with input as (
        select * from json_to_recordset(batch)
          as i(idx int, thread_id text, member_id text, community_id text, name text, message_id text, text text, at timestamptz, words int)
      ), r as (
        select i.idx, x.* from input i cross join lateral (
          select rounds.id, rounds.channel_id, rounds.local_date, rounds.status, rounds.reveal_at, channels.min_words
          from rounds join channels on channels.id = rounds.channel_id where rounds.thread_id = i.thread_id
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
        select r.id, i.member_id, i.message_id, i.text, false, i.at, i.at from input i join r using (idx)
        where r.status = 'posted' and r.reveal_at > i.at and (i.words is null or i.words >= r.min_words)
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
      select i.idx, r.id, r.channel_id, r.local_date, r.status, r.reveal_at,
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
  await sql`drop function if exists mlq_record_thread_answers(json)`.execute(db);
  await recordThreadAnswersV1(db);
  await sql`alter table channels drop column if exists min_words`.execute(db);
}
