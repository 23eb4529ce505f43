import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChannelUnavailableError } from '../../src/core/port.ts';
import { addChannel } from '../helpers/channels.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';
import type { RecordingPort } from '../helpers/recording-port.ts';

let h: Harness;
let port: RecordingPort;
const NONE = { posted: 0, recovered: 0, revealed: 0, digests: 0, reminders: 0, seasons: 0, failed: 0 };

beforeEach(async () => {
  h = await createHarness(new Date('2026-11-23T08:00:00Z'));
  port = h.port;
});
afterEach(async () => {
  await h.close();
});

/** A channel named `test:T1:<name>`. */
const channel = (name: string, extra: Parameters<typeof addChannel>[2] = {}) => addChannel(h, `test:T1:${name}`, extra);

const at = (iso: string, options?: Parameters<typeof h.mlq.tick>[0]) => {
  h.clock.set(new Date(iso));
  return h.mlq.tick(options);
};
const roundsOf = (channelId: string) =>
  h.database.store.db.selectFrom('rounds').select(['status', 'attempts']).where('channel_id', '=', channelId).orderBy('id').execute();

describe('a scheduler pass reports what it did', () => {
  it('counts each post and reveal once, and nothing in a pass with nothing due', async () => {
    await channel('a');
    await channel('b');
    expect(await at('2026-11-23T08:59:59Z')).toEqual(NONE);
    expect(await at('2026-11-23T09:00:00Z')).toEqual({ ...NONE, posted: 2 });
    expect(await at('2026-11-23T09:01:00Z')).toEqual(NONE);
    expect(await at('2026-11-23T15:00:00Z')).toEqual({ ...NONE, revealed: 2 });
    expect(port.of('post')).toHaveLength(2);
  });

  it('claims batch after batch until fewer than a batch are due', async () => {
    for (const name of ['a', 'b', 'c', 'd', 'e']) await channel(name);
    expect(await at('2026-11-23T09:00:00Z', { batch: 2 })).toEqual({ ...NONE, posted: 5 });
    expect(await at('2026-11-23T15:00:00Z', { batch: 2 })).toEqual({ ...NONE, revealed: 2 });
    expect(await at('2026-11-23T15:00:30Z', { batch: 2 })).toEqual({ ...NONE, revealed: 2 });
    expect(await at('2026-11-23T15:01:00Z', { batch: 2 })).toEqual({ ...NONE, revealed: 1 });
  });

  it('leaves further batches of due posts to the next pass once the budget is spent', async () => {
    for (const name of ['a', 'b', 'c', 'd']) await channel(name);
    let ms = 0;
    // Each reading of the pass's timer is 10 ms after the last: one batch is 10 ms, the second 20 ms into the pass.
    h.deps.monotonic = () => (ms += 10);
    try {
      expect(await at('2026-11-23T09:00:00Z', { batch: 1, budgetMs: 10 })).toEqual({ ...NONE, posted: 2 });
      expect(await at('2026-11-23T09:00:30Z', { batch: 1, budgetMs: 9 })).toEqual({ ...NONE, posted: 1 });
      expect(await at('2026-11-23T09:01:00Z', { batch: 1, budgetMs: 100_000 })).toEqual({ ...NONE, posted: 1 });
    } finally {
      h.deps.monotonic = undefined;
    }
  });

  it('counts a failed post as failed, and its retry as posted', async () => {
    const c = await channel('a');
    let failing = true;
    port.beforePost = () => {
      if (failing) throw new Error('platform is down');
    };
    expect(await at('2026-11-23T09:00:00Z')).toEqual({ ...NONE, failed: 1 });
    failing = false;
    expect(await at('2026-11-23T09:01:00.001Z')).toEqual({ ...NONE, posted: 1 });
    expect(await roundsOf(c.id)).toEqual([{ status: 'posted', attempts: 2 }]);
  });

  it('counts a post found on the platform after a lapsed lease as recovered, not posted', async () => {
    const c = await channel('a');
    let crashed = false;
    port.afterPost = () => {
      if (!crashed) {
        crashed = true;
        throw new Error('the process died after the platform took the post');
      }
    };
    expect(await at('2026-11-23T09:00:00Z')).toEqual({ ...NONE, failed: 1 });
    expect(await at('2026-11-23T09:02:00.001Z')).toEqual({ ...NONE, recovered: 1 });
    expect(port.of('post')).toHaveLength(1);
    expect(await roundsOf(c.id)).toEqual([{ status: 'posted', attempts: 2 }]);
  });

  it('skips a post that never completed once its reveal time has passed', async () => {
    const c = await channel('a', { revealDelayMinutes: 5 });
    port.beforePost = () => {
      throw new Error('platform is down');
    };
    expect(await at('2026-11-23T09:00:00Z')).toEqual({ ...NONE, failed: 1 });
    expect(await at('2026-11-23T09:05:00Z')).toEqual(NONE);
    expect(await roundsOf(c.id)).toEqual([{ status: 'skipped', attempts: 2 }]);
    expect(port.of('post')).toEqual([]);
  });

  it('marks a round revealed and pauses the channel when the platform says it is gone at the reveal', async () => {
    const c = await channel('a', { organiserIds: ['test:owner'] });
    await at('2026-11-23T09:00:00Z');
    port.reply = async () => {
      throw new ChannelUnavailableError(c.id, 'channel_not_found');
    };
    expect(await at('2026-11-23T15:00:00Z')).toEqual(NONE);
    expect(await roundsOf(c.id)).toEqual([{ status: 'revealed', attempts: 1 }]);
    const row = await h.database.store.db
      .selectFrom('channels')
      .select(['active', 'paused_reason'])
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ active: false, paused_reason: 'channel_not_found' });
    const notes = port.of('private');
    expect(notes.map((p) => p.target)).toEqual(['test:owner']);
    expect(notes[0]!.card!.title).toBe('mlq paused a channel');
    expect(notes[0]!.card!.blocks[0]).toEqual({
      type: 'text',
      markdown: 'The daily question could not be posted (channel_not_found), so mlq paused the channel. Run `/mlq start` there to resume.',
    });
  });

  it('skips the round and pauses the channel at once when the platform says it is gone at the post', async () => {
    const c = await channel('a', { organiserIds: ['test:owner'] });
    port.beforePost = () => {
      throw new ChannelUnavailableError(c.id, 'not_in_channel');
    };
    expect(await at('2026-11-23T09:00:00Z')).toEqual({ ...NONE, failed: 1 });
    expect(await roundsOf(c.id)).toEqual([{ status: 'skipped', attempts: 1 }]);
    const row = await h.database.store.db
      .selectFrom('channels')
      .select(['active', 'paused_reason'])
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ active: false, paused_reason: 'not_in_channel' });
    expect(port.of('private').map((p) => [p.target, p.card!.blocks[0]])).toEqual([
      [
        'test:owner',
        {
          type: 'text',
          markdown: 'The daily question could not be posted (not_in_channel), so mlq paused the channel. Run `/mlq start` there to resume.',
        },
      ],
    ]);
    expect(await at('2026-11-23T09:05:00Z')).toEqual(NONE);
    expect(await at('2026-11-24T09:00:00Z')).toEqual(NONE);
    expect(await roundsOf(c.id)).toEqual([{ status: 'skipped', attempts: 1 }]);
  });

  it('posts nothing on a day no question matches the channel, keeps it subscribed and plans the next day', async () => {
    const c = await channel('a', { categories: ['no-such-category' as never] });
    expect(await at('2026-11-23T09:00:00Z')).toEqual(NONE);
    expect(await roundsOf(c.id)).toEqual([]);
    expect(port.of('post')).toEqual([]);
    const after = await h.repo.getChannel(c.id);
    expect([after!.active, after!.nextPostAt!.toISOString()]).toEqual([true, '2026-11-24T09:00:00.000Z']);
    expect(await h.mlq.startToday(c.id)).toBeNull();
    expect(await roundsOf(c.id)).toEqual([]);
  });

  it('counts a reveal that fails for another reason as failed and retries it after its lease', async () => {
    const c = await channel('a');
    await at('2026-11-23T09:00:00Z');
    const reply = port.reply.bind(port);
    port.reply = async () => {
      throw new Error('timeout');
    };
    expect(await at('2026-11-23T15:00:00Z')).toEqual({ ...NONE, failed: 1 });
    port.reply = reply;
    expect(await at('2026-11-23T15:01:00Z')).toEqual(NONE);
    expect(await at('2026-11-23T15:02:00.001Z')).toEqual({ ...NONE, revealed: 1 });
    expect(await roundsOf(c.id)).toEqual([{ status: 'revealed', attempts: 2 }]);
  });

  it('does not post a reveal again that reached the thread before its replica died, and still finishes the round', async () => {
    const c = await channel('a');
    await at('2026-11-23T09:00:00Z');
    const reply = port.reply.bind(port);
    let crashed = false;
    port.reply = async (threadId, card, key) => {
      const sent = await reply(threadId, card, key);
      if (!crashed) {
        crashed = true;
        throw new Error('the process died after the platform took the reveal');
      }
      return sent;
    };
    expect(await at('2026-11-23T15:00:00Z')).toEqual({ ...NONE, failed: 1 });
    expect(await at('2026-11-23T15:02:00.001Z')).toEqual({ ...NONE, revealed: 1 });
    expect(port.of('reply').filter((r) => r.key?.startsWith('mlq-reveal-'))).toHaveLength(1);
    expect(port.of('update').at(-1)?.card?.title).toMatch(/ · revealed$/);
    expect(await roundsOf(c.id)).toEqual([{ status: 'revealed', attempts: 2 }]);
  });

  it('counts a digest sent, and one found on the platform after a lapsed lease as not sent again', async () => {
    await channel('a', { digestWeekday: 5, digestTime: '16:00', weekdays: [] });
    await channel('b', { digestWeekday: 5, digestTime: '16:00', weekdays: [] });
    let crashed = false;
    port.afterPost = (_, key) => {
      if (key?.startsWith('mlq-digest-') && !crashed) {
        crashed = true;
        throw new Error('the process died after the platform took the digest');
      }
    };
    const report = await at('2026-11-27T16:00:00Z');
    expect(report).toMatchObject({ digests: 1, failed: 1 });
    expect(await at('2026-11-27T16:02:00.001Z')).toEqual(NONE);
    expect(port.of('post').filter((p) => p.key?.startsWith('mlq-digest-'))).toHaveLength(2);
    const rows = await h.database.store.db.selectFrom('digests').select(['status', 'attempts']).orderBy('id').execute();
    expect(rows.filter((r) => r.status === 'sent')).toHaveLength(2);
  });
});
