import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

const ANSWER = 'My answer: more data lowers variance, so an overfit model usually improves with it, and regularise too.';

/** Starts today's round in C1, has U1 answer it and reveals it at 15:00. */
async function answeredAndRevealed(): Promise<void> {
  await h.command('UADMIN', 'start');
  const root = String((await waitFor(() => h.slack.of('chat.postMessage')[0])).result!.ts);
  await h.event({
    type: 'message',
    channel: 'C1',
    user: 'U1',
    text: ANSWER,
    ts: '1700000100.000001',
    thread_ts: root,
    channel_type: 'channel',
  });
  await waitFor(() => h.slack.of('reactions.add').length === 1);
  h.clock.set(new Date('2026-11-23T15:00:00Z'));
  await h.command('UADMIN', 'reveal');
}

/** Grades round 1 as U1 with the first two key points ticked, through the checklist modal. */
async function grade(): Promise<void> {
  await h.interact({
    type: 'block_actions',
    user: { id: 'U1' },
    channel: { id: 'C1' },
    trigger_id: 'trig-grade',
    actions: [{ action_id: 'grade.open', value: 'r:1', type: 'button' }],
  });
  const view = (await waitFor(() => h.slack.of('views.open')[0])).params.view as { callback_id: string; private_metadata: string };
  await h.interact({
    type: 'view_submission',
    user: { id: 'U1' },
    view: {
      id: 'VGRADE1',
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      state: { values: { covered: { ticked: { type: 'checkboxes', selected_options: [{ value: '0' }, { value: '1' }] } } } },
    },
  });
}

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });
const context = (text: string) => ({ type: 'context', elements: [{ type: 'mrkdwn', text }] });

describe('the Slack App Home', () => {
  it('opening the Home tab publishes the member’s dashboard; opening the Messages tab does not', async () => {
    await h.command('UADMIN', 'start');
    expect((await h.event(h.slack.homeOpenedEvent('U1', 'messages'))).status).toBe(200);
    expect(h.slack.of('views.publish')).toEqual([]);

    await h.event(h.slack.homeOpenedEvent('U1'));
    const published = await waitFor(() => h.slack.of('views.publish')[0]);
    expect(published.params.user_id).toBe('U1');
    expect(h.slack.home('U1')).toEqual({
      type: 'home',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'Your mlq dashboard' } },
        section('*Reviews:* none due.'),
        context('Grade yourself after a reveal to schedule reviews.'),
        { type: 'divider' },
        section('*Your channels*\n• *#ml-study* · streak 0 (best 0) · 0 freezes · next question Tue 24 Nov 09:00 (UTC)'),
        { type: 'divider' },
        section('*Mastery by category:* none yet. Grade yourself after a reveal (`/mlq grade`) and it shows here.'),
        context('Updated after each grade. `/mlq stats` in a channel shows more.'),
      ],
    });
  });

  it('is published again after each grade, with the streak, the mastery and the next review', async () => {
    await answeredAndRevealed();
    h.clock.set(new Date('2026-11-23T16:00:00Z'));
    await grade();
    await waitFor(() => h.slack.homes.get('U1')?.length === 1);
    expect(h.slack.home('U1')!.blocks).toEqual([
      { type: 'header', text: { type: 'plain_text', text: 'Your mlq dashboard' } },
      section('*Reviews:* none due.'),
      context('The next is due Wed 25 Nov 16:00 (UTC).'),
      { type: 'divider' },
      section('*Your channels*\n• *#ml-study* · streak 1 (best 1) · 0 freezes · next question Tue 24 Nov 09:00 (UTC)'),
      { type: 'divider' },
      section('*Mastery by category* (key points ticked, latest grade of each question)\n• Model evaluation: 40 % (1 question)'),
      context('Updated after each grade. `/mlq stats` in a channel shows more.'),
    ]);
    expect(h.slack.homes.has('UADMIN')).toBe(false);
  });

  it('a grade is saved and answered even when the home cannot be published, and the failure is logged', async () => {
    await answeredAndRevealed();
    h.slack.inject('views.publish', { status: 200, body: { ok: false, error: 'not_enabled' } });
    await grade();
    await waitFor(() => h.slack.of('chat.postEphemeral').some((c) => blockText(c.params.blocks).includes('Saved: 2 of')));
    expect(h.slack.homes.has('U1')).toBe(false);
    expect(h.logs.filter((l) => l.msg === 'the home tab could not be published').map((l) => (l.obj as { member: string }).member)).toEqual([
      'slack:T1:U1',
    ]);
  });

  it('pressing the home’s review button starts the review in the member’s direct message', async () => {
    await answeredAndRevealed();
    await grade();
    h.clock.set(new Date('2026-12-15T09:00:00Z'));
    await h.event(h.slack.homeOpenedEvent('U1'));
    await waitFor(() => h.slack.homes.get('U1')?.length === 2);
    const home = h.slack.home('U1')!.blocks;
    expect(home[1]).toEqual(section('*Reviews:* 1 question is due.'));
    const button = {
      type: 'button',
      action_id: 'review.next',
      value: '',
      text: { type: 'plain_text', text: 'Start reviewing' },
      style: 'primary',
    };
    expect(home[2]).toEqual({ type: 'actions', elements: [button] });

    await h.interact({
      type: 'block_actions',
      user: { id: 'U1' },
      container: { type: 'view', view_id: 'VHOME' },
      view: { id: 'VHOME', type: 'home' },
      trigger_id: 'trig-home',
      actions: [{ action_id: 'review.next', value: '', type: 'button', block_id: 'b1' }],
    });
    const dm = await waitFor(() => h.slack.of('chat.postMessage').find((c) => c.params.channel === 'DU1'));
    expect(h.slack.conversationOf('U1')).toBe('DU1');
    const review = blockText(dm.params.blocks);
    expect(review).toContain('"action_id":"review.show","value":"c:1:1"');
    expect(h.slack.of('chat.postEphemeral').filter((c) => c.params.channel === '')).toEqual([]);

    const command = await h.command('U1', 'review');
    expect(blockText(command.reply?.blocks)).toBe(review);

    await h.interact({
      type: 'block_actions',
      user: { id: 'U1' },
      channel: { id: 'DU1' },
      trigger_id: 'trig-review',
      actions: [{ action_id: 'grade.open', value: 'c:1:1', type: 'button' }],
    });
    const form = (await waitFor(() => h.slack.of('views.open')[1])).params.view as { callback_id: string; private_metadata: string };
    await h.interact({
      type: 'view_submission',
      user: { id: 'U1' },
      view: {
        id: 'VREVIEW1',
        callback_id: form.callback_id,
        private_metadata: form.private_metadata,
        state: { values: { covered: { ticked: { type: 'checkboxes', selected_options: [{ value: '0' }] } } } },
      },
    });
    await waitFor(() => h.slack.homes.get('U1')?.length === 3);
    expect(h.slack.home('U1')!.blocks[1]).toEqual(section('*Reviews:* none due.'));
    // Graded in the DM, the review still belongs to the channel its question was met in.
    const grades = await h.database.store.db.selectFrom('grades').select(['source', 'channel_id']).orderBy('id').execute();
    expect(grades).toEqual([
      { source: 'round', channel_id: 'slack:T1:C1' },
      { source: 'review', channel_id: 'slack:T1:C1' },
    ]);
  });
});
