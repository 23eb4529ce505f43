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
const gradeLedger = () => h.database.store.db.selectFrom('ledger').select(['member_id', 'points']).where('reason', '=', 'grade').execute();
const ephemerals = () => h.slack.of('chat.postEphemeral').map((c) => ({ user: c.params.user, text: blockText(c.params.blocks) }));

interface CheckboxView {
  id: string;
  callback_id: string;
  private_metadata: string;
  blocks: {
    type: string;
    block_id?: string;
    element?: { type: string; options: { text: { text: string }; description?: { text: string }; value: string }[] };
  }[];
}

/** Presses a button as `user` and returns the modal it opened. */
async function press(user: string, action: string, value: string): Promise<CheckboxView> {
  const before = h.slack.of('views.open').length;
  await h.interact({
    type: 'block_actions',
    user: { id: user },
    channel: { id: 'C1' },
    trigger_id: `trig-${user}-${before}`,
    actions: [{ action_id: action, value, type: 'button' }],
  });
  const opened = await waitFor(() => h.slack.of('views.open')[before]);
  return opened.params.view as CheckboxView;
}

/** Submits a checklist modal with the given options ticked. */
function tick(user: string, view: CheckboxView, values: string[], viewId = 'VGRADE1') {
  return h.interact({
    type: 'view_submission',
    user: { id: user },
    view: {
      id: viewId,
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      state: { values: { covered: { ticked: { type: 'checkboxes', selected_options: values.map((value) => ({ value })) } } } },
    },
  });
}

describe('grading and reviewing in Slack', () => {
  it('reveal, private checklist, modal with checkboxes, replayed submission counted once, review when due, regrade', async () => {
    await h.command('UADMIN', 'start');
    const post = await waitFor(() => h.slack.of('chat.postMessage')[0]);
    const root = String(post.result!.ts);
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

    const reveal = h.slack.of('chat.postMessage').filter((c) => c.params.thread_ts === root);
    const revealText = reveal.map((c) => blockText(c.params.blocks)).join('\n');
    expect(revealText).toMatch(/\*In one line:\* \S/);
    expect(revealText).toContain('"action_id":"grade.open","value":"r:1"');
    expect(revealText).toContain('"action_id":"guidance.show","value":"1"');
    const checklist = ephemerals().find((e) => e.text.includes('Grade yourself'));
    expect(checklist?.user).toBe('U1');
    expect(checklist?.text).toContain('"action_id":"grade.open","value":"r:1"');

    h.clock.set(new Date('2026-11-23T16:00:00Z'));
    const view = await press('U1', 'grade.open', 'r:1');
    expect(view.callback_id).toBe('mlq.grade');
    const input = view.blocks.find((b) => b.block_id === 'covered')!;
    expect(input.element!.type).toBe('checkboxes');
    const options = input.element!.options;
    expect(options.length).toBeGreaterThanOrEqual(3);
    expect(options.length).toBeLessThanOrEqual(10);
    for (const o of options) {
      expect(o.text.text.length).toBeLessThanOrEqual(75);
      expect(o.description?.text.length ?? 0).toBeLessThanOrEqual(75);
    }
    const n = options.length;

    expect((await tick('U1', view, ['0', '1'])).status).toBe(200);
    await tick('U1', view, ['0', '1']);
    await waitFor(() => ephemerals().filter((e) => /Saved|Already saved/.test(e.text)).length === 2);
    const saved = ephemerals().filter((e) => /saved/i.test(e.text));
    expect(saved[0]!.text).toContain(`Saved: 2 of ${n} key points`);
    expect(saved[0]!.text).toContain('+2 points* for grading');
    expect(saved[1]!.text).toContain(`Already saved: 2 of ${n} key points`);
    expect(await gradeLedger()).toEqual([{ member_id: 'slack:T1:U1', points: 2 }]);

    const again = await press('U1', 'grade.open', 'r:1');
    const ticked = (again.blocks.find((b) => b.block_id === 'covered')!.element as unknown as { initial_options: { value: string }[] })
      .initial_options;
    expect(ticked.map((o) => o.value)).toEqual(['0', '1']);

    const bobs = await press('U2', 'grade.open', 'r:1');
    await tick('U2', bobs, [], 'VGRADE2');
    await waitFor(() => ephemerals().some((e) => e.user === 'U2' && e.text.includes(`Saved: 0 of ${n} key points · Again.`)));
    expect(await gradeLedger()).toEqual([{ member_id: 'slack:T1:U1', points: 2 }]);

    h.clock.set(new Date('2026-12-15T09:00:00Z'));
    const queue = await h.command('U2', 'review');
    expect(queue.reply?.response_type).toBe('ephemeral');
    expect(blockText(queue.reply?.blocks)).toContain('"action_id":"review.show"');
    const showValue = /"action_id":"review.show","value":"(c:\d+:1)"/.exec(blockText(queue.reply?.blocks))![1]!;
    await h.interact({
      type: 'block_actions',
      user: { id: 'U2' },
      channel: { id: 'C1' },
      trigger_id: 't-show',
      actions: [{ action_id: 'review.show', value: showValue, type: 'button' }],
    });
    await waitFor(() => ephemerals().some((e) => e.user === 'U2' && e.text.includes('Key points')));
    const review = await press('U2', 'grade.open', showValue);
    expect(review.callback_id).toBe('mlq.grade');
    await tick(
      'U2',
      review,
      Array.from({ length: n }, (_, i) => String(i)),
      'VREVIEW1',
    );
    await waitFor(() => ephemerals().some((e) => e.user === 'U2' && e.text.includes(`Saved: ${n} of ${n} key points · Easy.`)));
    await tick('U2', review, ['0'], 'VREVIEW2');
    await waitFor(() => ephemerals().some((e) => e.user === 'U2' && e.text.includes(`Changed: 1 of ${n} key points`)));
    expect(await gradeLedger()).toEqual([{ member_id: 'slack:T1:U1', points: 2 }]);

    const stats = await h.command('U2', 'stats');
    expect(blockText(stats.reply?.blocks)).toContain('Reviews done');
    expect(blockText(stats.reply?.blocks)).toContain('*Weakest:*');
  });
});
