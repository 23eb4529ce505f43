import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Mlq } from '../../src/core/app.ts';
import { addChannel } from '../helpers/channels.ts';
import { cardText, command, createHarness, type Harness, member, reply } from '../helpers/harness.ts';
import { waitFor } from '../helpers/wait.ts';

const CH = 'test:T1:C1';
const admin = { id: 'test:admin', name: 'admin' };
const ada = member('ada');
const bob = member('bob');

let h: Harness;
beforeEach(async () => {
  h = await createHarness(new Date('2026-11-23T08:00:00Z'));
});
afterEach(async () => {
  await h.close();
});

const ledger = () => h.database.store.db.selectFrom('ledger').select(['member_id', 'reason', 'points']).orderBy('id').execute();
const channel = (id: string, extra: Parameters<typeof addChannel>[2] = {}) => addChannel(h, id, { organiserIds: ['test:owner'], ...extra });
const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('the longest answer counted is 10,000 characters', () => {
  it('counts 9,999 and 10,000 characters whole and does not count 10,001', async () => {
    await command(h, CH, admin, '/mlq start');
    const long = (n: number) => words(3_000).slice(0, n);
    expect((await reply(h, CH, ada, long(9_999), 'test:len:1')).outcome).toBe('answer');
    expect((await reply(h, CH, bob, long(10_000), 'test:len:2')).outcome).toBe('answer');
    expect((await reply(h, CH, member('cy'), long(10_001), 'test:len:3')).outcome).toBe('not-counted');
    const rows = await h.database.store.db.selectFrom('answers').select(['message_id', 'text']).orderBy('message_id').execute();
    expect(rows.map((r) => [r.message_id, r.text.length])).toEqual([
      ['test:len:1', 9_999],
      ['test:len:2', 10_000],
    ]);
  });
});

describe('the probe bonus needs a reply of at least 8 words after the reveal', () => {
  it('gives nothing for 7 words, 5 points for 8, and only once per round', async () => {
    await command(h, CH, admin, '/mlq start');
    await reply(h, CH, ada, words(12));
    await command(h, CH, admin, '/mlq reveal');
    expect((await reply(h, CH, ada, words(7))).outcome).toBe('discussion');
    expect((await reply(h, CH, ada, words(8))).outcome).toBe('probe-reply');
    expect((await reply(h, CH, ada, words(9))).outcome).toBe('discussion');
    expect((await reply(h, CH, bob, words(9))).outcome).toBe('probe-reply');
    expect(await ledger()).toEqual([
      { member_id: 'test:ada', reason: 'answer', points: 10 },
      { member_id: 'test:ada', reason: 'probe_reply', points: 5 },
      { member_id: 'test:bob', reason: 'probe_reply', points: 5 },
    ]);
  });
});

describe('peer votes count up to 5 per answer', () => {
  const voters = Array.from({ length: 6 }, (_, i) => member(`voter${i + 1}`));
  const votes = async (memberId: string) => (await ledger()).filter((r) => r.member_id === memberId && r.reason === 'peer_vote').length;
  const vote = (messageId: string, who: (typeof voters)[number]) =>
    h.mlq.reaction({ channelId: CH, communityId: 'test', messageId, member: who });

  it('settles 5 of 6 votes given before the reveal', async () => {
    await command(h, CH, admin, '/mlq start');
    const a = await reply(h, CH, ada, words(12));
    for (const voter of voters) expect(await vote(a.messageId, voter)).toBe(true);
    await command(h, CH, admin, '/mlq reveal');
    expect(await votes('test:ada')).toBe(5);
  });

  it('scores the 4th and 5th vote after the reveal, and not the 6th', async () => {
    await command(h, CH, admin, '/mlq start');
    const b = await reply(h, CH, bob, words(12));
    await command(h, CH, admin, '/mlq reveal');
    const counted: number[] = [];
    for (const voter of voters) {
      await vote(b.messageId, voter);
      counted.push(await votes('test:bob'));
    }
    expect(counted).toEqual([1, 2, 3, 4, 5, 5]);
  });
});

describe('/mlq away takes 1 to 14 days', () => {
  it('refuses 0 and 15, and counts 1 and 14 days from today', async () => {
    await command(h, CH, admin, '/mlq start');
    const away = async (days: string) => cardText((await command(h, CH, ada, `/mlq away ${days}`)).card);
    expect(await away('0')).toContain('You can be away for 1 to 14 days.');
    expect(await away('1')).toContain('Away until 2026-11-23 (UTC)');
    expect(await away('13')).toContain('Away until 2026-12-05 (UTC)');
    expect(await away('14')).toContain('Away until 2026-12-06 (UTC)');
    expect(await away('15')).toContain('You can be away for 1 to 14 days.');
    expect(await away('100')).not.toContain('Away until');
  });
});

