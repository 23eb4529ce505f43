import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardText, command, createHarness, type Harness, member, reply } from '../helpers/harness.ts';

const CH = 'test:T1:C1';
const ada = member('ada');
const bob = member('bob');
/** A reply that clears the default bar of 12 words, marked with `label`. */
const answer = (label: string) => `${label}: more data lowers variance, so an overfit model usually improves with it.`;

let h: Harness;

async function subscribe(settings: Record<string, string> = {}) {
  await command(h, CH, { id: 'test:admin', name: 'admin' }, '/mlq start');
  for (const [key, value] of Object.entries(settings))
    await command(h, CH, { id: 'test:admin', name: 'admin' }, `/mlq config ${key} ${value}`);
}

/** Moves the clock and runs the scheduler as production does each minute. */
async function at(iso: string) {
  h.clock.set(new Date(iso));
  return h.mlq.tick();
}

beforeEach(async () => {
  h = await createHarness(new Date('2026-11-23T08:00:00Z'));
});
afterEach(async () => {
  await h.close();
});

describe('a whole round', () => {
  it('posts, takes answers, reveals with strong answer and probes, and scores once', async () => {
    await subscribe();
    expect(h.port.of('post')).toHaveLength(1);
    const first = await reply(h, CH, ada, 'Bias is error from wrong assumptions; variance is sensitivity to the sample.');
    expect(first.outcome).toBe('answer');
    expect((await reply(h, CH, ada, 'And another thought')).outcome).toBe('discussion');
    expect(
      (await reply(h, CH, bob, 'My take: regularise first, then collect more data if validation error still lags training.')).outcome,
    ).toBe('answer');
    expect(h.port.of('react').map((r) => r.ack)).toEqual(['answer-counted', 'answer-counted']);

    const revealed = await command(h, CH, { id: 'test:admin', name: 'admin' }, '/mlq reveal');
    expect(cardText(revealed.card)).toContain('Revealed: 2 answered');
    const reveal = h.port.of('reply').at(-1)!.card!;
    expect(cardText(reveal)).toContain('What a strong answer covers');
    expect(cardText(reveal)).toContain('Follow-up probes');
    expect(h.port.of('update').at(-1)!.card!.title).toMatch(/revealed$/);

    const rows = await h.database.store.db.selectFrom('ledger').select(['member_id', 'reason', 'points']).orderBy('member_id').execute();
    expect(rows).toEqual([
      { member_id: 'test:ada', reason: 'answer', points: 10 },
      { member_id: 'test:bob', reason: 'answer', points: 10 },
    ]);
    const board = await command(h, CH, ada, '/mlq leaderboard');
    expect(cardText(board.card)).toMatch(/ada · 10 pts/);
    expect(board.visibility).toBe('private');
    expect((await command(h, CH, ada, '/mlq leaderboard all public')).visibility).toBe('public');
  });

  it('counts a replayed answer event once', async () => {
    await subscribe();
    const first = await reply(h, CH, ada, answer('The answer'), 'test:dup:1');
    const again = await reply(h, CH, ada, answer('The answer'), 'test:dup:1');
    expect([first.outcome, again.outcome]).toEqual(['answer', 'duplicate']);
    await command(h, CH, { id: 'test:admin', name: 'admin' }, '/mlq reveal');
    await h.mlq.tick();
    const answers = await h.database.store.db.selectFrom('answers').selectAll().execute();
    const ledger = await h.database.store.db.selectFrom('ledger').selectAll().execute();
    const messages = await h.database.store.db.selectFrom('thread_messages').selectAll().execute();
    expect([answers.length, ledger.length, messages.length]).toEqual([1, 1, 1]);
  });

  it('tells a member who answered today that the answer is in, and one who did not nothing of the kind', async () => {
    await subscribe();
    await reply(h, CH, ada, answer('An answer before the reveal'));
    expect(cardText((await command(h, CH, ada, '/mlq streak')).card)).toContain("Today's answer is in");
    expect(cardText((await command(h, CH, bob, '/mlq streak')).card)).not.toContain("Today's answer is in");
  });

  it('stores an answer with NUL characters in it, without them', async () => {
    await subscribe();
    expect(
      (
        await reply(
          h,
          CH,
          ada,
          'bias\u0000 and variance pull in opposite directions as capacity grows, so tune it on validation data',
          'test:nul:1',
        )
      ).outcome,
    ).toBe('answer');
    const row = await h.database.store.db
      .selectFrom('answers')
      .select('text')
      .where('message_id', '=', 'test:nul:1')
      .executeTakeFirstOrThrow();
    expect(row.text).toBe('bias and variance pull in opposite directions as capacity grows, so tune it on validation data');
  });

  it('treats a reply after the reveal as discussion, and a long one as a probe reply once', async () => {
    await subscribe();
    await command(h, CH, { id: 'test:admin', name: 'admin' }, '/mlq reveal');
    expect((await reply(h, CH, ada, 'late answer')).outcome).toBe('discussion');
    const probe = 'I would compare the calibration curves per segment before deciding anything else here.';
    expect((await reply(h, CH, ada, probe)).outcome).toBe('probe-reply');
    expect((await reply(h, CH, ada, `${probe} Again.`)).outcome).toBe('discussion');
    const ledger = await h.database.store.db.selectFrom('ledger').select(['reason', 'points']).execute();
    expect(ledger).toEqual([{ reason: 'probe_reply', points: 5 }]);
  });

  it('updates an edited answer and withdraws a deleted one before the reveal', async () => {
    await subscribe();
    const a = await reply(h, CH, ada, answer('first draft'));
    expect(await h.mlq.messageEdited({ messageId: a.messageId, text: answer('better draft') })).toBe(true);
    const b = await reply(h, CH, bob, answer('oops'));
    expect(await h.mlq.messageDeleted({ messageId: b.messageId })).toBe(true);
    expect((await reply(h, CH, bob, answer('second try'))).outcome).toBe('answer');
    await command(h, CH, { id: 'test:admin', name: 'admin' }, '/mlq reveal');
    expect(await h.mlq.messageEdited({ messageId: a.messageId, text: answer('after reveal') })).toBe(false);
    const answers = await h.database.store.db.selectFrom('answers').select(['member_id', 'text', 'withdrawn_at']).orderBy('id').execute();
    expect(answers.map((r) => [r.member_id, r.text, r.withdrawn_at !== null])).toEqual([
      ['test:ada', answer('better draft'), false],
      ['test:bob', answer('oops'), true],
      ['test:bob', answer('second try'), false],
    ]);
  });

  it("scores peer votes once, never one's own", async () => {
    await subscribe();
    const a = await reply(h, CH, ada, answer('answer'));
    expect(await h.mlq.reaction({ channelId: CH, communityId: 'test', messageId: a.messageId, member: ada })).toBe(false);
    expect(await h.mlq.reaction({ channelId: CH, communityId: 'test', messageId: a.messageId, member: bob })).toBe(true);
    expect(await h.mlq.reaction({ channelId: CH, communityId: 'test', messageId: a.messageId, member: bob })).toBe(false);
    await command(h, CH, { id: 'test:admin', name: 'admin' }, '/mlq reveal');
    const carol = member('carol');
    expect(await h.mlq.reaction({ channelId: CH, communityId: 'test', messageId: a.messageId, member: carol })).toBe(true);
    const votes = await h.database.store.db
      .selectFrom('ledger')
      .select(['key', 'points'])
      .where('reason', '=', 'peer_vote')
      .orderBy('key')
      .execute();
    expect(votes).toEqual([
      { key: 'peer_vote:1:test:ada:test:bob', points: 2 },
      { key: 'peer_vote:1:test:ada:test:carol', points: 2 },
    ]);
    const score = await h.database.store.db
      .selectFrom('scores')
      .select(['period', 'points'])
      .where('member_id', '=', ada.id)
      .orderBy('period')
      .execute();
    expect(score).toEqual([
      { period: 'all', points: 14 },
      { period: 'm:2026-11', points: 14 },
      { period: 'q:2026-Q4', points: 14 },
      { period: 'w:2026-11-23', points: 14 },
    ]);
  });
});

