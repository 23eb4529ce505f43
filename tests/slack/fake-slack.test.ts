import { webApi } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeSlack } from '../helpers/fake-slack.ts';

/** The fake answers history and replies as Slack does, since the crash recovery relies on them. */
let slack: FakeSlack;
let client: webApi.WebClient;
beforeEach(async () => {
  slack = await new FakeSlack().start();
  slack.now = () => new Date('2026-11-24T09:00:00Z');
  client = new webApi.WebClient('xoxb-test', { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
});
afterEach(async () => {
  await slack.stop();
});

const metadata = (key: string) => ({ event_type: 'mlq_work', event_payload: { key } });

describe('the fake Slack', () => {
  it('keeps posted messages with their metadata, shown only with include_all_metadata, newest first after `oldest`', async () => {
    const first = await client.chat.postMessage({ channel: 'C1', text: 'one', metadata: metadata('k1') });
    slack.now = () => new Date('2026-11-24T09:05:00Z');
    const second = await client.chat.postMessage({ channel: 'C1', text: 'two', metadata: metadata('k2') });
    await client.chat.postMessage({ channel: 'C2', text: 'elsewhere' });
    expect([first.ts, second.ts]).toEqual(['1795510800.000001', '1795511100.000002']);

    const all = await client.conversations.history({ channel: 'C1', include_all_metadata: true });
    expect(all.messages!.map((m) => [m.text, (m.metadata?.event_payload as { key: string } | undefined)?.key])).toEqual([
      ['two', 'k2'],
      ['one', 'k1'],
    ]);
    const later = await client.conversations.history({ channel: 'C1', oldest: '1795510800.000001', include_all_metadata: true });
    expect(later.messages!.map((m) => m.text)).toEqual(['two']);
    const plain = await client.conversations.history({ channel: 'C1' });
    expect(plain.messages!.map((m) => m.metadata)).toEqual([undefined, undefined]);
  });

  it('answers replies with the parent and its thread, and keeps thread replies out of the history', async () => {
    const root = await client.chat.postMessage({ channel: 'C1', text: 'root' });
    await client.chat.postMessage({ channel: 'C1', thread_ts: root.ts!, text: 'reply', metadata: metadata('r1') });
    const replies = await client.conversations.replies({ channel: 'C1', ts: root.ts!, include_all_metadata: true });
    expect(replies.messages!.map((m) => [m.text, m.metadata?.event_payload])).toEqual([
      ['root', undefined],
      ['reply', { key: 'r1' }],
    ]);
    expect((await client.conversations.history({ channel: 'C1' })).messages!.map((m) => m.text)).toEqual(['root']);
    await expect(client.conversations.replies({ channel: 'C1', ts: '1.000000' })).rejects.toThrow(/thread_not_found/);
  });

  it('opens a direct message channel per user with conversations.open, and refuses a group or a bad id', async () => {
    expect((await client.conversations.open({ users: 'U1' })).channel?.id).toBe('DU1');
    expect((await client.conversations.open({ users: 'U1' })).channel?.id).toBe('DU1');
    await expect(client.conversations.open({ users: 'U1,U2' })).rejects.toThrow(/not_allowed/);
    await expect(client.conversations.open({ users: 'nobody' })).rejects.toThrow(/user_not_found/);
  });
});
