import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blockText, createSlackHarness, type SlackHarness } from '../helpers/slack-harness.ts';
import { waitFor } from '../helpers/wait.ts';

let h: SlackHarness;
const ledger = () => h.database.store.db.selectFrom('ledger').select(['member_id', 'reason', 'points']).orderBy('id').execute();

beforeEach(async () => {
  h = await createSlackHarness(new Date());
  h.slack.admins.add('UADMIN');
});
afterEach(async () => {
  await h.close();
});

/** Subscribes C1 as an admin; returns the question post and its ts, the thread's root. */
async function startRound() {
  const started = await h.command('UADMIN', 'start');
  expect(started.status).toBe(200);
  const post = await waitFor(() => h.slack.of('chat.postMessage')[0]);
  return { post, root: String(post.result!.ts) };
}

const threadReply = (user: string, ts: string, threadTs: string, text: string) => ({
  type: 'message',
  channel: 'C1',
  user,
  text,
  ts,
  thread_ts: threadTs,
  channel_type: 'channel',
});

const SHORT_TAKE = 'My short take: start with a simpler model and more regularisation before collecting data.';
const IMPROVED_TAKE = 'My improved take: regularise first, and collect more data only if validation error still lags.';

describe('a whole round in Slack over HTTP with signed requests', () => {
  it('start, post, two answers, an edit, a sealed answer, a peer vote, reveal, probe reply, leaderboard', async () => {
    const { post, root } = await startRound();
    expect(post.params.channel).toBe('C1');
    const blocks = blockText(post.params.blocks);
    expect(blocks).toContain('"type":"header"');
    expect(blocks).toMatch(/Answer in this thread before the reveal/);
    expect(blocks).toContain('"action_id":"answer.sealed"');
    expect(h.slack.responses[0]!.body.response_type).toBe('in_channel');

    await h.event(
      threadReply(
        'U1',
        '1700000100.000001',
        root,
        'Bias is systematic error from wrong assumptions; variance is sensitivity to the particular training sample.',
      ),
    );
    await h.event(threadReply('U2', '1700000100.000002', root, SHORT_TAKE));
    await waitFor(async () => (await h.slack.of('reactions.add')).length === 2);
    expect(h.slack.of('reactions.add').map((c) => c.params.name)).toEqual(['white_check_mark', 'white_check_mark']);

    await h.event({
      type: 'message',
      subtype: 'message_changed',
      channel: 'C1',
      ts: '1700000101.000001',
      message: { type: 'message', user: 'U2', text: IMPROVED_TAKE, ts: '1700000100.000002', thread_ts: root },
      previous_message: { type: 'message', user: 'U2', text: SHORT_TAKE, ts: '1700000100.000002', thread_ts: root },
    });
    await waitFor(
      async () =>
        (await h.database.store.db.selectFrom('answers').select('text').where('member_id', '=', 'slack:T1:U2').executeTakeFirst())?.text ===
        IMPROVED_TAKE,
    );

    const round = (await h.mlq.currentRound('slack:T1:C1'))!;
    await h.interact({
      type: 'block_actions',
      user: { id: 'U3' },
      channel: { id: 'C1' },
      trigger_id: 'trig-1',
      actions: [{ action_id: 'answer.sealed', value: String(round.id), type: 'button' }],
    });
    const opened = await waitFor(() => h.slack.of('views.open')[0]);
    const view = opened.params.view as { private_metadata: string; callback_id: string };
    expect(view.callback_id).toBe('mlq.sealed');
    const submitted = await h.interact({
      type: 'view_submission',
      user: { id: 'U3' },
      view: {
        id: 'VSEALED1',
        callback_id: 'mlq.sealed',
        private_metadata: view.private_metadata,
        state: {
          values: {
            answer: {
              text: {
                type: 'plain_text_input',
                value: 'Sealed: regularise, then check whether the validation curve still improves as the training set grows.',
              },
            },
          },
        },
      },
    });
    expect(submitted.status).toBe(200);
    await waitFor(() => h.slack.of('chat.postEphemeral').some((c) => /Sealed: your answer is stored/.test(String(c.params.text))));

    await h.event({
      type: 'reaction_added',
      user: 'U2',
      reaction: 'clap',
      item: { type: 'message', channel: 'C1', ts: '1700000100.000001' },
      item_user: 'U1',
      event_ts: '1700000200.000001',
    });
    await h.event({
      type: 'reaction_added',
      user: 'U1',
      reaction: 'clap',
      item: { type: 'message', channel: 'C1', ts: '1700000100.000001' },
      item_user: 'U1',
      event_ts: '1700000200.000002',
    });
    await waitFor(async () => (await h.database.store.db.selectFrom('votes').selectAll().execute()).length === 1);

    const revealed = await h.command('UADMIN', 'reveal');
    expect(blockText(revealed.reply?.blocks)).toMatch(/Revealed: 3 answered/);
    const revealPosts = h.slack.of('chat.postMessage').filter((c) => c.params.thread_ts === root);
    const revealText = revealPosts.map((c) => blockText(c.params.blocks)).join('\n');
    expect(revealText).toMatch(/What a strong answer covers/);
    expect(revealText).toMatch(/What a weak answer sounds like/);
    expect(revealText).toMatch(/Follow-up probes/);
    expect(revealText).toMatch(/Sealed answers[\s\S]*u3-name[\s\S]*regularise/);
    expect(revealText).not.toContain('**');
    const update = h.slack.of('chat.update').at(-1)!;
    expect(update.params.ts).toBe(root);
    expect(blockText(update.params.blocks)).toMatch(/Revealed · 3 members answered/);

    await h.event(
      threadReply('U1', '1700000300.000001', root, 'I would first check whether both curves flatten before adding more data here.'),
    );
    await waitFor(async () => (await ledger()).some((r) => r.reason === 'probe_reply'));

    const board = await h.command('U1', 'leaderboard');
    expect(board.reply?.response_type).toBe('ephemeral');
    expect(blockText(board.reply?.blocks)).toMatch(/u1-name\* · 17 pts/);
    const publicBoard = await h.command('U1', 'leaderboard all public');
    expect(publicBoard.reply?.response_type).toBe('in_channel');

    expect(await ledger()).toEqual([
      { member_id: 'slack:T1:U1', reason: 'answer', points: 10 },
      { member_id: 'slack:T1:U2', reason: 'answer', points: 10 },
      { member_id: 'slack:T1:U3', reason: 'answer', points: 10 },
      { member_id: 'slack:T1:U1', reason: 'peer_vote', points: 2 },
      { member_id: 'slack:T1:U1', reason: 'probe_reply', points: 5 },
    ]);
  });

  it('tells a short reply privately why it did not count, and counts it once when edited past the bar', async () => {
    const { root } = await startRound();
    await h.event(threadReply('U1', '1700000100.000011', root, 'My answer...'));
    const note = await waitFor(() => h.slack.of('chat.postEphemeral')[0]);
    expect(note.params).toMatchObject({ channel: 'C1', user: 'U1' });
    expect(String(note.params.text)).toMatch(/needs at least 12 words and this one has 2/);
    const edited = (n: number) => ({
      type: 'message',
      subtype: 'message_changed',
      channel: 'C1',
      ts: `1700000101.00000${n}`,
      message: { type: 'message', user: 'U1', text: IMPROVED_TAKE, ts: '1700000100.000011', thread_ts: root },
      previous_message: { type: 'message', user: 'U1', text: 'My answer...', ts: '1700000100.000011', thread_ts: root },
    });
    await h.event(edited(1));
    await waitFor(async () => (await h.database.store.db.selectFrom('answers').select('text').executeTakeFirst())?.text === IMPROVED_TAKE);
    await h.event(edited(2));
    await h.command('UADMIN', 'reveal');
    expect(await ledger()).toEqual([{ member_id: 'slack:T1:U1', reason: 'answer', points: 10 }]);
    expect(h.slack.of('reactions.add').map((c) => c.params.timestamp)).toEqual(['1700000100.000011']);
    const notes = h.slack.of('chat.postEphemeral').filter((c) => !String(c.params.text).startsWith('Grade yourself'));
    expect(notes).toHaveLength(1);
    expect(h.slack.of('chat.postEphemeral').map((c) => c.params.user)).toEqual(['U1', 'U1']);
  });

  it('counts an event delivered again with X-Slack-Retry-Num once', async () => {
    const { root } = await startRound();
    const event = threadReply(
      'U1',
      '1700000100.000009',
      root,
      'one answer: more data lowers variance, so an overfit model usually improves with it.',
    );
    await h.event(event, { eventId: 'EvSame' });
    await h.event(event, { eventId: 'EvSame', retryNum: 1 });
    await h.event(event, { eventId: 'EvSame', retryNum: 2 });
    await waitFor(async () => (await h.database.store.db.selectFrom('thread_messages').selectAll().execute()).length === 1);
    await h.command('UADMIN', 'reveal');
    expect((await h.database.store.db.selectFrom('answers').selectAll().execute()).length).toBe(1);
    expect(await ledger()).toEqual([{ member_id: 'slack:T1:U1', reason: 'answer', points: 10 }]);
    expect(h.slack.of('reactions.add')).toHaveLength(1);
  });

  it('refuses a forged signature and a stale timestamp with 401 and changes nothing', async () => {
    const forged = await h.command('UADMIN', 'start', { signature: 'v0=deadbeef' });
    const stale = await h.command('UADMIN', 'start', { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect([forged.status, stale.status]).toEqual([401, 401]);
    expect(h.slack.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
    expect(await h.database.store.db.selectFrom('channels').selectAll().execute()).toEqual([]);
  });

  it('acknowledges every command and answers wrong ones helpfully, privately', async () => {
    const wrong = await h.command('U1', 'leaderbord');
    expect(wrong.status).toBe(200);
    expect(wrong.reply?.response_type).toBe('ephemeral');
    expect(blockText(wrong.reply?.blocks)).toMatch(/Did you mean `\/mlq leaderboard`\?/);
    await h.command('UADMIN', 'start');
    const refused = await h.command('U1', 'skip');
    expect(blockText(refused.reply?.blocks)).toMatch(/for the channel's organisers/);
    const help = await h.command('U1', 'help');
    expect(help.reply?.response_type).toBe('ephemeral');
    expect(blockText(help.reply?.blocks)).toMatch(/Points and streaks/);
  });
});
