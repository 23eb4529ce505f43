import { afterEach, describe, expect, it } from 'vitest';
import { chartMaker } from '../../src/charts/chart-maker.ts';
import type { ChartMaker } from '../../src/core/charts.ts';
import { nextDigestAt, nextPlannedRound } from '../../src/core/schedule.ts';
import type { Channel } from '../../src/core/types.ts';
import { cardText, command, createHarness, type Harness, member, reply } from '../helpers/harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const CH = 'test:T1:C1';
const admin = { id: 'test:admin', name: 'admin' };
const ada = member('ada');
const bob = member('bob');
const ANSWER = 'More data lowers variance, so an overfit model usually improves; regularisation and early stopping help too.';
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const signature = (png: Uint8Array) => [...png.subarray(0, 8)];

/** A chart maker that always fails, as a broken renderer would. */
const broken: ChartMaker = {
  render: async () => {
    throw new Error('the renderer crashed');
  },
};

/** Ada and bob answer the round `/mlq start` posts on Monday 23 November; the admin reveals it; ada grades two practices. */
async function week(h: Harness) {
  await command(h, CH, admin, '/mlq start');
  expect((await reply(h, CH, ada, ANSWER)).outcome).toBe('answer');
  expect((await reply(h, CH, bob, `${ANSWER} Also cross-validation.`)).outcome).toBe('answer');
  h.clock.set(new Date('2026-11-23T15:00:00Z'));
  await command(h, CH, admin, '/mlq reveal');
  await command(h, CH, ada, '/mlq ask statistics');
  await command(h, CH, ada, '/mlq solution');
  await command(h, CH, ada, '/mlq grade practice all');
  await command(h, CH, ada, '/mlq ask evaluation');
  await command(h, CH, ada, '/mlq solution');
  await command(h, CH, ada, '/mlq grade practice none');
}

describe('charts in /mlq stats', () => {
  it('attaches the heatmap, mastery and points charts with their alt text', async () => {
    h = await createHarness(new Date('2026-11-23T08:00:00Z'));
    h.deps.charts = chartMaker;
    await week(h);
    const stats = await command(h, CH, ada, '/mlq stats');
    expect(cardText(stats.card)).toContain('Mastery by category');
    expect(stats.images?.map((i) => i.name)).toEqual([
      'mlq-activity-2026-11-23.png',
      'mlq-mastery-2026-11-23.png',
      'mlq-points-2026-11-23.png',
    ]);
    expect(stats.images?.map((i) => signature(i.png))).toEqual([PNG, PNG, PNG]);
    expect(stats.images?.map((i) => i.alt)).toEqual([
      'Activity heatmap of ada from 2026-06-01 to 2026-11-23: 1 answer on 1 day, the busiest 2026-11-23 with 1 answer.',
      'Mastery by category of ada across 2 categories: strongest Statistics and probability at 100%, weakest Model evaluation at 0%.',
      'Points of ada against the group median over 12 periods: 10 at 23 Nov against a median of 10, level with it.',
    ]);
  });

  it('leaves mastery out of another member’s charts', async () => {
    h = await createHarness(new Date('2026-11-23T08:00:00Z'));
    h.deps.charts = chartMaker;
    await week(h);
    const stats = await command(h, CH, ada, '/mlq stats <@test:bob>');
    expect(stats.images?.map((i) => i.name)).toEqual(['mlq-activity-2026-11-23.png', 'mlq-points-2026-11-23.png']);
  });

  it('replies with the same text and no images without a chart maker, or when drawing fails', async () => {
    h = await createHarness(new Date('2026-11-23T08:00:00Z'));
    await week(h);
    const plain = await command(h, CH, ada, '/mlq stats');
    expect(plain.images).toBeUndefined();
    h.deps.charts = broken;
    const failed = await command(h, CH, ada, '/mlq stats');
    expect(failed.images).toBeUndefined();
    expect(failed.card).toEqual(plain.card);
  });
});