describe('streaks over scheduled rounds', () => {
  it('grows across consecutive rounds, survives a weekend and resets after a missed round', async () => {
    await subscribe({ time: '09:00', reveal: '6h', days: 'mon-fri' });
    const streakOf = async () => cardText((await command(h, CH, ada, '/mlq streak')).card);
    // Monday: posted by /mlq start; answer, then the scheduler reveals at 15:00.
    await reply(h, CH, ada, answer('monday'));
    expect(await streakOf()).toMatch(/adds 1 when the round is revealed/);
    await at('2026-11-23T15:00:00Z');
    expect(await streakOf()).toMatch(/1 round in a row/);
    for (const [day, date] of [
      ['tue', '24'],
      ['wed', '25'],
      ['thu', '26'],
      ['fri', '27'],
      ['mon', '30'],
    ] as const) {
      const month = day === 'mon' ? '2026-11-30' : `2026-11-${date}`;
      expect((await at(`${month}T09:00:00Z`)).posted).toBe(1);
      await reply(h, CH, ada, answer(day));
      expect((await at(`${month}T15:00:00Z`)).revealed).toBe(1);
    }
    expect(await streakOf()).toMatch(/6 rounds in a row · best 6/);
    await at('2026-12-01T09:00:00Z');
    await at('2026-12-01T15:00:00Z');
    expect(await streakOf()).toMatch(/0 rounds in a row · best 6/);
    await at('2026-12-02T09:00:00Z');
    await reply(h, CH, ada, answer('back'));
    await at('2026-12-02T15:00:00Z');
    expect(await streakOf()).toMatch(/1 round in a row · best 6/);
    expect(h.port.of('post')).toHaveLength(8);
  });

  it('posts each scheduled round once however often the scheduler runs', async () => {
    await subscribe();
    for (let i = 0; i < 5; i++) await at('2026-11-24T09:00:30Z');
    await Promise.all([h.mlq.tick(), h.mlq.tick(), h.mlq.tick()]);
    expect(h.port.of('post')).toHaveLength(2);
  });
});

