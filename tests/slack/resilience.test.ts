import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackHarness, type SlackHarness } from '../helpers/slack-harness.ts';
import { waitFor } from '../helpers/wait.ts';

let h: SlackHarness;
const succeeded = (method: string) => h.slack.of(method).filter((c) => c.result?.ok === true);

beforeEach(async () => {
  h = await createSlackHarness(new Date('2026-11-23T08:00:00Z'));
  h.slack.admins.add('UADMIN');
});
afterEach(async () => {
  await h.close();
});

describe('Slack Web API failures', () => {
  it('waits out a 429 with Retry-After and posts once', async () => {
    h.slack.inject('chat.postMessage', { status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } });
    await h.command('UADMIN', 'start');
    await waitFor(() => succeeded('chat.postMessage').length === 1, 10_000);
    // The fake refuses the method again until Retry-After has passed, so two calls mean the client waited it out.
    expect(h.slack.of('chat.postMessage')).toHaveLength(2);
    expect(succeeded('chat.postMessage')).toHaveLength(1);
    expect(await h.database.store.db.selectFrom('rounds').select(['status', 'message_id']).execute()).toEqual([
      { status: 'posted', message_id: `slack:T1:C1:${succeeded('chat.postMessage')[0]!.result!.ts}` },
    ]);
  });

  it('retries a burst of 500s and still posts once', async () => {
    h.slack.inject('chat.postMessage', { status: 500 }, { status: 502 }, { status: 503 });
    await h.command('UADMIN', 'start');
    await waitFor(() => succeeded('chat.postMessage').length === 1, 10_000);
    expect(h.slack.of('chat.postMessage')).toHaveLength(4);
    expect(await h.database.store.db.selectFrom('rounds').selectAll().execute()).toHaveLength(1);
  });

  it('pauses a channel Slack says is gone, with a log line, instead of retrying forever', async () => {
    await h.command('UADMIN', 'start');
    await waitFor(() => succeeded('chat.postMessage').length === 1);
    h.slack.goneChannels.add('C1');
    h.clock.set(new Date('2026-11-24T09:00:30Z'));
    await h.mlq.tick();
    await h.mlq.tick();
    h.clock.set(new Date('2026-11-25T09:00:30Z'));
    await h.mlq.tick();
    const refused = h.slack.of('chat.postMessage').filter((c) => c.result?.error === 'channel_not_found');
    expect(refused.map((c) => (c.params.thread_ts ? 'reveal' : 'post'))).toEqual(['post', 'reveal']);
    const channel = await h.database.store.db
      .selectFrom('channels')
      .select(['active', 'paused_reason', 'next_post_at'])
      .executeTakeFirstOrThrow();
    expect(channel).toEqual({ active: false, paused_reason: 'channel_not_found', next_post_at: null });
    expect(h.logs.filter((l) => l.level === 'warn' && /channel paused/.test(l.msg ?? '')).length).toBeGreaterThanOrEqual(1);
    const rounds = await h.database.store.db.selectFrom('rounds').select(['local_date', 'status']).orderBy('id').execute();
    expect(rounds).toEqual([
      { local_date: '2026-11-23', status: 'revealed' },
      { local_date: '2026-11-24', status: 'skipped' },
    ]);
  });
});