async function digestChannel(h: Harness, id: string): Promise<Channel> {
  const s = {
    timezone: 'Asia/Tokyo',
    postTime: '09:00',
    weekdays: [1, 2, 3, 4, 5] as Channel['weekdays'],
    revealDelayMinutes: 360,
    categories: [],
    levels: [],
    digestWeekday: 5 as const,
    digestTime: '16:00',
    revealTime: null,
  };
  await h.repo.upsertCommunity('test', 'test', 'Test');
  const c: Channel = {
    ...s,
    id,
    communityId: 'test',
    name: 'ml-study',
    active: true,
    organiserIds: [],
    nextPostAt: nextPlannedRound(s, h.clock.now())!.postAt,
    nextDigestAt: nextDigestAt(s, h.clock.now()),
  };
  await h.repo.saveChannel(c);
  return c;
}

/** Tokyo rounds from Monday 30 November (posted 00:00 UTC) to Wednesday: 1, 2, then 0 answers; the digest on Friday 16:00 Tokyo. */
async function digestWeek(h: Harness, c: Channel) {
  for (let day = 0; day < 3; day++) {
    h.clock.set(new Date(Date.parse('2026-11-30T00:00:30Z') + day * 86_400_000));
    await h.mlq.tick();
    const round = (await h.mlq.currentRound(c.id))!;
    for (const who of [ada, bob].slice(0, day < 2 ? day + 1 : 0)) {
      await h.mlq.threadMessage({
        channelId: c.id,
        communityId: 'test',
        threadId: round.threadId!,
        messageId: `test:d:${day}:${who.id}`,
        author: who,
        text: ANSWER,
      });
    }
    h.clock.set(new Date(Date.parse('2026-11-30T06:00:30Z') + day * 86_400_000));
    await h.mlq.tick();
  }
  h.clock.set(new Date('2026-12-04T07:00:30Z'));
  expect(await h.mlq.tick()).toMatchObject({ digests: 1 });
}

describe('the digest’s group chart', () => {
  it('is posted in the digest’s thread after the digest, with its alt text', async () => {
    h = await createHarness(new Date('2026-11-29T23:00:00Z'));
    h.deps.charts = chartMaker;
    const c = await digestChannel(h, 'test:T1:digest');
    await digestWeek(h, c);
    const digest = h.port.sent.find((s) => s.key?.startsWith('mlq-digest-'))!;
    expect(digest.card!.title).toBe('Week of 2026-11-30 · the digest');
    const images = h.port.of('images');
    expect(images).toHaveLength(1);
    expect(images[0]!.target).toBe(digest.threadId);
    expect(h.port.sent.indexOf(images[0]!)).toBeGreaterThan(h.port.sent.indexOf(digest));
    const [image] = images[0]!.images!;
    expect(image!.name).toBe('mlq-digest-2026-11-30.png');
    expect(signature(image!.png)).toEqual(PNG);
    expect(image!.alt).toBe(
      'Answers in #ml-study, week of 30 Nov: 3 rounds with 3 answers, the most on Tue 1 (2); most answered category ML system design (2 of 3).',
    );
  });

  it('is left out of a week without answers, whose digest is still sent', async () => {
    h = await createHarness(new Date('2026-11-29T23:00:00Z'));
    h.deps.charts = chartMaker;
    const c = await digestChannel(h, 'test:T1:quiet');
    for (let day = 0; day < 3; day++) {
      h.clock.set(new Date(Date.parse('2026-11-30T00:00:30Z') + day * 86_400_000));
      await h.mlq.tick();
    }
    h.clock.set(new Date('2026-12-04T07:00:30Z'));
    expect(await h.mlq.tick()).toMatchObject({ digests: 1 });
    expect(h.port.sent.filter((s) => s.key?.startsWith('mlq-digest-')).map((s) => s.target)).toEqual([c.id]);
    expect(h.port.of('images')).toEqual([]);
  });

  it('is left out without a chart maker, and a failing one loses nothing of the digest', async () => {
    h = await createHarness(new Date('2026-11-29T23:00:00Z'));
    const c = await digestChannel(h, 'test:T1:digest');
    h.deps.charts = broken;
    await digestWeek(h, c);
    expect(h.port.sent.filter((s) => s.key?.startsWith('mlq-digest-'))).toHaveLength(1);
    expect(h.port.of('images')).toEqual([]);
  });
});
