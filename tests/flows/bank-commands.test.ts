import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CommandReply } from '../../src/core/commands/spec.ts';
import { command, createHarness, type Harness, member } from '../helpers/harness.ts';

let h: Harness;
let n = 0;
let ada = member('ada');
const CH = 'test:T1:B1';

beforeAll(async () => {
  h = await createHarness(new Date('2026-11-23T08:00:00Z'));
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => {
  ada = member(`ada${++n}`);
});

const run = (line: string) => command(h, CH, ada, line);
const sentence = (r: CommandReply) => (r.card.blocks[0] && 'markdown' in r.card.blocks[0] ? r.card.blocks[0].markdown : '');
const practices = () =>
  h.database.store.db
    .selectFrom('practices')
    .select(['question_id', 'channel_id', 'revealed_at'])
    .where('member_id', '=', ada.id)
    .execute();

describe('/mlq ask', () => {
  it('gives a private practice question of the asked category and level, in any channel, and keeps it', async () => {
    const reply = await run('/mlq ask coding senior');
    expect(reply.visibility).toBe('private');
    expect(reply.card.title).toBe('Practice · ML coding · senior');
    expect(reply.card.blocks[1]).toEqual({
      type: 'context',
      markdown: 'Think it through or write your answer down, then reveal the strong answer.',
    });
    const rows = await practices();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ channel_id: CH, revealed_at: null });
    const question = await h.database.store.db
      .selectFrom('questions')
      .select(['category', 'level'])
      .where('id', '=', rows[0]!.question_id)
      .executeTakeFirstOrThrow();
    expect(question).toEqual({ category: 'coding', level: 'senior' });
  });

  it('searches by a topic word and says plainly when nothing matches, naming what was asked', async () => {
    expect((await run('/mlq ask calibration')).card.title).toMatch(/^Practice · /);
    expect(sentence(await run('/mlq ask statistics junior zygomorphic'))).toBe(
      'No question matches “statistics junior zygomorphic”. Try a broader word, or `/mlq topics` for the categories.',
    );
    expect(await practices()).toHaveLength(1);
  });

  it('refuses a word that is not a plain topic word, and more than three topic words', async () => {
    expect(sentence(await run('/mlq ask c++'))).toBe('Search with plain topic words, such as `/mlq ask calibration`; `c++` is not one.');
    expect(sentence(await run('/mlq ask qwv xzq jjq'))).toMatch(/^No question matches “qwv xzq jjq”/);
    expect(sentence(await run('/mlq ask qwv xzq jjq kkq'))).toMatch(/^that is too many words \(at most 3\)/i);
    expect(await practices()).toEqual([]);
  });
});

describe('/mlq solution', () => {
  it('says how to get a practice question when there is none', async () => {
    expect(sentence(await run('/mlq solution'))).toBe('You have no practice question yet: `/mlq ask` gives you one.');
  });

  it('reveals the last practice question with the probes and the checklist, and marks it revealed', async () => {
    await run('/mlq ask coding junior');
    h.clock.set(new Date('2026-11-23T08:05:00Z'));
    const reply = await run('/mlq solution');
    expect(reply.visibility).toBe('private');
    expect(reply.card.title).toBe('Practice reveal · ML coding · junior');
    const lists = reply.card.blocks.flatMap((b) => (b.type === 'list' ? [b.title] : []));
    expect(lists).toContain('**Follow-up probes, with what a good reply covers**');
    expect(reply.card.blocks.some((b) => b.type === 'buttons' && b.buttons.some((x) => x.action === 'grade.open'))).toBe(true);
    expect((await practices())[0]!.revealed_at?.toISOString()).toBe('2026-11-23T08:05:00.000Z');
  });
});

describe('/mlq topics', () => {
  it('counts the questions of each category by level, with the total', async () => {
    const reply = await run('/mlq topics');
    expect(reply.visibility).toBe('private');
    expect(reply.card.title).toBe('Topics · 304 questions');
    const block = reply.card.blocks[0]!;
    expect(block.type).toBe('fields');
    const rows = block.type === 'fields' ? block.fields : [];
    expect(rows).toHaveLength(10);
    expect(rows[0]).toEqual({ label: 'Fundamentals (`fundamentals`)', value: '27: 10 / 9 / 8 junior / mid / senior' });
    expect(rows.find((r) => r.label.endsWith('(`case-studies`)'))?.value).toBe('32: 10 / 12 / 10 junior / mid / senior');
    expect(reply.card.blocks[1]).toEqual({
      type: 'context',
      markdown: 'Practise one with `/mlq ask <category> [level]` or `/mlq ask <topic word>`.',
    });
  });
});
