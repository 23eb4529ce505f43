import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { down, up } from '../../migrations/0005-min-words.ts';
import { createRepository } from '../../src/store/repository.ts';
import { createTestDatabase, TEST_DB, type TestDatabase } from '../helpers/database.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

describe(`migration 0005, the word bar (${TEST_DB})`, () => {
  it('gives channels that existed before it the default of 12, and goes down and up again', async () => {
    const db = database.store.db;
    await down(db);
    await sql`insert into communities (id, platform, name) values ('test:T', 'test', 'T')`.execute(db);
    await sql`insert into channels (id, community_id, name, active, organiser_ids, timezone, post_time, weekdays, reveal_delay_minutes, categories, levels)
      values ('test:T:old', 'test:T', 'old', true, '{}', 'UTC', '09:00', '{1,2,3,4,5}', 360, '{}', '{}')`.execute(db);
    await up(db);
    const repo = createRepository(db);
    expect((await repo.getChannel('test:T:old'))!.minWords).toBe(12);
    await expect(sql`update channels set min_words = 201 where id = 'test:T:old'`.execute(db)).rejects.toThrow(/check/i);
    await expect(sql`update channels set min_words = -1 where id = 'test:T:old'`.execute(db)).rejects.toThrow(/check/i);
    await sql`update channels set min_words = 200 where id = 'test:T:old'`.execute(db);
    expect((await repo.getChannel('test:T:old'))!.minWords).toBe(200);
    await repo.saveChannel({ ...(await repo.getChannel('test:T:old'))!, minWords: undefined });
    expect((await repo.getChannel('test:T:old'))!.minWords).toBe(200);
  });
});
