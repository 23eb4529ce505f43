import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Channel } from '../../src/core/types.ts';
import { addChannel } from '../helpers/channels.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';

let h: Harness;
/** Every search for an earlier post: where, under which key, and from when. */
let searches: { target: string; key: string; since: string }[];

beforeEach(async () => {
  h = await createHarness(new Date('2026-11-23T08:00:00Z'));
  searches = [];
  const find = h.port.findPosted.bind(h.port);
  h.port.findPosted = (target: string, key: string, since?: Date) => {
    searches.push({ target, key, since: since?.toISOString() ?? '' });
    return find(target, key);
  };
});
afterEach(async () => {
  await h.close();
});

/** A channel named `test:T1:<name>`. */
const channel = (name: string, extra: Parameters<typeof addChannel>[2] = {}) => addChannel(h, `test:T1:${name}`, extra);

const at = (iso: string) => {
  h.clock.set(new Date(iso));
  return h.mlq.tick();
};
const failOnce = (what: 'post' | 'reply') => {
  const original = h.port[what].bind(h.port) as (...args: never[]) => Promise<never>;
  let failed = false;
  (h.port as unknown as Record<string, unknown>)[what] = (...args: never[]) => {
    if (failed) return original(...args);
    failed = true;
    return Promise.reject(new Error('platform is down'));
  };
};

describe('the platform is searched for an earlier post only when the work is retried', () => {
  it('posts a round at once on its first attempt, and on a retry searches the channel from two minutes before the post time', async () => {
    const c = await channel('a');
    failOnce('post');
    await at('2026-11-23T09:00:00Z');
    expect(searches).toEqual([]);
    await at('2026-11-23T09:01:00.001Z');
    expect(searches).toEqual([{ target: c.id, key: expect.stringMatching(/^mlq-round-\d+$/), since: '2026-11-23T08:58:00.000Z' }]);
  });

  it('posts a reveal at once on its first attempt, and on a retry searches the thread from the post time', async () => {
    await channel('a');
    await at('2026-11-23T09:00:00Z');
    const thread = h.port.of('post')[0]!.threadId!;
    failOnce('reply');
    await at('2026-11-23T15:00:00Z');
    expect(searches).toEqual([]);
    await at('2026-11-23T15:02:00.001Z');
    expect(searches).toEqual([{ target: thread, key: expect.stringMatching(/^mlq-reveal-\d+$/), since: '2026-11-23T09:00:00.000Z' }]);
  });

  it('posts a digest at once on its first attempt, and on a retry searches the channel from the digest time', async () => {
    const c = await channel('a', { weekdays: [], digestWeekday: 5, digestTime: '16:00' });
    failOnce('post');
    await at('2026-11-27T16:00:00Z');
    expect(searches).toEqual([]);
    expect(await at('2026-11-27T16:02:00.001Z')).toMatchObject({ digests: 1 });
    expect(searches).toEqual([{ target: c.id, key: expect.stringMatching(/^mlq-digest-\d+$/), since: '2026-11-27T16:00:00.000Z' }]);
  });

  it('skips a digest whose first send failed once it is more than a day late, and sends it up to then', async () => {
    await channel('a', { weekdays: [], digestWeekday: 5, digestTime: '16:00' });
    await channel('b', { weekdays: [], digestWeekday: 5, digestTime: '16:00' });
    h.port.beforePost = () => {
      throw new Error('platform is down');
    };
    await at('2026-11-27T16:00:00Z');
    h.port.beforePost = undefined;
    const statuses = () => h.database.store.db.selectFrom('digests').select('status').orderBy('id').execute();
    await h.database.store.db
      .updateTable('digests')
      .set({ lease_until: new Date('2026-11-28T15:00:00Z') })
      .execute();
    await h.database.store.db
      .updateTable('digests')
      .set({ lease_until: new Date('2026-11-28T16:00:00Z') })
      .where('channel_id', '=', 'test:T1:b')
      .execute();
    expect(await at('2026-11-28T16:00:00Z')).toMatchObject({ digests: 1 });
    expect(await at('2026-11-28T16:00:00.001Z')).toMatchObject({ digests: 0 });
    expect((await statuses()).map((r) => r.status)).toEqual(['sent', 'skipped']);
  });
});

describe('the date and time rules of posting a round', () => {
  it('posts a due round up to just before its reveal, and not at the reveal itself', async () => {
    await channel('late', { revealDelayMinutes: 5 });
    await channel('in-time', { postTime: '10:00', revealDelayMinutes: 5 });
    expect(await at('2026-11-23T09:05:00Z')).toMatchObject({ posted: 0 });
    expect(h.port.of('post')).toEqual([]);
    expect(await at('2026-11-23T10:04:59.999Z')).toMatchObject({ posted: 1 });
    expect(h.port.of('post').map((p) => p.target)).toEqual(['test:T1:in-time']);
  });

  it("reveals a round started now at the channel's reveal time, today's while it is ahead, else after the delay", async () => {
    const reveal = async (ch: Channel, iso: string) => {
      h.clock.set(new Date(iso));
      return (await h.mlq.startToday(ch.id))!.revealAt.toISOString();
    };
    expect(await reveal(await channel('fixed-early', { revealTime: '17:00' }), '2026-11-23T16:59:59Z')).toBe('2026-11-23T17:00:00.000Z');
    expect(await reveal(await channel('fixed-late', { revealTime: '17:00' }), '2026-11-23T17:00:00Z')).toBe('2026-11-24T17:00:00.000Z');
    expect(await reveal(await channel('delay'), '2026-11-23T16:30:00Z')).toBe('2026-11-23T22:30:00.000Z');
  });

  it('counts a round another replica created for the day as neither posted nor failed', async () => {
    const c = await channel('a');
    await h.mlq.startToday(c.id);
    await h.database.store.db
      .updateTable('channels')
      .set({ next_post_at: new Date('2026-11-23T09:00:00Z') })
      .where('id', '=', c.id)
      .execute();
    expect(await at('2026-11-23T09:00:00Z')).toMatchObject({ posted: 0, failed: 0 });
    expect(h.port.of('post')).toHaveLength(1);
    expect((await h.repo.getChannel(c.id))?.nextPostAt?.toISOString()).toBe('2026-11-24T09:00:00.000Z');
  });

  it('asks members to answer with the button where the platform cannot read thread replies', async () => {
    Object.defineProperty(h.port, 'answersInThread', { value: false });
    await channel('a');
    await at('2026-11-23T09:00:00Z');
    const posted = h.port.of('post')[0]!.card!;
    expect(posted.blocks[1]).toEqual({
      type: 'context',
      markdown: 'Answer with the button below before the reveal on Mon 15:00 (UTC); discuss in the thread.',
    });
  });
});
