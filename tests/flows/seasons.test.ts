import { afterEach, describe, expect, it } from 'vitest';
import { nextDigestAt, nextPlannedRound } from '../../src/core/schedule.ts';
import type { Channel, Member } from '../../src/core/types.ts';
import { cardText, command, createHarness, type Harness, member } from '../helpers/harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const ANSWER = 'More data lowers the variance of the fit, so an overfit model usually improves once the training set grows a lot.';

async function channel(h: Harness, id: string, timezone: string, seasonLength?: 'month' | 'quarter'): Promise<Channel> {
  const s = {
    timezone,
    postTime: '09:00',
    weekdays: [1, 2, 3, 4, 5, 6, 7] as Channel['weekdays'],
    revealDelayMinutes: 360,
    categories: [],
    levels: [],
    digestWeekday: null,
    revealTime: null,
    ...(seasonLength ? { seasonLength } : {}),
  };
  await h.repo.upsertCommunity('test', 'test', 'Test');
  const c: Channel = {
    ...s,
    id,
    communityId: 'test',
    name: id,
    active: true,
    organiserIds: [],
    nextPostAt: nextPlannedRound(s, h.clock.now())!.postAt,
    nextDigestAt: nextDigestAt(s, h.clock.now()),
  };
  await h.repo.saveChannel(c);
  return c;
}

/** Posts the round due at `postAt`, lets each member answer in its thread, and reveals it six hours later. */
async function round(h: Harness, c: Channel, postAt: string, who: Member[]) {
  h.clock.set(new Date(postAt));
  await h.mlq.tick();
  const r = (await h.mlq.currentRound(c.id))!;
  for (const [i, m] of who.entries()) {
    await h.mlq.threadMessage({
      channelId: c.id,
      communityId: 'test',
      threadId: r.threadId!,
      messageId: `test:${r.id}:${i}`,
      author: m,
      text: ANSWER,
    });
  }
  h.clock.set(new Date(Date.parse(postAt) + 6 * 3_600_000));
  await h.mlq.tick();
  return r;
}

const board = async (h: Harness, c: Channel, period: string) =>
  cardText((await command(h, c.id, member('eve'), `leaderboard ${period}`)).card);
const seasonPosts = (h: Harness) => h.port.sent.filter((s) => s.key?.startsWith('mlq-season-'));

describe('monthly seasons in Pacific/Auckland (UTC+13 in summer)', () => {
  it('switches the month board at local midnight and posts the results once from two concurrent passes', async () => {
    h = await createHarness(new Date('2026-11-29T19:00:00Z'));
    const c = await channel(h, 'test:akl', 'Pacific/Auckland', 'month');
    const [ada, bob] = [member('ada'), member('bob')];
    // local 30 November 09:00 NZDT is 29 November 20:00 UTC
    const nov = await round(h, c, '2026-11-29T20:00:00Z', [ada]);
    expect(nov.localDate).toBe('2026-11-30');

    h.clock.set(new Date('2026-11-30T10:59:00Z'));
    expect(await h.mlq.tick()).toMatchObject({ seasons: 0 });
    expect(await board(h, c, 'month')).toMatch(/Leaderboard · November 2026[\s\S]*ada · 10 pts/);
    expect(await board(h, c, 'season')).toMatch(/Leaderboard · season November 2026[\s\S]*ada · 10 pts/);
    expect(seasonPosts(h)).toHaveLength(0);

    // 11:00 UTC on 30 November is midnight starting 1 December in Auckland, while UTC's month is still November
    h.clock.set(new Date('2026-11-30T11:00:00Z'));
    const [a, b] = await Promise.all([h.mlq.tick(), h.mlq.tick()]);
    expect(a.seasons + b.seasons).toBe(1);
    expect(await h.mlq.tick()).toMatchObject({ seasons: 0 });
    const posts = seasonPosts(h);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.target).toBe(c.id);
    const body = cardText(posts[0]!.card!);
    expect(posts[0]!.card!.title).toBe('Season results · November 2026');
    expect(body).toMatch(/Champion: ada with 10 pts\. 1 answer this season/);
    expect(await board(h, c, 'month')).toMatch(/Leaderboard · December 2026\nNo points yet this month/);

    // local 1 December 09:00 NZDT is 30 November 20:00 UTC: it counts for December although UTC says November
    const dec = await round(h, c, '2026-11-30T20:00:00Z', [bob, ada]);
    expect(dec.localDate).toBe('2026-12-01');
    expect(await board(h, c, 'month')).toMatch(/December 2026\n🥇 ada · 10 pts\n🥇 bob · 10 pts/);
    expect(await board(h, c, 'all')).toMatch(/all time\n🥇 ada · 20 pts\n🥈 bob · 10 pts/);
    expect(await board(h, c, 'week')).toMatch(/week of 2026-11-30\n🥇 ada · 20 pts\n🥈 bob · 10 pts/);
    expect(seasonPosts(h)).toHaveLength(1);
  });
});

