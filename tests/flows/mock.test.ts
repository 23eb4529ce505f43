import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Mlq } from '../../src/core/app.ts';
import type { InteractionReply } from '../../src/core/interactions.ts';
import type { Card } from '../../src/core/message.ts';
import { Ports } from '../../src/core/port.ts';
import type { Member, Question } from '../../src/core/types.ts';
import { cardText, command, createHarness, type Harness, member } from '../helpers/harness.ts';
import { PrivatePort } from '../helpers/private-port.ts';
import { RecordingPort } from '../helpers/recording-port.ts';

const CH = 'test:T1:C1';
const DM = 'test:T1:D-ada';
const ada = member('ada');
const bob = member('bob');

let h: Harness;
let port: PrivatePort;
let counter = 0;

beforeEach(async () => {
  h = await createHarness(new Date('2026-11-23T08:00:00Z'));
  port = new PrivatePort();
  h.deps.ports.register(port);
  h.port = port;
});
afterEach(async () => {
  await h.close();
});

const say = (text: string, conversationId = DM, messageId = `dm-${++counter}`, mlq = h.mlq) =>
  mlq.directMessage({ conversationId, messageId, author: ada, text });
const press = (who: Member, action: string, value: string, channelId = DM, mlq = h.mlq) =>
  mlq.action({ channelId, communityId: 'test', actor: who, action, value });
const shown = (r: InteractionReply): string =>
  r.kind === 'card' ? cardText({ ...r.card, fallback: '' }).trim() : r.kind === 'notice' ? r.text : r.kind;
const titles = (conversationId = DM) => port.in(conversationId).map((c) => c.title ?? cardText({ ...c, fallback: '' }).trim());
const buttonsOf = (card: Card) => card.blocks.flatMap((b) => (b.type === 'buttons' ? b.buttons : []));
const session = async () => (await h.repo.openMockSession(ada.id))!;
const questionOf = async (): Promise<Question> => (await h.repo.getQuestion((await session()).questionId))!;
const db = () => h.database.store.db;

