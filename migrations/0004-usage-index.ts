import { type Kysely, sql } from 'kysely';

/** Which questions a channel has used and when, read for every post: an index-only scan instead of a scan of all rounds. */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index if not exists rounds_channel_usage on rounds (channel_id, question_id, post_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists rounds_channel_usage`.execute(db);
}
