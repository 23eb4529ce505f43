import { webApi } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeSlack } from '../helpers/fake-slack.ts';
import { blockText, createSlackHarness, type SlackHarness } from '../helpers/slack-harness.ts';
import { waitFor } from '../helpers/wait.ts';

let h: SlackHarness;
beforeEach(async () => {
  h = await createSlackHarness(new Date('2026-11-23T08:00:00Z'));
  h.slack.admins.add('UADMIN');
});
afterEach(async () => {
  await h.close();
});

const postsIn = (channel: string) => h.slack.of('chat.postMessage').filter((c) => c.params.channel === channel);
const pairLedger = () =>
  h.database.store.db
    .selectFrom('ledger')
    .select(['member_id', 'points'])
    .where('reason', '=', 'pair_meeting')
    .orderBy('member_id')
    .execute();

/** A button press in a conversation, as Slack delivers it (the same payload twice is a replay). */
const press = (user: string, channel: string, action: string, value: string, trigger = `trig-${user}-${action}`) =>
  h.interact({
    type: 'block_actions',
    user: { id: user },
    channel: { id: channel },
    trigger_id: trigger,
    actions: [{ action_id: action, value, type: 'button' }],
  });

describe('mock-interview pairs in Slack', () => {
  it('opens a group DM for a trio, sends each interviewer a pack by DM, checks in once, and delivers feedback by DM', async () => {
    await h.command('UADMIN', 'start');
    expect(blockText((await h.command('UADMIN', 'config pairs mon 09:00')).reply?.blocks)).toContain('Mon 09:00 weekly');
    for (const user of ['U1', 'U2', 'U3']) await h.command(user, 'pairs join');
    h.clock.set(new Date('2026-11-23T09:00:30Z'));
    await h.mlq.tick();
    await h.mlq.tick();

    const opens = h.slack.of('conversations.open').map((c) => String(c.params.users).split(',').sort().join(','));
    expect(opens.sort()).toEqual(['U1', 'U1,U2,U3', 'U2', 'U3']);
    const group = h.slack.conversationOf('U1', 'U2', 'U3')!;
    expect(group).toMatch(/^G/);
    expect(postsIn(group)).toHaveLength(1);
    expect(blockText(postsIn(group)[0]!.params.blocks)).toContain('Mock-interview trio · week of 2026-11-23');
    for (const user of ['U1', 'U2', 'U3']) {
      const dm = postsIn(h.slack.conversationOf(user)!);
      expect(dm).toHaveLength(1);
      expect(blockText(dm[0]!.params.blocks)).toContain('Interviewer pack');
    }

    h.clock.set(new Date('2026-11-26T21:00:00Z'));
    await h.mlq.tick();
    expect(postsIn(group)).toHaveLength(2);
    const checkin = blockText(postsIn(group)[1]!.params.blocks);
    const value = /"action_id":"pairs\.met","value":"(\d+)"/.exec(checkin)![1]!;
    expect(checkin).toContain('"action_id":"pairs.notyet"');
    expect(checkin).toContain('"action_id":"pairs.skip"');

    await press('U1', group, 'pairs.met', value);
    await press('U2', group, 'pairs.met', value);
    expect(await pairLedger()).toEqual([]);
    await press('U3', group, 'pairs.met', value);
    await press('U3', group, 'pairs.met', value);
    expect(await pairLedger()).toEqual([
      { member_id: 'slack:T1:U1', points: 5 },
      { member_id: 'slack:T1:U2', points: 5 },
      { member_id: 'slack:T1:U3', points: 5 },
    ]);
    const answers = h.slack.of('chat.postEphemeral').map((c) => `${c.params.channel} ${blockText(c.params.blocks)}`);
    expect(answers.every((t) => t.startsWith(group))).toBe(true);
    expect(answers.filter((t) => t.includes('Everyone met: 5 points each.'))).toHaveLength(1);
    expect(answers.filter((t) => t.includes('the points are already on the board'))).toHaveLength(1);

    await press('U1', group, 'pairs.feedback', value);
    const view = (await waitFor(() => h.slack.of('views.open')[0])).params.view as {
      callback_id: string;
      private_metadata: string;
      title: { text: string };
    };
    expect(view.callback_id).toBe('mlq.pairs.feedback');
    const turns = await h.database.store.db
      .selectFrom('pair_turns')
      .select(['interviewer', 'candidate'])
      .where('interviewer', '=', 'slack:T1:U1')
      .execute();
    const candidate = turns[0]!.candidate.split(':')[2]!;
    const text = (v: string) => ({ text: { type: 'plain_text_input', value: v } });
    const submission = {
      type: 'view_submission',
      user: { id: 'U1' },
      view: {
        id: 'VFEED1',
        callback_id: view.callback_id,
        private_metadata: view.private_metadata,
        state: {
          values: {
            structure: text('Clear'),
            depth: text('Deep on probes'),
            communication: text('Calm'),
            advice: text('Start with the metric.'),
          },
        },
      },
    };
    await h.interact(submission);
    await h.interact(submission);
    const delivered = postsIn(h.slack.conversationOf(candidate)!).slice(1);
    expect(delivered).toHaveLength(1);
    expect(blockText(delivered[0]!.params.blocks)).toContain('Start with the metric.');
    expect(h.logs.filter((l) => l.level === 'error' || l.level === 'warn')).toEqual([]);
  });

  it('answers `/mlq pairs` with the status, the next cycle and the partner', async () => {
    await h.command('UADMIN', 'start');
    await h.command('UADMIN', 'config pairs wed 18:00 biweekly');
    const joined = blockText((await h.command('U1', 'pairs join senior Europe/Berlin')).reply?.blocks);
    expect(joined).toContain('as senior (Europe/Berlin). Next cycle: Wed 25 Nov 18:00 (UTC).');
  });
});

describe('the fake Slack conversations.open', () => {
  it('opens one DM per user and one group DM per set of users, refusing none or more than eight', async () => {
    const slack = await new FakeSlack().start();
    try {
      const client = new webApi.WebClient('xoxb-test', { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
      const dm = await client.conversations.open({ users: 'U1' });
      const group = await client.conversations.open({ users: 'U2,U1' });
      const again = await client.conversations.open({ users: 'U1,U2' });
      expect([dm.channel?.id, group.channel?.id, again.channel?.id]).toEqual(['DU1', 'G00000002', 'G00000002']);
      await expect(client.conversations.open({ users: '' })).rejects.toMatchObject({ data: { error: 'users_not_found' } });
      const nine = Array.from({ length: 9 }, (_, i) => `U${i}`).join(',');
      await expect(client.conversations.open({ users: nine })).rejects.toMatchObject({ data: { error: 'too_many_users' } });
    } finally {
      await slack.stop();
    }
  });
});
