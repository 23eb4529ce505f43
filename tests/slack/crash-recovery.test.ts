import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Mlq } from '../../src/core/app.ts';
import { createSlackHarness, type SlackHarness } from '../helpers/slack-harness.ts';

let h: SlackHarness;
const rounds = () =>
  h.database.store.db.selectFrom('rounds').select(['local_date', 'status', 'attempts', 'message_id']).orderBy('id').execute();
const keyOf = (m: { metadata?: { event_payload: Record<string, unknown> } }) => m.metadata?.event_payload.key;

beforeEach(async () => {
  h = await createSlackHarness(new Date('2026-11-23T08:00:00Z'));
  h.slack.admins.add('UADMIN');
  await h.command('UADMIN', 'start');
});
afterEach(async () => {
  await h.close();
});

describe('a crash between posting to Slack and recording it', () => {
  it('finds the round in the channel history by its metadata and does not post it again', async () => {
    h.clock.set(new Date('2026-11-23T14:00:30Z'));
    expect(await h.mlq.tick()).toMatchObject({ revealed: 1 });
    const held = h.slack.hold('chat.postMessage');
    h.clock.set(new Date('2026-11-24T09:00:30Z'));
    const stalled = h.mlq.tick();
    stalled.catch(() => undefined);
    const { release } = await held;

    const survivor = new Mlq({ ...h.deps });
    h.clock.set(new Date('2026-11-24T09:02:00Z'));
    expect(await survivor.tick()).toMatchObject({ posted: 0, recovered: 0 });
    h.clock.set(new Date('2026-11-24T09:03:30Z'));
    expect(await survivor.tick()).toMatchObject({ posted: 0, recovered: 1 });

    const searched = h.slack.of('conversations.history');
    expect(searched.map((c) => c.params)).toEqual([{ channel: 'C1', oldest: '1795510680', include_all_metadata: 'true', limit: '200' }]);
    const posts = h.slack.messages.filter((m) => !m.thread_ts);
    expect(posts.map(keyOf)).toEqual(['mlq-round-1', 'mlq-round-2']);
    release();
    await stalled;
    expect(h.slack.messages.filter((m) => !m.thread_ts)).toHaveLength(2);
    expect(await rounds()).toEqual([
      { local_date: '2026-11-23', status: 'revealed', attempts: 1, message_id: `slack:T1:C1:${posts[0]!.ts}` },
      { local_date: '2026-11-24', status: 'posted', attempts: 2, message_id: `slack:T1:C1:${posts[1]!.ts}` },
    ]);
  });

  it('posts a round whose post never reached Slack when the lease lapses', async () => {
    h.slack.inject('chat.postMessage', { status: 200, body: { ok: false, error: 'internal_error' } });
    h.clock.set(new Date('2026-11-24T09:00:30Z'));
    await h.mlq.tick();
    expect(h.slack.messages.filter((m) => !m.thread_ts)).toHaveLength(1);
    h.clock.set(new Date('2026-11-24T09:03:30Z'));
    expect(await h.mlq.tick()).toMatchObject({ posted: 1, recovered: 0 });
    expect(h.slack.messages.filter((m) => !m.thread_ts).map(keyOf)).toEqual(['mlq-round-1', 'mlq-round-2']);
    expect((await rounds()).map((r) => [r.local_date, r.status, r.attempts])).toEqual([
      ['2026-11-23', 'revealed', 1],
      ['2026-11-24', 'posted', 2],
    ]);
  });

  it('finds the reveal in the thread replies by its metadata and does not reveal twice', async () => {
    const root = h.slack.messages[0]!.ts;
    const held = h.slack.hold('chat.postMessage');
    h.clock.set(new Date('2026-11-23T14:00:30Z'));
    const stalled = h.mlq.tick();
    stalled.catch(() => undefined);
    const { release } = await held;

    const survivor = new Mlq({ ...h.deps });
    h.clock.set(new Date('2026-11-23T14:03:30Z'));
    expect(await survivor.tick()).toMatchObject({ revealed: 1 });
    expect(h.slack.of('conversations.replies').map((c) => c.params)).toEqual([
      { channel: 'C1', ts: root, include_all_metadata: 'true', limit: '200' },
    ]);
    const replies = h.slack.messages.filter((m) => m.thread_ts === root);
    expect(replies.map(keyOf)).toEqual(['mlq-reveal-1']);
    release();
    await stalled;
    expect(h.slack.messages.filter((m) => m.thread_ts === root)).toHaveLength(1);
    expect(await rounds()).toEqual([{ local_date: '2026-11-23', status: 'revealed', attempts: 2, message_id: `slack:T1:C1:${root}` }]);
  });
});