describe('quarter seasons in America/Los_Angeles (UTC−8)', () => {
  it('keeps the quarter open after UTC has moved on and closes it at local midnight', async () => {
    h = await createHarness(new Date('2026-12-31T16:00:00Z'));
    const c = await channel(h, 'test:lax', 'America/Los_Angeles');
    const [ada, bob] = [member('ada'), member('bob')];
    // 31 December 09:00 PST is 17:00 UTC; revealed at 23:00 UTC
    await round(h, c, '2026-12-31T17:00:00Z', [bob, ada]);
    await command(h, c.id, ada, 'leaderboard');

    // 03:00 UTC on 1 January: UTC is in Q1 2027, Los Angeles still on 31 December
    h.clock.set(new Date('2027-01-01T03:00:00Z'));
    expect(await h.mlq.tick()).toMatchObject({ seasons: 0 });
    expect(await board(h, c, 'season')).toMatch(/season Q4 2026 \(October to December\)\n🥇 ada · 10 pts\n🥇 bob · 10 pts/);
    expect(await board(h, c, 'month')).toMatch(/December 2026\n🥇 ada/);

    h.clock.set(new Date('2027-01-01T07:59:59Z'));
    expect(await h.mlq.tick()).toMatchObject({ seasons: 0 });
    h.clock.set(new Date('2027-01-01T08:00:00Z'));
    const [a, b] = await Promise.all([h.mlq.tick(), h.mlq.tick()]);
    expect(a.seasons + b.seasons).toBe(1);
    const posts = seasonPosts(h);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.card!.title).toBe('Season results · Q4 2026 (October to December)');
    expect(cardText(posts[0]!.card!)).toMatch(/Champion: ada and bob with 10 pts\. 2 answers this season/);
    expect(await board(h, c, 'season')).toMatch(/season Q1 2027 \(January to March\)\nNo points yet this season/);
    expect(await board(h, c, 'all')).toMatch(/🥇 ada · 10 pts/);
  });

  it('skips a results post overdue by more than a week and posts an empty season without a champion', async () => {
    h = await createHarness(new Date('2026-12-30T16:00:00Z'));
    await channel(h, 'test:quiet', 'America/Los_Angeles');
    await h.mlq.tick();
    h.clock.set(new Date('2027-01-01T08:00:00Z'));
    expect(await h.mlq.tick()).toMatchObject({ seasons: 1 });
    expect(cardText(seasonPosts(h)[0]!.card!)).toMatch(/No points this season\. 0 answers this season/);

    const late = await channel(h, 'test:late', 'America/Los_Angeles');
    h.clock.set(new Date('2027-03-30T16:00:00Z'));
    await h.mlq.tick();
    // the service was down from the end of March until 9 April (local): that results post is skipped
    h.clock.set(new Date('2027-04-09T08:00:01Z'));
    const report = await h.mlq.tick();
    expect(report.seasons).toBe(0);
    expect(seasonPosts(h).filter((p) => p.target === late.id)).toHaveLength(0);
  });
});

describe('the 7-day grace for a results post', () => {
  it('posts one exactly 7 days late and skips one 7 days and an hour late', async () => {
    h = await createHarness(new Date('2027-03-30T12:00:00Z'));
    const utc = await channel(h, 'test:utc', 'UTC');
    // London is on summer time on 1 April: its quarter ends at 23:00 UTC on 31 March, an hour before UTC's
    const london = await channel(h, 'test:london', 'Europe/London');
    await h.mlq.tick();
    h.clock.set(new Date('2027-04-08T00:00:00Z'));
    expect(await h.mlq.tick()).toMatchObject({ seasons: 1 });
    expect(seasonPosts(h).map((p) => [p.target, p.card!.title])).toEqual([[utc.id, 'Season results · Q1 2027 (January to March)']]);
    const rows = await h.database.store.db.selectFrom('season_results').select(['channel_id', 'status']).orderBy('channel_id').execute();
    expect(rows).toEqual([
      { channel_id: london.id, status: 'skipped' },
      { channel_id: utc.id, status: 'sent' },
    ]);
    // both channels now wait for the end of the second quarter
    h.clock.set(new Date('2027-06-30T22:59:59Z'));
    expect(await h.mlq.tick()).toMatchObject({ seasons: 0 });
    h.clock.set(new Date('2027-06-30T23:00:00Z'));
    expect(await h.mlq.tick()).toMatchObject({ seasons: 1 });
    expect(seasonPosts(h).at(-1)!.target).toBe(london.id);
  });
});

