import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { down, up } from '../../migrations/0012-privacy-seasons.ts';
import { createRepository } from '../../src/store/repository.ts';
import { createTestDatabase, TEST_DB, type TestDatabase } from '../helpers/database.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

describe(`migration 0012, seasons and privacy (${TEST_DB})`, () => {
  it('adds monthly and quarterly totals for points earned before it, by the round’s local date, and goes down and up again', async () => {
    const db = database.store.db;
    await down(db);
    await sql`insert into communities (id, platform, name) values ('test:T', 'test', 'T')`.execute(db);
    await sql`insert into channels (id, community_id, name, active, organiser_ids, timezone, post_time, weekdays, reveal_delay_minutes, categories, levels)
      values ('test:T:old', 'test:T', 'old', true, '{}', 'Pacific/Auckland', '09:00', '{1,2,3,4,5}', 360, '{}', '{}')`.execute(db);
    await sql`insert into members (id, community_id, name) values ('test:T:ada', 'test:T', 'Ada')`.execute(db);
    await sql`insert into questions (id, category, level, prompt, tags, body, content_hash)
      values ('q1', 'fundamentals', 'junior', 'Why?', '{}', '{}'::jsonb, 'h')`.execute(db);
    // 31 March and 1 April local: one month and one quarter apart (and in UTC both fall on 31 March)
    await sql`insert into rounds (id, channel_id, question_id, local_date, status, post_at, reveal_at)
      overriding system value values
      (1, 'test:T:old', 'q1', '2026-03-31', 'revealed', '2026-03-30T20:00:00Z', '2026-03-31T02:00:00Z'),
      (2, 'test:T:old', 'q1', '2026-04-01', 'revealed', '2026-03-31T20:00:00Z', '2026-04-01T02:00:00Z')`.execute(db);
    await sql`insert into ledger (key, channel_id, member_id, round_id, reason, points, week, created_at) values
      ('answer:1:test:T:ada', 'test:T:old', 'test:T:ada', 1, 'answer', 10, '2026-03-30', now()),
      ('answer:2:test:T:ada', 'test:T:old', 'test:T:ada', 2, 'answer', 10, '2026-03-30', now()),
      ('grade:2:test:T:ada', 'test:T:old', 'test:T:ada', 2, 'grade', 2, '2026-03-30', now())`.execute(db);
    await sql`insert into scores (channel_id, period, member_id, points) values
      ('test:T:old', 'all', 'test:T:ada', 22), ('test:T:old', 'w:2026-03-30', 'test:T:ada', 22)`.execute(db);
    await up(db);

    const scores = await db.selectFrom('scores').select(['period', 'points']).orderBy('period').execute();
    expect(scores).toEqual([
      { period: 'all', points: 22 },
      { period: 'm:2026-03', points: 10 },
      { period: 'm:2026-04', points: 12 },
      { period: 'q:2026-Q1', points: 10 },
      { period: 'q:2026-Q2', points: 12 },
      { period: 'w:2026-03-30', points: 22 },
    ]);
    const repo = createRepository(db);
    const channel = (await repo.getChannel('test:T:old'))!;
    expect(channel.seasonLength).toBe('quarter');
    expect(channel.championRoleId).toBeNull();
    expect(await repo.isHidden('test:T:ada')).toBe(false);
    await expect(sql`update channels set season_length = 'year'`.execute(db)).rejects.toThrow(/check/i);

    await down(db);
    expect((await db.selectFrom('scores').select('period').execute()).map((r) => r.period).sort()).toEqual(['all', 'w:2026-03-30']);
    await up(db);
    expect(await db.selectFrom('scores').select('period').execute()).toHaveLength(6);
  });
});
