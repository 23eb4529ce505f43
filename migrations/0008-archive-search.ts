import { type Kysely, sql } from 'kysely';

/**
 * Issue 17, the archive: full-text search over a channel's past rounds. `questions.search` is a stored generated
 * tsvector (the `english` configuration, on Postgres 15+ and PGlite alike) of the prompt (weight A), the tags (B) and
 * the strong answer (C), with a GIN index; ranking reads it instead of parsing the text again.
 * `mlq_archive_query(rest, last)` turns typed words into a tsquery that needs every word, with the last one also as
 * a prefix; any text is safe in it (it goes through plainto_tsquery, never the tsquery syntax).
 * `rounds_archive` lists a channel's revealed rounds of one question by date (src/store/archive-repo.ts reads at most a
 * page of them per matching question, so a search costs the same after ten years of rounds), `rounds_open` its open
 * rounds, which are matched on prompt and tags only until their reveal.
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
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop function if exists mlq_archive_query(text, text)`.execute(db);
  await sql`drop index if exists rounds_open`.execute(db);
  await sql`drop index if exists rounds_archive`.execute(db);
  await sql`drop index if exists questions_search`.execute(db);
  await sql`alter table questions drop column if exists search`.execute(db);
}
