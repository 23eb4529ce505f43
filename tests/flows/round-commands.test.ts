import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CommandReply } from '../../src/core/commands/spec.ts';
import { command, createHarness, type Harness, member, reply } from '../helpers/harness.ts';

const admin = { id: 'test:admin', name: 'admin' };
const ada = member('ada');
const bob = member('bob');
const ANSWER = 'Bias is the error from wrong assumptions in the model, variance is sensitivity to the particular training sample.';

let h: Harness;
let n = 0;
let CH = '';

beforeAll(async () => {
  h = await createHarness(new Date('2026-11-23T08:00:00Z'));
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => {
  h.clock.set(new Date('2026-11-23T08:00:00Z'));
  CH = `test:T1:R${++n}`;
});

const run = (who: { id: string; name: string }, line: string) => command(h, CH, who, line);
/** The one sentence of a short reply, with its visibility. */
const said = (r: CommandReply) => ({
  text: r.card.blocks.map((b) => ('markdown' in b ? b.markdown : b.type)).join(' | '),
  visibility: r.visibility,
});
const channelRow = () => h.database.store.db.selectFrom('channels').selectAll().where('id', '=', CH).executeTakeFirstOrThrow();

describe('/mlq start and stop', () => {
  it('subscribes a new channel publicly, with the schedule and the posted question, and makes the caller its organiser', async () => {
    const started = await run(ada, '/mlq start');
    expect(started.visibility).toBe('public');
    expect(started.card.title).toBe('mlq is on in this channel');
    expect(said(started).text).toBe(
      'A machine-learning interview question comes Monday to Friday at 09:00 (UTC); the strong answer is revealed 6h later. | ' +
        "Today's question is posted above: answer in its thread. Organisers change the schedule with `/mlq config`; everyone can see `/mlq help`.",
    );
    expect(h.port.of('post').filter((p) => p.target === CH)).toHaveLength(1);
    const row = await channelRow();
    expect(row.organiser_ids).toEqual(['test:ada']);
    expect(row.active).toBe(true);
    expect(row.next_post_at?.toISOString()).toBe('2026-11-24T09:00:00.000Z');
  });

  it('answers a second start that the channel is subscribed already, and posts nothing more', async () => {
    await run(ada, '/mlq start');
    expect(said(await run(bob, '/mlq start'))).toEqual({
      text: 'This channel is subscribed already. `/mlq config` shows its schedule.',
      visibility: 'private',
    });
    expect(h.port.of('post').filter((p) => p.target === CH)).toHaveLength(1);
  });

  it('pauses publicly, refuses a second stop, lets only an organiser resume, and keeps the organisers', async () => {
    await run(ada, '/mlq start');
    expect(said(await run(bob, '/mlq stop'))).toEqual({
      text: "`/mlq stop` is for the channel's organisers (workspace admins, whoever ran `/mlq start`, and MLQ_ADMINS).",
      visibility: 'private',
    });
    expect(said(await run(ada, '/mlq stop'))).toEqual({
      text: 'mlq is paused in this channel. Streaks and points are kept; `/mlq start` resumes it.',
      visibility: 'public',
    });
    const paused = await channelRow();
    expect(paused.active).toBe(false);
    expect(paused.next_post_at).toBeNull();
    expect(said(await run(ada, '/mlq stop')).text).toBe('This channel is paused already. `/mlq start` resumes it.');
    expect(said(await run(bob, '/mlq start'))).toEqual({
      text: 'This channel is paused; one of its organisers can resume it with `/mlq start`.',
      visibility: 'private',
    });
    expect((await channelRow()).active).toBe(false);

    const resumed = await run(admin, '/mlq start');
    expect(resumed.card.title).toBe('mlq is on in this channel');
    const row = await channelRow();
    expect(row.active).toBe(true);
    expect(row.organiser_ids).toEqual(['test:ada', 'test:admin']);
  });

  it('names the days and a fixed reveal time when a channel is resumed', async () => {
    await run(ada, '/mlq start');
    await run(ada, '/mlq config reveal at 17:00');
    await run(ada, '/mlq config days mon,wed');
    await run(ada, '/mlq stop');
    const resumed = await run(ada, '/mlq start');
    expect(said(resumed).text).toBe(
      'A machine-learning interview question comes mon, wed at 09:00 (UTC); the strong answer is revealed at 17:00. | ' +
        "Today's question is posted above: answer in its thread. Organisers change the schedule with `/mlq config`; everyone can see `/mlq help`.",
    );
  });
});

describe('/mlq today', () => {
  it('tells an unsubscribed channel how to subscribe', async () => {
    expect(said(await run(ada, '/mlq today'))).toEqual({
      text: 'This channel has no daily question yet. An organiser can run `/mlq start` to subscribe it.',
      visibility: 'private',
    });
  });

  it('says when the next question comes when there is none today (Saturday, after the week)', async () => {
    h.clock.set(new Date('2026-11-27T12:00:00Z'));
    await run(admin, '/mlq start');
    await run(admin, '/mlq skip');
    h.clock.set(new Date('2026-11-28T12:00:00Z'));
    expect(said(await run(ada, '/mlq today')).text).toBe('No question yet today. Next question: Mon 30 Nov 09:00 (UTC).');
  });

  it('shows the open question with a nudge, then the answered card, then the reveal with the own answer and points', async () => {
    await run(admin, '/mlq start');
    const open = await run(ada, '/mlq today');
    expect(open.visibility).toBe('private');
    expect(open.card.title).toMatch(/^Question of the day · /);
    expect(open.card.blocks.at(-1)).toEqual({ type: 'context', markdown: 'You have not answered yet.' });
    expect(open.card.blocks[1]).toEqual({
      type: 'context',
      markdown:
        'Answer in this thread before the reveal on Mon 14:00 (UTC). Your first reply is your answer; later replies are discussion.',
    });

    await reply(h, CH, ada, ANSWER);
    const answered = await run(ada, '/mlq today');
    expect(answered.card.blocks.at(-1)).toEqual({
      type: 'context',
      markdown: 'Your answer is in: it counts when the round is revealed on Mon 14:00 (UTC). Further replies are discussion.',
    });

    expect(said(await run(admin, '/mlq reveal')).text).toBe("Revealed: 1 answered. The reveal is in the question's thread.");
    const mine = await run(ada, '/mlq today');
    expect(mine.card.title).toMatch(/^Today's question · .* · revealed$/);
    expect(mine.card.blocks.find((b) => 'markdown' in b && b.markdown.startsWith('**Your answer**'))).toEqual({
      type: 'text',
      markdown: `**Your answer** · 10 points in this round\n\n${ANSWER}`,
    });
    expect(mine.card.blocks.at(-1)).toEqual({
      type: 'context',
      markdown: '1 member answered. Reply in its thread to a probe (at least 8 words) for 5 bonus points.',
    });
    const theirs = await run(bob, '/mlq today');
    expect(theirs.card.blocks.find((b) => 'markdown' in b && b.markdown.startsWith('**Your answer**'))).toEqual({
      type: 'text',
      markdown: '**Your answer** · you did not answer this one.',
    });
  });
});

describe('/mlq reveal and skip', () => {
  it('refuse without an open round, and wait while the round is still being posted', async () => {
    await run(admin, '/mlq start');
    await h.database.store.db.updateTable('rounds').set({ status: 'posting' }).where('channel_id', '=', CH).execute();
    expect(said(await run(admin, '/mlq reveal')).text).toBe('The round is still being posted; try again in a moment.');
    await h.database.store.db.updateTable('rounds').set({ status: 'posted' }).where('channel_id', '=', CH).execute();
    expect(said(await run(admin, '/mlq reveal')).text).toBe("Revealed: 0 answered. The reveal is in the question's thread.");
    expect(said(await run(admin, '/mlq reveal')).text).toBe('There is no open round to reveal.');
    expect(said(await run(admin, '/mlq skip')).text).toBe('There is no open round to skip.');
  });

  it('skip posts another question and closes the skipped one', async () => {
    await run(admin, '/mlq start');
    expect(said(await run(admin, '/mlq skip'))).toEqual({ text: 'Skipped. A new question is posted.', visibility: 'private' });
    const posts = h.port.of('post').filter((p) => p.target === CH);
    expect(posts).toHaveLength(2);
    const rounds = await h.database.store.db.selectFrom('rounds').select(['status']).where('channel_id', '=', CH).orderBy('id').execute();
    expect(rounds.map((r) => r.status)).toEqual(['skipped', 'posted']);
    const root = h.port.of('update').find((u) => u.target === posts[0]!.messageId);
    expect(root?.card?.title).toBe('Question of the day · skipped');
    expect(root?.card?.blocks[1]).toEqual({ type: 'context', markdown: 'An organiser skipped this question; a new one follows.' });
  });
});