describe('a results post whose replica died', () => {
  it('is finished by a later pass without posting twice, whether or not the post went out', async () => {
    h = await createHarness(new Date('2026-11-30T12:00:00Z'));
    const c = await channel(h, 'test:crash', 'UTC', 'month');
    await h.mlq.tick();
    let crash: 'after' | 'before' | null = 'after';
    h.port.afterPost = (_channel, key) => {
      if (key?.startsWith('mlq-season-') && crash === 'after') {
        crash = null;
        throw new Error('replica died after posting');
      }
    };
    h.port.beforePost = (_channel, key) => {
      if (key?.startsWith('mlq-season-') && crash === 'before') {
        crash = null;
        throw new Error('replica died before posting');
      }
    };
    h.clock.set(new Date('2026-12-01T00:00:10Z'));
    expect(await h.mlq.tick()).toMatchObject({ seasons: 0, failed: 1 });
    expect(seasonPosts(h)).toHaveLength(1);
    // within the lease nobody touches it; after it another pass finds the post by its key and records it
    h.clock.set(new Date('2026-12-01T00:01:10Z'));
    expect(await h.mlq.tick()).toMatchObject({ seasons: 0, failed: 0 });
    h.clock.set(new Date('2026-12-01T00:05:00Z'));
    expect(await h.mlq.tick()).toMatchObject({ seasons: 0, failed: 0 });
    expect(seasonPosts(h)).toHaveLength(1);
    const rows = await h.database.store.db.selectFrom('season_results').select(['season', 'status', 'attempts', 'message_id']).execute();
    expect(rows).toEqual([{ season: 'm:2026-11', status: 'sent', attempts: 2, message_id: seasonPosts(h)[0]!.messageId }]);

    // a post that never went out is made by the next pass after the lease
    crash = 'before';
    h.clock.set(new Date('2027-01-01T00:00:10Z'));
    expect(await h.mlq.tick()).toMatchObject({ seasons: 0, failed: 1 });
    expect(seasonPosts(h)).toHaveLength(1);
    h.clock.set(new Date('2027-01-01T00:05:00Z'));
    expect(await h.mlq.tick()).toMatchObject({ seasons: 1 });
    expect(seasonPosts(h).map((p) => [p.target, p.card!.title])).toEqual([
      [c.id, 'Season results · November 2026'],
      [c.id, 'Season results · December 2026'],
    ]);

    // one left unfinished for more than 7 days is given up rather than posted late
    crash = 'before';
    h.clock.set(new Date('2027-02-01T00:00:10Z'));
    expect(await h.mlq.tick()).toMatchObject({ failed: 1 });
    h.clock.set(new Date('2027-02-08T00:00:01Z'));
    expect(await h.mlq.tick()).toMatchObject({ seasons: 0, failed: 0 });
    expect(seasonPosts(h)).toHaveLength(2);
    const january = await h.database.store.db.selectFrom('season_results').select('status').where('season', '=', 'm:2027-01').execute();
    expect(january).toEqual([{ status: 'skipped' }]);
  });
});

describe('the season setting', () => {
  it('is validated and changes what the season board shows', async () => {
    h = await createHarness(new Date('2026-11-30T12:00:00Z'));
    const c = await channel(h, 'test:cfg', 'UTC');
    h.port.admins.add('test:org');
    const org = member('org');
    expect(cardText((await command(h, c.id, org, 'config season yearly')).card)).toMatch(/not a season length; write month or quarter/);
    expect(cardText((await command(h, c.id, org, 'config season month')).card)).toMatch(/Saved: season is now month/);
    expect(await board(h, c, 'season')).toMatch(/season November 2026/);
    expect(cardText((await command(h, c.id, org, 'config champion-role <@&123456789012>')).card)).toMatch(
      /champion-role is now role 123456789012/,
    );
    expect(cardText((await command(h, c.id, org, 'config champion-role everyone')).card)).toMatch(/is not a role/);
    expect(cardText((await command(h, c.id, org, 'config champion-role off')).card)).toMatch(/champion-role is now off/);
  });
});
