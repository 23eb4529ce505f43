import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/core/log.ts';
import { SlackPlatform } from '../../src/platforms/slack/platform.ts';
import { FakeSlack } from '../helpers/fake-slack.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { waitFor } from '../helpers/wait.ts';

let h: Harness | undefined;
let slack: FakeSlack | undefined;
let platform: SlackPlatform | undefined;

afterEach(async () => {
  await platform?.stop();
  await slack?.stop();
  await h?.close();
});

describe('Slack in Socket Mode', () => {
  it('connects through apps.connections.open and runs /mlq start and a thread answer over the websocket', async () => {
    h = await createHarness(new Date());
    slack = await new FakeSlack().start();
    slack.admins.add('UADMIN');
    platform = new SlackPlatform(
      { botToken: 'xoxb-test-token-1234', mode: 'socket', appToken: 'xapp-1-A1-test-token', apiUrl: slack.apiUrl },
      silentLogger,
    );
    h.deps.ports.register(platform.port);
    platform.attach(h.mlq);
    await platform.start();
    await waitFor(() => slack!.connected);
    expect(slack.of('apps.connections.open')).toHaveLength(1);

    const ack = await slack.envelope('slash_commands', {
      token: 'legacy',
      team_id: 'T1',
      channel_id: 'C1',
      channel_name: 'ml-study',
      user_id: 'UADMIN',
      user_name: 'admin',
      command: '/mlq',
      text: 'start',
      api_app_id: 'A1',
      response_url: slack.responseUrl('socket-1'),
      trigger_id: 'trigger-socket',
    });
    expect(ack ?? {}).toEqual({});
    const post = await waitFor(() => slack!.of('chat.postMessage')[0]);
    expect(post.params.channel).toBe('C1');
    await waitFor(() => slack!.responses.length === 1);
    expect(slack.responses[0]!.body.response_type).toBe('in_channel');

    await slack.envelope('events_api', {
      token: 'legacy',
      team_id: 'T1',
      api_app_id: 'A1',
      type: 'event_callback',
      event_id: 'EvSocket1',
      event_time: 1,
      event: {
        type: 'message',
        channel: 'C1',
        user: 'U1',
        text: 'socket answer: more data lowers variance, so an overfit model usually improves with it.',
        ts: '1700000500.000001',
        thread_ts: String(post.result!.ts),
      },
    });
    await waitFor(async () => (await h!.database.store.db.selectFrom('answers').select('text').execute()).length === 1);
    const reaction = await waitFor(() => slack!.of('reactions.add')[0]);
    expect(reaction.params).toMatchObject({ channel: 'C1', timestamp: '1700000500.000001', name: 'white_check_mark' });
  });
});
