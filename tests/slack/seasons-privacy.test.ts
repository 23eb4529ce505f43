import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blockText, createSlackHarness, type SlackHarness } from '../helpers/slack-harness.ts';
import { waitFor } from '../helpers/wait.ts';

let h: SlackHarness;

beforeEach(async () => {
  h = await createSlackHarness(new Date('2026-12-31T08:00:00Z'));
  h.slack.admins.add('UADMIN');
});
afterEach(async () => {
  await h.close();
});

const ANSWER = 'My answer: more data lowers variance, so an overfit model usually improves with it, and regularise too.';
const replyText = (r: { reply?: { text?: string; blocks?: unknown } }) => `${r.reply?.text ?? ''}\n${blockText(r.reply?.blocks)}`;

/** Subscribes C1, lets U1 and U2 answer the round in its thread and reveals it. */
async function revealedRound() {
  await h.command('UADMIN', 'start');
  const post = await waitFor(() => h.slack.of('chat.postMessage')[0]);
  const root = String(post.result!.ts);
  for (const [i, user] of ['U1', 'U2'].entries()) {
    await h.event({
      type: 'message',
      channel: 'C1',
      user,
      text: ANSWER,
      ts: `1700000100.00000${i}`,
      thread_ts: root,
      channel_type: 'channel',
    });
  }
  await waitFor(() => h.slack.of('reactions.add').length === 2);
  h.clock.set(new Date('2026-12-31T15:00:00Z'));
  await h.command('UADMIN', 'reveal');
}

describe('seasons and privacy in Slack', () => {
  it('posts the season results once at local midnight, with hidden members as "a member" and no champion role', async () => {
    await revealedRound();
    await h.mlq.tick();
    expect(replyText(await h.command('U2', 'privacy hide'))).toContain('now show you as “a member”');
    const board = replyText(await h.command('U1', 'leaderboard season public'));
    expect(board).toContain('Leaderboard · season Q4 2026 (October to December)');
    expect(board).toMatch(/a member\* · 10 pts/);
    expect(board).not.toContain('U2');

    h.clock.set(new Date('2027-01-01T00:00:01Z'));
    const [a, b] = await Promise.all([h.mlq.tick(), h.mlq.tick()]);
    expect(a.seasons + b.seasons).toBe(1);
    const results = h.slack.of('chat.postMessage').filter((c) => blockText(c.params.blocks).includes('Season results'));
    expect(results).toHaveLength(1);
    const text = blockText(results[0]!.params.blocks);
    expect(text).toContain('Season results · Q4 2026 (October to December)');
    expect(text).toContain('2 answers this season');
    expect(text).toContain('a member');
    expect(text).not.toContain('champion role');
  });

  it('erases a member only after the confirmation button, pressed by that member', async () => {
    await revealedRound();
    const asked = await h.command('U1', 'forget me');
    expect(asked.reply?.response_type).toBe('ephemeral');
    const shown = replyText(asked);
    expect(shown).toContain('This erases your answers');
    expect(shown).toContain('"action_id":"forget.confirm","value":"slack:T1:U1"');
    expect(shown).toContain('"style":"danger"');

    const db = h.database.store.db;
    const answersOf = (id: string) => db.selectFrom('answers').select('id').where('member_id', '=', id).execute();
    const press = (user: string) =>
      h.interact({
        type: 'block_actions',
        user: { id: user },
        channel: { id: 'C1' },
        trigger_id: `trig-${user}`,
        response_url: h.slack.responseUrl(900 + user.length),
        actions: [{ action_id: 'forget.confirm', value: 'slack:T1:U1', type: 'button' }],
      });
    await press('U2');
    expect(await answersOf('slack:T1:U1')).toHaveLength(1);
    await press('U1');
    await waitFor(async () => (await answersOf('slack:T1:U1')).length === 0);
    expect(await db.selectFrom('members').select('id').where('id', '=', 'slack:T1:U1').execute()).toEqual([]);
    expect(await answersOf('slack:T1:U2')).toHaveLength(1);
    const said = JSON.stringify([...h.slack.responses, ...h.slack.of('chat.postEphemeral').map((c) => c.params)]);
    expect(said).toContain('Only the member themself');
    expect(said).toContain('Done: your answers');
  });
});
