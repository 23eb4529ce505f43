import { type Kysely, sql } from 'kysely';

/**
 * Issue 17, the archive: full-text search over a channel's past rounds.
 * - `questions.search`: a stored generated tsvector (the `english` configuration, the same on Postgres 15+ and
 *   PGlite) of the prompt (weight A), the tags (B) and the strong answer (C), with a GIN index. Stored rather than an
 *   expression index because ranking reads it: with an expression index every candidate is parsed again.
 * - `mlq_archive_query(rest, last)`: typed words as a tsquery needing every word (stemmed), the last one also as a
 *   prefix. Any text is safe in it: it goes through plainto_tsquery, never the tsquery syntax.
 * - `mlq_archive_page(...)`: one page of a channel's revealed and open rounds, best rank first (ts_rank, times a
 *   million, as an integer so that it round-trips in a cursor), newest first among equal ranks, keyset-paged
 *   forward or backward from (rank, local date, round id). The matching questions are walked best rank first, each
 *   giving at most a page of its revealed rounds from `rounds_archive`, until a page is in hand and the rank
 *   changes, so a page costs a few index probes however long the channel's history. An open round (`rounds_open`)
 *   is matched and ranked on its prompt and tags only, so a search never hints at a strong answer before its
 *   reveal. Without words or category the rounds come newest first (rank 0). PL/pgSQL with one generic plan per
 *   statement and connection: planning the statement cost more than running it. Both directions share one statement
 *   each: the branch of the other direction is gated off by a one-time filter.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table questions add column search tsvector generated always as (
      setweight(to_tsvector('english'::regconfig, prompt), 'A')
      || setweight(jsonb_to_tsvector('english'::regconfig, coalesce(body -> 'tags', '[]'), '["string"]'), 'B')
      || setweight(to_tsvector('english'::regconfig, coalesce(body ->> 'strong_answer', '')), 'C')
    ) stored`.execute(db);
  await sql`create index questions_search on questions using gin (search)`.execute(db);
  await sql`create index rounds_archive on rounds (channel_id, question_id, local_date, id) where status = 'revealed'`.execute(db);
  await sql`create index rounds_open on rounds (channel_id) where status in ('posted', 'revealing')`.execute(db);
  await sql`
    create function mlq_archive_query(rest text, last text) returns tsquery
    language sql immutable as $fn$
      select plainto_tsquery('english'::regconfig, rest)
        && regexp_replace(plainto_tsquery('english'::regconfig, last)::text, '''((?:[^'']|'''')*)''', '''\\1'':*', 'g')::tsquery
    $fn$`.execute(db);
  await sql`
    create function mlq_archive_page(p_channel text, p_query tsquery, p_category text,
      p_rank int, p_date text, p_id int, p_forward boolean, p_limit int)
    returns table (rank int, id int, local_date text, question_id text, prompt text, category text, level text,
      status text, thread_id text, message_id text)
    language plpgsql stable set plan_cache_mode = force_generic_plan as $fn$
    #variable_conflict use_column
    begin
      if p_query is null and p_category is null then
        return query
        with page as (
          (select r.id, r.local_date from rounds r
            where p_forward and r.channel_id = p_channel and r.status in ('posted', 'revealing', 'revealed')
              and (r.local_date, r.id) < (p_date, p_id)
            order by r.local_date desc, r.id desc limit p_limit)
          union all
          (select r.id, r.local_date from rounds r
            where not p_forward and r.channel_id = p_channel and r.status in ('posted', 'revealing', 'revealed')
              and (r.local_date, r.id) > (p_date, p_id)
            order by r.local_date, r.id limit p_limit)
        )
        select 0, r.id, r.local_date, r.question_id, q.prompt, q.category, q.level, r.status, r.thread_id, r.message_id
        from page join rounds r on r.id = page.id join questions q on q.id = r.question_id;
        return;
      end if;
      return query
      with recursive matched as materialized (
        select q.id, (ts_rank(q.search, p_query) * 1000000)::int as rank from questions q
        where p_query is not null and q.search @@ p_query and (p_category is null or q.category = p_category)
        union all
        select q.id, 0 from questions q where p_query is null and q.category = p_category
      ),
      ordered as materialized (
        select coalesce(array_agg(m.id order by case when p_forward then -m.rank else m.rank end, m.id), '{}') as ids,
          coalesce(array_agg(m.rank order by case when p_forward then -m.rank else m.rank end, m.id), '{}') as ranks
        from matched m where case when p_forward then m.rank <= p_rank else m.rank >= p_rank end
      ),
      walk (i, rank, got, ids, dates) as (
        select 0, null::int, 0, '{}'::int[], '{}'::text[]
        union all
        select w.i + 1, o.ranks[w.i + 1], w.got + cardinality(p.ids), p.ids, p.dates
        from walk w, ordered o, lateral (
          select coalesce(array_agg(x.id), '{}'), coalesce(array_agg(x.local_date), '{}') from (
            (select r.id, r.local_date from rounds r
              where p_forward and r.channel_id = p_channel and r.question_id = o.ids[w.i + 1] and r.status = 'revealed'
                and (r.local_date, r.id) < (case when o.ranks[w.i + 1] = p_rank then p_date else '9999-12-31' end,
                  case when o.ranks[w.i + 1] = p_rank then p_id else 2147483647 end)
              order by r.local_date desc, r.id desc limit p_limit)
            union all
            (select r.id, r.local_date from rounds r
              where not p_forward and r.channel_id = p_channel and r.question_id = o.ids[w.i + 1] and r.status = 'revealed'
                and (r.local_date, r.id) > (case when o.ranks[w.i + 1] = p_rank then p_date else '0000-00-00' end,
                  case when o.ranks[w.i + 1] = p_rank then p_id else 0 end)
              order by r.local_date, r.id limit p_limit)
          ) x
        ) p (ids, dates)
        where w.i < cardinality(o.ids) and (w.got < p_limit or o.ranks[w.i + 1] = w.rank)
      ),
      open as materialized (
        select r.id, r.local_date, r.question_id from rounds r where r.channel_id = p_channel and r.status in ('posted', 'revealing')
      ),
      hits as (
        select w.rank, h.id, h.local_date from walk w, unnest(w.ids, w.dates) h (id, local_date)
        union all
        select case when p_query is null then 0 else (ts_rank(ts_filter(q.search, '{a,b}'), p_query) * 1000000)::int end,
          o.id, o.local_date
        from open o join questions q on q.id = o.question_id
        where (p_query is null or ts_filter(q.search, '{a,b}') @@ p_query) and (p_category is null or q.category = p_category)
      ),
      page as (
        select h.rank, h.id from hits h
        where case when p_forward then (h.rank, h.local_date, h.id) < (p_rank, p_date, p_id)
          else (h.rank, h.local_date, h.id) > (p_rank, p_date, p_id) end
        order by case when p_forward then h.rank end desc, case when p_forward then h.local_date end desc,
          case when p_forward then h.id end desc, h.rank, h.local_date, h.id
        limit p_limit
      )
      select page.rank, r.id, r.local_date, r.question_id, q.prompt, q.category, q.level, r.status, r.thread_id, r.message_id
      from page join rounds r on r.id = page.id join questions q on q.id = r.question_id;
    end
    $fn$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop function if exists mlq_archive_page(text, tsquery, text, int, text, int, boolean, int)`.execute(db);
  await sql`drop function if exists mlq_archive_query(text, text)`.execute(db);
  await sql`drop index if exists rounds_open`.execute(db);
  await sql`drop index if exists rounds_archive`.execute(db);
  await sql`drop index if exists questions_search`.execute(db);
  await sql`alter table questions drop column if exists search`.execute(db);
}
