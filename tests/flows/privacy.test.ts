import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { InteractionReply } from '../../src/core/interactions.ts';
import type { Card } from '../../src/core/message.ts';
import type { Member } from '../../src/core/types.ts';
import { cardText, command, createHarness, type Harness, member, reply } from '../helpers/harness.ts';
import { GOOD_SUGGESTION } from '../helpers/suggestion-fields.ts';

let h: Harness;
afterEach(async () => {
  await h?.close();
});

const admin = { id: 'test:admin', name: 'admin' };
const ada = member('ada');
const bob = member('bob');
const ANSWER = 'My answer: more data lowers variance, so an overfit model usually improves with it, and regularise too.';
const say = async (ch: string, who: Member, text: string) => cardText((await command(h, ch, who, text)).card);
const shown = (r: InteractionReply): string => (r.kind === 'card' ? cardText(r.card) : r.kind === 'notice' ? r.text : r.kind);
const buttonsOf = (card: Card) => card.blocks.flatMap((b) => (b.type === 'buttons' ? b.buttons : []));

/** Each member answers the channel's open round in its thread, then the admin reveals it. */
async function answeredRound(ch: string, who: Member[], text = ANSWER) {
  for (const m of who) expect((await reply(h, ch, m, text)).outcome).toBe('answer');
  await command(h, ch, admin, '/mlq reveal');
  return (await h.mlq.currentRound(ch))!;
}

