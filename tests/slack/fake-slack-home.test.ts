import { webApi } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeSlack } from '../helpers/fake-slack.ts';

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

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });

describe('the fake Slack’s Home tab', () => {
  it('keeps each user’s published views, the last one being what they see', async () => {
    await client.views.publish({ user_id: 'U1', view: { type: 'home', blocks: [section('first')] } });
    await client.views.publish({ user_id: 'U2', view: { type: 'home', blocks: [section('other')] } });
    await client.views.publish({ user_id: 'U1', view: { type: 'home', blocks: [section('second')] } });
    expect(slack.homes.get('U1')!.map((v) => v.blocks)).toEqual([[section('first')], [section('second')]]);
    expect(slack.home('U1')!.blocks).toEqual([section('second')]);
    expect(slack.home('U2')!.blocks).toEqual([section('other')]);
    expect(slack.home('U3')).toBeUndefined();
  });

  it('refuses a view that is not a home, one without a user, and more than 100 blocks or an oversized block', async () => {
    const modal = { type: 'modal', title: { type: 'plain_text', text: 'x' }, blocks: [] } as never;
    await expect(client.views.publish({ user_id: 'U1', view: modal })).rejects.toThrow(/invalid_arguments/);
    await expect(client.views.publish({ user_id: '', view: { type: 'home', blocks: [] } })).rejects.toThrow(/invalid_arguments/);
    const blocks = (n: number) => Array.from({ length: n }, (_, i) => section(`b${i}`));
    await client.views.publish({ user_id: 'U1', view: { type: 'home', blocks: blocks(100) } });
    await expect(client.views.publish({ user_id: 'U1', view: { type: 'home', blocks: blocks(101) } })).rejects.toThrow(/invalid_blocks/);
    const long = [...blocks(70), section('x'.repeat(3001))];
    await expect(client.views.publish({ user_id: 'U1', view: { type: 'home', blocks: long } })).rejects.toThrow(/invalid_blocks/);
    expect(slack.homes.get('U1')!.map((v) => (v.blocks as unknown[]).length)).toEqual([100]);
  });

  it('builds the app_home_opened event for the Home or Messages tab, with the view last published', async () => {
    expect(slack.homeOpenedEvent('U1')).toEqual({
      type: 'app_home_opened',
      user: 'U1',
      channel: 'DU1',
      tab: 'home',
      event_ts: '1795510800.000001',
    });
    await client.views.publish({ user_id: 'U1', view: { type: 'home', blocks: [section('mine')] } });
    expect(slack.homeOpenedEvent('U1', 'messages')).toMatchObject({
      tab: 'messages',
      view: { type: 'home', blocks: [section('mine')] },
    });
  });
});