describe('/mlq away off and the streak card', () => {
  it('shows the away date through its last day, not after, and ends it early with off in any case', async () => {
    await command(h, CH, admin, '/mlq start');
    const say = async (text: string) => cardText((await command(h, CH, ada, text)).card);
    const AWAY = 'Away until 2026-11-24: missed rounds do not break the streak.';
    expect(await say('/mlq away')).toContain('Give a number of days, for example `/mlq away 5`');
    expect(await say('/mlq away 2')).toContain('Away until 2026-11-24 (UTC)');
    expect(await say('/mlq streak')).toContain(AWAY);
    h.clock.set(new Date('2026-11-24T23:59:00Z'));
    expect(await say('/mlq streak')).toContain(AWAY);
    h.clock.set(new Date('2026-11-25T00:00:00Z'));
    expect(await say('/mlq streak')).not.toContain('Away until');
    expect(await say('/mlq away 3')).toContain('Away until 2026-11-27 (UTC)');
    expect(await say('/mlq away OFF')).toContain('Welcome back: your streak counts rounds again from the next one.');
    expect(await say('/mlq streak')).not.toContain('Away until');
    expect(await say('/mlq away offf')).toContain("I don't understand `offf` here. Usage: `/mlq away <days|off>`.");
  });
});

describe('a digest overdue by more than a day is skipped', () => {
  const digests = () => h.database.store.db.selectFrom('digests').select(['week', 'status']).execute();

  it('still sends a digest exactly 24 hours late', async () => {
    const c = await channel('test:grace:on', { digestWeekday: 5, digestTime: '16:00' });
    await h.repo.saveChannel({ ...c, nextDigestAt: new Date('2026-11-27T16:00:00Z') });
    h.clock.set(new Date('2026-11-28T16:00:00.000Z'));
    expect(await h.mlq.tick()).toMatchObject({ digests: 1 });
    expect(await digests()).toEqual([{ week: '2026-11-23', status: 'sent' }]);
  });

  it('skips it 24 hours and 1 ms late', async () => {
    const c = await channel('test:grace:off', { digestWeekday: 5, digestTime: '16:00' });
    await h.repo.saveChannel({ ...c, nextDigestAt: new Date('2026-11-27T16:00:00Z') });
    h.clock.set(new Date('2026-11-28T16:00:00.001Z'));
    expect(await h.mlq.tick()).toMatchObject({ digests: 0 });
    expect(await digests()).toEqual([{ week: '2026-11-23', status: 'skipped' }]);
  });
});

describe('a claimed post is retried only once its lease of 2 minutes has lapsed', () => {
  it('leaves the claim alone at 2 minutes and takes it over 1 ms later', async () => {
    await channel('test:lease');
    let stalled = true;
    h.port.beforePost = () => (stalled ? ((stalled = false), new Promise<void>(() => undefined)) : undefined);
    h.clock.set(new Date('2026-11-23T09:00:00.000Z'));
    void h.mlq.tick();
    const survivor = new Mlq({ ...h.deps });
    const attempts = async () => (await h.database.store.db.selectFrom('rounds').select('attempts').executeTakeFirst())?.attempts;
    await waitFor(async () => !stalled && (await attempts()) === 1);
    h.clock.set(new Date('2026-11-23T09:02:00.000Z'));
    expect(await survivor.tick()).toMatchObject({ posted: 0 });
    expect(await attempts()).toBe(1);
    h.clock.set(new Date('2026-11-23T09:02:00.001Z'));
    expect(await survivor.tick()).toMatchObject({ posted: 1 });
    expect(await attempts()).toBe(2);
    expect(h.port.of('post').map((p) => p.target)).toEqual(['test:lease']);
  });
});

describe('a failing post backs off 1, 2, 4 and 8 minutes, and the 5th failure pauses the channel', () => {
  it('retries after each back-off and not a millisecond before', async () => {
    await channel('test:backoff');
    h.port.beforePost = () => {
      throw new Error('platform is down');
    };
    const round = async () => await h.database.store.db.selectFrom('rounds').select(['attempts', 'status']).executeTakeFirstOrThrow();
    const at = async (iso: string) => {
      h.clock.set(new Date(iso));
      await h.mlq.tick();
      return round();
    };
    expect(await at('2026-11-23T09:00:00.000Z')).toEqual({ attempts: 1, status: 'posting' });
    expect(await at('2026-11-23T09:01:00.000Z')).toEqual({ attempts: 1, status: 'posting' });
    expect(await at('2026-11-23T09:01:00.001Z')).toEqual({ attempts: 2, status: 'posting' });
    expect(await at('2026-11-23T09:03:00.001Z')).toEqual({ attempts: 2, status: 'posting' });
    expect(await at('2026-11-23T09:03:00.002Z')).toEqual({ attempts: 3, status: 'posting' });
    expect(await at('2026-11-23T09:07:00.002Z')).toEqual({ attempts: 3, status: 'posting' });
    expect(await at('2026-11-23T09:07:00.003Z')).toEqual({ attempts: 4, status: 'posting' });
    expect(await at('2026-11-23T09:15:00.003Z')).toEqual({ attempts: 4, status: 'posting' });
    expect((await h.database.store.db.selectFrom('channels').select('active').executeTakeFirstOrThrow()).active).toBe(true);
    expect(await at('2026-11-23T09:15:00.004Z')).toEqual({ attempts: 5, status: 'skipped' });
    const paused = await h.database.store.db.selectFrom('channels').select(['active', 'paused_reason']).executeTakeFirstOrThrow();
    expect(paused).toEqual({ active: false, paused_reason: 'posting failed 5 times' });
    expect(h.port.of('private').map((p) => p.target)).toEqual(['test:owner']);
  });
});