describe('a mock interview', () => {
  it('runs the question and each probe in a direct message, survives a restart, and grades into a review card', async () => {
    const started = await command(h, CH, ada, '/mlq mock statistics');
    expect(cardText(started.card)).toContain('Your mock interview is waiting in your direct messages with me.');
    expect(started.visibility).toBe('private');
    const q = await questionOf();
    expect(q.category).toBe('statistics');
    const s = await session();
    expect(titles()).toEqual([`Mock interview · Statistics and probability · ${q.level}`, 'The question']);
    expect(buttonsOf(port.in(DM)[1]!)).toEqual([
      { label: 'Done', action: 'mock.done', value: `${s.id}:0`, command: 'done', style: 'primary' },
    ]);

    expect(await say('Bias is systematic error;')).toBe('added');
    expect(await say('variance is sensitivity to the sample.')).toBe('added');
    expect(shown(await press(ada, 'mock.done', `${s.id}:0`))).toBe('none');
    expect(titles().at(-1)).toBe(`Probe 1 of ${q.probes.length}`);
    expect(cardText(port.in(DM).at(-1)!)).toContain(q.probes[0]!.question);

    const restarted = new Mlq({ ...h.deps, ports: new Ports() });
    restarted.deps.ports.register(port);
    for (let probe = 1; probe <= q.probes.length; probe++) {
      expect(await say(`Reply to probe ${probe}.`, DM, undefined, restarted)).toBe('added');
      expect(await say('done', DM, undefined, restarted)).toBe(probe === q.probes.length ? 'finished' : 'next');
    }
    const summary = port.in(DM).slice(-3);
    expect(summary.map((c) => c.title)).toEqual([
      `Your mock interview · Statistics and probability · ${q.level}`,
      'The probes',
      'Grade yourself',
    ]);
    const answers = cardText({ ...summary[0]!, fallback: '' });
    expect(answers).toContain('Your answer\nBias is systematic error;\nvariance is sensitivity to the sample.');
    expect(answers).toContain(`A strong answer\n${q.strong_answer.replace(/\*\*/g, '').slice(0, 60)}`);
    expect(answers).toContain(`The weak-answer pattern\n${q.weak_answer.replace(/\*\*/g, '').slice(0, 60)}`);
    const probes = cardText({ ...summary[1]!, fallback: '' });
    expect(probes).toContain(`Probe 1: ${q.probes[0]!.question}`);
    expect(probes).toContain('Your reply\nReply to probe 1.');
    expect(probes).toContain(`What a good reply covers\n${q.probes[0]!.guidance.replace(/\*\*/g, '').slice(0, 60)}`);
    expect(summary[2]!.blocks[1]).toEqual({ type: 'list', items: q.key_points, ordered: true, title: undefined });
    expect(buttonsOf(summary[2]!)[0]).toMatchObject({ action: 'grade.open', value: `m:${s.id}` });
    expect(await h.repo.openMockSession(ada.id)).toBeNull();

    expect(await say('1 2', DM, 'grade-1', restarted)).toBe('graded');
    const n = q.key_points.length;
    expect(cardText(port.in(DM).at(-1)!)).toContain(`Saved: 2 of ${n} key points`);
    expect(await say('1 2', DM, 'grade-1', restarted)).toBe('graded');
    expect(cardText(port.in(DM).at(-1)!)).toContain(`Already saved: 2 of ${n} key points`);
    const grades = await db().selectFrom('grades').select(['member_id', 'source', 'source_id', 'ticked', 'channel_id']).execute();
    expect(grades).toEqual([{ member_id: ada.id, source: 'mock', source_id: String(s.id), ticked: [0, 1], channel_id: CH }]);
    const cards = await db().selectFrom('review_cards').select(['member_id', 'question_id', 'channel_id']).execute();
    expect(cards).toEqual([{ member_id: ada.id, question_id: q.id, channel_id: CH }]);
    expect(await db().selectFrom('ledger').selectAll().execute()).toEqual([]);
    expect(await say('seven', DM, 'grade-2')).toBe('refused');
    expect(cardText(port.in(DM).at(-1)!)).toContain('`seven` is not one');
  });

  it('grades through the checklist form like every grade', async () => {
    await command(h, CH, ada, '/mlq mock');
    const s = await session();
    expect(shown(await press(ada, 'grade.open', `m:${s.id}`))).toBe(
      'Finish the mock interview first; the checklist comes with its summary.',
    );
    for (let step = 0; step < s.state.steps; step++) {
      await say(`answer ${step}`);
      await say('done');
    }
    const opened = await press(ada, 'grade.open', `m:${s.id}`);
    expect(opened.kind).toBe('form');
    expect(shown(await press(bob, 'grade.open', `m:${s.id}`, CH))).toBe('That mock interview is not yours.');
    const saved = await h.mlq.submit({
      channelId: DM,
      communityId: 'test',
      actor: ada,
      form: 'mlq.grade',
      value: `m:${s.id}`,
      fields: { covered: '0' },
      submissionId: 'v1',
    });
    expect(shown(saved)).toMatch(/^Saved: 1 of \d key points/);
    expect(shown(saved)).not.toContain('points for grading');
  });

  it('counts a replayed Done press and a replayed message once', async () => {
    await command(h, CH, ada, '/mlq mock');
    const s = await session();
    expect(await say('An answer.', DM, 'm-1')).toBe('added');
    expect(await say('An answer.', DM, 'm-1')).toBe('duplicate');
    const presses = await Promise.all([press(ada, 'mock.done', `${s.id}:0`), press(ada, 'mock.done', `${s.id}:0`)]);
    expect(presses.map(shown)).toEqual(['none', 'none']);
    expect(await press(ada, 'mock.done', `${s.id}:0`)).toEqual({ kind: 'none' });
    expect(titles().filter((t) => t.startsWith('Probe 1'))).toHaveLength(1);
    const after = await session();
    expect(after.step).toBe(1);
    expect(after.state.answers[0]).toEqual([{ key: 'm-1', text: 'An answer.' }]);
    expect(shown(await press(ada, 'mock.done', `${s.id}:1`))).toBe(
      'Write your answer first (one or more messages), or type `skip` to pass this step.',
    );
    expect(shown(await press(bob, 'mock.done', `${s.id}:1`, CH))).toBe('That mock interview is not yours.');
    expect(await say('skip')).toBe(s.state.steps === 2 ? 'finished' : 'next');
  });

  it('falls back to a private thread when direct messages are refused, where only the member is heard', async () => {
    port.refuseDirect = true;
    const started = await command(h, CH, ada, '/mlq mock');
    expect(cardText(started.card)).toContain('in a private thread in this channel');
    expect(port.opened.map((o) => o.how)).toEqual(['direct', 'thread']);
    const thread = 'test:T1:thread-1';
    expect(titles(thread)[1]).toBe('The question');
    const s = await session();
    await h.mlq.threadMessage({
      channelId: CH,
      communityId: 'test',
      threadId: thread,
      messageId: 't-1',
      author: bob,
      text: 'bob butts in',
    });
    await h.mlq.threadMessage({ channelId: CH, communityId: 'test', threadId: thread, messageId: 't-2', author: ada, text: 'My answer.' });
    await h.mlq.threadMessage({ channelId: CH, communityId: 'test', threadId: thread, messageId: 't-3', author: bob, text: 'done' });
    expect((await session()).state.answers[0]).toEqual([{ key: 't-2', text: 'My answer.' }]);
    expect((await session()).step).toBe(0);
    await h.mlq.threadMessage({ channelId: CH, communityId: 'test', threadId: thread, messageId: 't-4', author: ada, text: 'Done.' });
    expect((await session()).step).toBe(1);
    expect(titles(thread).at(-1)).toBe(`Probe 1 of ${s.state.steps - 1}`);
  });

  it('says so when no private conversation can be opened, and keeps nothing open', async () => {
    const bare = new RecordingPort();
    h.deps.ports.register(bare);
    const started = await command(h, CH, ada, '/mlq mock');
    expect(cardText(started.card)).toContain('I could not open a private conversation with you here');
    expect(await h.repo.openMockSession(ada.id)).toBeNull();
  });

  it('offers to resume or start over, and stops on request', async () => {
    await command(h, CH, ada, '/mlq mock');
    const s = await session();
    const again = await command(h, CH, ada, '/mlq mock deep learning senior');
    expect(again.card.title).toBe('You have a mock interview open');
    expect(buttonsOf(again.card).map((b) => [b.action, b.value])).toEqual([
      ['mock.resume', String(s.id)],
      ['mock.restart', `${s.id}:deep-learning senior`],
    ]);
    expect(shown(await press(ada, 'mock.resume', String(s.id), CH))).toBe(
      'Resumed: the current step is in your private conversation with me.',
    );
    expect(titles().filter((t) => t === 'The question')).toHaveLength(2);
    const restarted = await press(ada, 'mock.restart', `${s.id}:deep-learning senior`, CH);
    expect(shown(restarted)).toContain('waiting in your direct messages');
    const fresh = await session();
    expect(fresh.id).not.toBe(s.id);
    expect((await h.repo.mockSession(s.id))!.status).toBe('stopped');
    const q = (await h.repo.getQuestion(fresh.questionId))!;
    expect([q.category, q.level]).toEqual(['deep-learning', 'senior']);
    expect(shown(await press(ada, 'mock.restart', `${s.id}:`, CH))).toContain('You have a mock interview open');
    expect((await session()).id).toBe(fresh.id);

    expect(cardText((await command(h, CH, ada, '/mlq mock stop')).card)).toContain('Mock interview stopped.');
    expect(cardText(port.in(DM).at(-1)!)).toContain('Mock interview stopped. `/mlq mock` starts a new one.');
    expect(cardText((await command(h, CH, ada, '/mlq mock stop')).card)).toContain('You have no mock interview open.');
    expect(await say('late answer')).toBe('ignored');
  });

  it('notes steps over a soft budget without refusing them', async () => {
    const cases: [string, string][] = [
      ['0', '`0` is not a budget.'],
      ['1', 'Soft time budget: 1 min a step'],
      ['120', 'Soft time budget: 120 min a step'],
      ['121', '`121` is not a budget.'],
      ['soon', '`soon` is not a budget.'],
      ['off', 'No time budget for your mock interviews.'],
    ];
    for (const [word, expected] of cases)
      expect(cardText((await command(h, CH, ada, `/mlq mock budget ${word}`)).card)).toContain(expected);
    await command(h, CH, ada, '/mlq mock budget 5');
    await command(h, CH, ada, '/mlq mock');
    expect(cardText(port.in(DM).at(-1)!)).toContain('Soft budget: 5 min.');
    await say('quick');
    h.clock.advance(5 * 60_000);
    await say('done');
    expect(titles().some((t) => t.includes('That step took'))).toBe(false);
    await say('slow');
    h.clock.advance(5 * 60_000 + 1);
    await say('done');
    expect(cardText(port.in(DM).at(-2)!)).toContain('That step took 6 min (budget 5 min); noted in your summary.');
    const s = await session().catch(() => null);
    if (s) {
      for (let step = s.step; step < s.state.steps; step++) {
        await say('more');
        await say('done');
      }
    }
    expect(cardText(port.in(DM).at(-3)!)).toContain('Over the 5 min budget: probe 1 (6 min).');
  });
});