describe('/mlq privacy', () => {
  it('shows a hidden member as "a member" on boards, digests and stats, and `show` brings the name back', async () => {
    h = await createHarness(new Date('2026-11-30T08:00:00Z'));
    const ch = 'test:T1:C1';
    await command(h, ch, admin, '/mlq start');
    expect(await say(ch, admin, 'config digest fri 16:00')).toMatch(/Saved: digest is now Fri 16:00/);
    await answeredRound(ch, [ada, bob]);
    for (const day of [1, 2]) {
      h.clock.set(new Date(Date.parse('2026-11-30T09:00:00Z') + day * 86_400_000));
      await h.mlq.tick();
      await answeredRound(ch, day === 1 ? [ada, bob] : [ada]);
    }
    expect(await say(ch, ada, 'privacy')).toMatch(/Your name is shown/);
    expect(await say(ch, ada, 'privacy hide')).toMatch(/now show you as “a member”\. Your points still count/);
    expect(await say(ch, ada, 'privacy')).toMatch(/Your name is hidden/);
    expect(await say(ch, ada, 'privacy hide')).toMatch(/Hidden/);

    const board = await say(ch, bob, 'leaderboard all');
    expect(board).toMatch(/🥇 a member · 30 pts\n🥈 bob · 20 pts/);
    expect(board).not.toMatch(/ada/);
    expect(await say(ch, bob, 'leaderboard week public')).toMatch(/🥇 a member · 30 pts/);
    expect(await say(ch, bob, 'stats <@test:ada>')).toMatch(/Stats for a member/);
    expect(await say(ch, bob, 'streak <@test:ada>')).toMatch(/a member's streak: 3 rounds/);

    // the digest of the week (Friday 16:00 UTC by default)
    h.clock.set(new Date('2026-12-04T16:00:30Z'));
    expect(await h.mlq.tick()).toMatchObject({ digests: 1 });
    const digest = cardText(h.port.sent.find((s) => s.key?.startsWith('mlq-digest-'))!.card!);
    expect(digest).toMatch(/🥇 a member · 30 pts/);
    expect(digest).toMatch(/a member · 3 rounds|a member: 3/);
    expect(digest).not.toMatch(/\bada\b/);

    expect(await say(ch, ada, 'privacy show')).toMatch(/show your name again/);
    expect(await say(ch, bob, 'leaderboard all')).toMatch(/🥇 ada · 30 pts\n🥈 bob · 20 pts/);
    expect(await say(ch, bob, 'privacy sometimes')).toMatch(/sometimes/);
  });
});

/** Every text, json and array column of every table of the schema holding `needle` anywhere, as `table.column (rows)`. */
async function holding(needle: string): Promise<string[]> {
  const db = h.database.store.db;
  const { rows: columns } = await sql<{ table_name: string; column_name: string }>`
    select c.table_name, c.column_name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
      and (c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY', 'USER-DEFINED'))
    order by 1, 2`.execute(db);
  expect(columns.length).toBeGreaterThan(20);
  const found: string[] = [];
  for (const { table_name, column_name } of columns) {
    const { rows } = await sql<{ n: string }>`
      select count(*) as n from ${sql.table(table_name)} where strpos(${sql.ref(column_name)}::text, ${needle}) > 0`.execute(db);
    if (Number(rows[0]!.n) > 0) found.push(`${table_name}.${column_name} (${rows[0]!.n})`);
  }
  return found;
}

describe('/mlq forget', () => {
  it('erases every trace of the member in every channel of the community and leaves the totals consistent', async () => {
    h = await createHarness(new Date('2026-11-23T08:00:00Z'));
    const zed = { id: 'test:zed-4471', name: 'Zelda Quux-Marker' };
    const MARK = 'QUOKKA-MARKER-91c2';
    const [c1, c2] = ['test:T1:C1', 'test:T1:C2'];
    await command(h, c1, zed, '/mlq start');
    h.port.admins.add(zed.id);
    await command(h, c2, admin, '/mlq start');
    await h.database.store.db
      .updateTable('channels')
      .set({ organiser_ids: [zed.id, admin.id] })
      .where('id', '=', c2)
      .execute();

    for (const m of [zed, bob]) await reply(h, c1, m, `${ANSWER} ${m === zed ? MARK : ''}`);
    const bobsAnswer = (
      await h.database.store.db.selectFrom('answers').select('message_id').where('member_id', '=', bob.id).executeTakeFirstOrThrow()
    ).message_id;
    const round = (await h.mlq.currentRound(c1))!;
    expect(await h.mlq.reaction({ channelId: c1, communityId: 'test', messageId: bobsAnswer, member: zed })).toBe(true);
    await command(h, c1, admin, '/mlq reveal');
    await reply(h, c2, zed, `${ANSWER} ${MARK} in the second channel`);
    await reply(h, c2, ada, ANSWER);
    await command(h, c2, admin, '/mlq reveal');
    expect(await say(c1, zed, 'grade 1 2')).toMatch(/Saved|saved/);
    await say(c1, zed, 'review remind 08:00 Europe/Berlin');
    await say(c1, zed, 'ask');
    await say(c1, zed, 'privacy hide');
    await say(c1, zed, 'away 3');
    // a season boundary names zed champion of the channel
    h.clock.set(new Date('2026-11-23T16:00:00Z'));
    await h.mlq.tick();
    h.clock.set(new Date('2027-01-01T00:00:30Z'));
    await h.mlq.tick();
    const champions = async () =>
      (await h.database.store.db.selectFrom('season_results').select('champion_ids').execute()).map((r) => r.champion_ids);
    // zed (answer 10, grade 2) and bob (answer 10, zed's vote 2) share the first place in the first channel
    expect(await champions()).toEqual(expect.arrayContaining([[bob.id, zed.id].sort()]));
    expect(await holding(zed.id)).not.toEqual([]);
    expect(await holding(MARK)).toEqual(['answers.text (2)']);
    expect(await say(c1, bob, 'leaderboard all')).toMatch(/all time\n🥇 bob · 12 pts\n🥇 a member · 12 pts$/m);

    // nobody else may erase zed: not a member, not the channel's organiser; the erase button re-checks who pressed it
    h.port.admins.add(bob.id);
    expect(await say(c1, bob, `forget <@${zed.id}>`)).toMatch(/Only the member themself, or an operator listed in MLQ_ADMINS/);
    expect(await say(c1, bob, `forget <@${zed.id}> confirm`)).toMatch(/Only the member themself/);
    const stolen = await h.mlq.action({ channelId: c1, communityId: 'test', actor: bob, action: 'forget.confirm', value: zed.id });
    expect(shown(stolen)).toMatch(/Only the member themself/);
    expect(await holding(MARK)).toEqual(['answers.text (2)']);

    const asked = await command(h, c1, zed, 'forget me');
    expect(asked.visibility).toBe('private');
    expect(cardText(asked.card)).toMatch(
      /This erases your answers, grades, review cards, reminders, points, streaks and name in every channel/,
    );
    expect(buttonsOf(asked.card)).toEqual([
      { label: 'Erase everything', action: 'forget.confirm', value: zed.id, command: '/mlq forget me confirm', style: 'danger' },
    ]);
    expect(await holding(MARK)).toEqual(['answers.text (2)']);
    const done = await h.mlq.action({ channelId: c1, communityId: 'test', actor: zed, action: 'forget.confirm', value: zed.id });
    expect(shown(done)).toMatch(/^Done: your answers, .* are erased in every channel of this community/);

    expect(await holding(zed.id)).toEqual([]);
    expect(await champions()).toEqual(expect.arrayContaining([[bob.id]]));
    expect(await holding(zed.name)).toEqual([]);
    expect(await holding(MARK)).toEqual([]);
    expect(shown(await h.mlq.action({ channelId: c1, communityId: 'test', actor: zed, action: 'forget.confirm', value: zed.id }))).toMatch(
      /nothing to erase/,
    );

    // every total equals the sum of the ledger; bob keeps the peer vote zed gave; the round counts one answer now
    const db = h.database.store.db;
    const { rows: drift } = await sql`
      select s.channel_id, s.period, s.member_id from scores s
      left join (select channel_id, member_id, sum(points) as points from ledger group by 1, 2) l
        on l.channel_id = s.channel_id and l.member_id = s.member_id
      where s.period = 'all' and s.points is distinct from l.points`.execute(db);
    expect(drift).toEqual([]);
    expect(await say(c1, bob, 'leaderboard all')).toMatch(/all time\n🥇 bob · 12 pts$/m);
    expect(
      await db.selectFrom('scores').select(['period', 'member_id', 'points']).where('channel_id', '=', c1).orderBy('period').execute(),
    ).toEqual([
      { period: 'all', member_id: bob.id, points: 12 },
      { period: 'm:2026-11', member_id: bob.id, points: 12 },
      { period: 'q:2026-Q4', member_id: bob.id, points: 12 },
      { period: 'w:2026-11-23', member_id: bob.id, points: 12 },
    ]);
    expect((await db.selectFrom('rounds').select('answer_count').where('id', '=', round.id).executeTakeFirstOrThrow()).answer_count).toBe(
      1,
    );
    const c2board = await say(c2, ada, 'leaderboard all');
    expect(c2board).toMatch(/🥇 ada · 10 pts/);
    expect(c2board).not.toMatch(/a member/);
  });

  it('lets an operator in MLQ_ADMINS erase another member, and erases on the terminal with `confirm`', async () => {
    h = await createHarness(new Date('2026-11-23T08:00:00Z'));
    const ch = 'test:T1:C1';
    await command(h, ch, admin, '/mlq start');
    await answeredRound(ch, [ada, bob]);
    const asked = await command(h, ch, admin, `forget <@${ada.id}>`);
    expect(buttonsOf(asked.card)[0]).toMatchObject({ value: ada.id, command: `/mlq forget <@${ada.id}> confirm` });
    expect(await say(ch, admin, `forget <@${ada.id}> confirm`)).toMatch(/Done: that member’s answers/);
    expect(await holding(ada.id)).toEqual([]);
    const press = () => h.mlq.action({ channelId: ch, communityId: 'test', actor: bob, action: 'forget.confirm', value: bob.id });
    const twice = (await Promise.all([press(), press()])).map(shown).sort();
    expect(twice).toEqual([
      expect.stringMatching(/^Done: your answers/),
      'There was nothing to erase: mlq holds no data about that member.',
    ]);
    expect(await holding(bob.id)).toEqual([]);
    // the command itself records the member who typed it, then erases them
    expect(await say(ch, bob, 'forget me confirm')).toMatch(/Done: your answers/);
    expect(await holding(bob.id)).toEqual([]);
    expect(await say(ch, ada, 'leaderboard all')).toMatch(/No points yet/);
    expect(await say(ch, bob, 'forget me <@test:ada>')).toMatch(/not both/);
  });

  it("erases the member's mock-interview pairs, feedback and suggestions, and keeps an approved question without its credit", async () => {
    h = await createHarness(new Date('2026-11-23T08:00:00Z'));
    const ch = 'test:T1:C1';
    const zed = { id: 'test:zed-5512', name: 'Zorba Pairwise-Marker' };
    const act = (who: Member, action: string, value: string) =>
      h.mlq.action({ channelId: ch, communityId: 'test', actor: who, action, value });
    await command(h, ch, zed, '/mlq start');
    await command(h, ch, zed, '/mlq config pairs mon 09:00');
    for (const who of [zed, bob]) await command(h, ch, who, '/mlq pairs join mid');
    let n = 0;
    const suggest = async () => {
      const opened = await command(h, ch, zed, '/mlq suggest');
      return h.mlq.submit({
        channelId: ch,
        communityId: 'test',
        actor: zed,
        form: opened.form!.id,
        value: opened.form!.value,
        fields: GOOD_SUGGESTION,
        submissionId: `zed-${++n}`,
      });
    };
    await suggest();
    expect(shown(await act(zed, 'suggest.approve', '1:channel'))).toMatch(/Approved/);
    await suggest();
    const approved = await h.database.store.db
      .selectFrom('suggestions')
      .select('question_id')
      .where('status', '=', 'approved')
      .executeTakeFirstOrThrow();
    expect(await say(ch, zed, `next ${approved.question_id}`)).toMatch(/next round/i);

    h.clock.set(new Date('2026-11-23T09:00:30Z'));
    await h.mlq.tick();
    h.clock.set(new Date('2026-11-26T21:00:30Z'));
    await h.mlq.tick();
    const group = (await h.database.store.db.selectFrom('pair_groups').select('id').executeTakeFirstOrThrow()).id;
    await act(zed, 'pairs.met', String(group));
    const met = await act(bob, 'pairs.met', String(group));
    const feedback = met.kind === 'card' ? buttonsOf(met.card)[0]! : null;
    for (const [who, id] of [
      [zed, 'f1'],
      [bob, 'f2'],
    ] as const) {
      await act(who, feedback!.action, feedback!.value);
      await h.mlq.submit({
        channelId: ch,
        communityId: 'test',
        actor: who,
        form: 'mlq.pairs.feedback',
        value: String(group),
        fields: { structure: 'Clear', depth: 'Deep enough', communication: 'Calm', advice: 'Lead with the trade-off.' },
        submissionId: id,
      });
    }
    const held = await holding(zed.id);
    for (const table of ['pair_members', 'pair_groups', 'pair_turns', 'pair_checkins', 'pair_feedback', 'suggestions', 'next_questions'])
      expect(
        held.some((c) => c.startsWith(`${table}.`)),
        table,
      ).toBe(true);
    expect(await holding(zed.name)).toContain('questions.body (1)');

    expect(await say(ch, zed, 'forget me confirm')).toMatch(/Done: your answers/);
    expect(await holding(zed.id)).toEqual([]);
    expect(await holding(zed.name)).toEqual([]);
    const question = await h.database.store.db
      .selectFrom('questions')
      .select(['prompt', 'scope_id'])
      .where('id', '=', approved.question_id!)
      .executeTakeFirstOrThrow();
    expect(question).toEqual({ prompt: GOOD_SUGGESTION.prompt, scope_id: ch });
    expect(await say(ch, bob, 'leaderboard all')).toMatch(/🥇 bob · 5 pts/);
    expect(await say(ch, bob, 'pairs')).not.toMatch(/Zorba/);
  });
});