describe('the week of the leaderboard follows the channel time zone', () => {
  it('puts a Sunday-night round in New York into the week that ends that Sunday', async () => {
    h.clock.set(new Date('2026-11-29T23:30:00Z'));
    await subscribe({ timezone: 'America/New_York', days: 'daily' });
    await reply(h, CH, ada, answer('sunday evening answer'));
    await command(h, CH, { id: 'test:admin', name: 'admin' }, '/mlq reveal');
    const periods = await h.database.store.db.selectFrom('scores').select('period').where('member_id', '=', ada.id).execute();
    expect(periods.map((p) => p.period).sort()).toEqual(['all', 'm:2026-11', 'q:2026-Q4', 'w:2026-11-23']);
    expect(cardText((await command(h, CH, ada, '/mlq leaderboard')).card)).toMatch(/week of 2026-11-23[\s\S]*ada · 10 pts/);
    h.clock.set(new Date('2026-11-30T05:30:00Z'));
    expect(cardText((await command(h, CH, ada, '/mlq leaderboard')).card)).toMatch(/week of 2026-11-30[\s\S]*No points yet this week/);
  });
});

describe('commands in a channel', () => {
  it('refuses organiser commands to members, politely', async () => {
    await subscribe();
    const refused = await command(h, CH, ada, '/mlq skip');
    expect(cardText(refused.card)).toMatch(/is for the channel's organisers/);
    h.port.admins.add(ada.id);
    expect(cardText((await command(h, CH, ada, '/mlq skip')).card)).toMatch(/Skipped\. A new question is posted/);
    expect(h.port.of('post')).toHaveLength(2);
  });

  it('lets any member subscribe a new channel as its organiser, but only organisers resume a paused one', async () => {
    expect(cardText((await command(h, CH, ada, '/mlq start')).card)).toMatch(/mlq is on in this channel/);
    expect(cardText((await command(h, CH, ada, '/mlq config time 10:00')).card)).toMatch(/Saved: time is now 10:00/);
    expect(cardText((await command(h, CH, ada, '/mlq stop')).card)).toMatch(/paused/);
    expect(cardText((await command(h, CH, bob, '/mlq start')).card)).toMatch(/one of its organisers can resume it/);
    expect(cardText((await command(h, CH, ada, '/mlq start')).card)).toMatch(/mlq is on in this channel/);
  });

  it('tells members of an unsubscribed channel how to start', async () => {
    expect(cardText((await command(h, CH, ada, '/mlq today')).card)).toMatch(/\/mlq start/);
  });

  it('finds practice questions by word and says when nothing matches', async () => {
    const found = await command(h, CH, ada, '/mlq ask calibration');
    expect(found.card.title).toMatch(/^Practice/);
    expect(cardText((await command(h, CH, ada, '/mlq solution')).card)).toMatch(/What a strong answer covers/);
    expect(cardText((await command(h, CH, ada, '/mlq ask zzzqqq')).card)).toMatch(/No question matches/);
    expect(cardText((await command(h, CH, ada, '/mlq topics')).card)).toMatch(/Fundamentals/);
  });
});
