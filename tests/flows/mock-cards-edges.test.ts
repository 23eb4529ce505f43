import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Card } from '../../src/core/message.ts';
import { newMockState } from '../../src/core/mock-rules.ts';
import type { Conversation } from '../../src/core/port.ts';
import type { Question } from '../../src/core/types.ts';
import { cardText, command, createHarness, type Harness, member } from '../helpers/harness.ts';
import { PrivatePort } from '../helpers/private-port.ts';

const CH = 'test:T1:C1';
const DM = 'test:T1:D-ada';
const ada = member('ada');

/** A platform whose private conversations have no buttons (members type `done`). */
class PlainPort extends PrivatePort {
  override async openConversation(memberId: string, channelId: string, how: 'direct' | 'thread', greeting: Card): Promise<Conversation> {
    const opened = await super.openConversation(memberId, channelId, how, greeting);
    return opened.ok ? { ...opened, buttons: false } : opened;
  }
}

/** A platform where the member refuses every private conversation (or where it is not supported at all). */
class RefusingPort extends PrivatePort {
  reason: 'refused' | 'unsupported' = 'refused';
  override async openConversation(_m: string, _c: string, how: 'direct' | 'thread', greeting: Card): Promise<Conversation> {
    this.opened.push({ how, greeting });
    return { ok: false, reason: this.reason };
  }
}

let h: Harness;
let port: PrivatePort;
let counter = 0;

const setUp = async (plain = false, made?: PrivatePort) => {
  h = await createHarness(new Date('2026-11-23T08:00:00Z'));
  port = made ?? (plain ? new PlainPort() : new PrivatePort());
  h.deps.ports.register(port);
};
afterEach(async () => {
  await h.close();
});

const say = (text: string) => h.mlq.directMessage({ conversationId: DM, messageId: `mce-${++counter}`, author: ada, text });
const shown = (c: Card) => cardText({ ...c, fallback: '' }).trim();
const sent = () => port.in(DM).map(shown);
const session = async () => (await h.repo.openMockSession(ada.id))!;
const questionOf = async (): Promise<Question> => (await h.repo.getQuestion((await session()).questionId))!;
const reply = async (text: string) => shown((await command(h, CH, ada, text)).card);
/** Leaves only one question in the bank, so the interview's question (and its probe count) is known. */
const only = (id: string) => h.database.store.db.updateTable('questions').set({ retired_at: new Date() }).where('id', '!=', id).execute();
const plainText = (s: string) => s.replace(/\*\*/g, '');

describe('mock interview cards, word for word', () => {
  beforeEach(() => setUp());

  it('greets with the label, the probe count and no budget, then asks the question with a Done button', async () => {
    await only('bias-variance-diagnosis');
    await command(h, CH, ada, '/mlq mock fundamentals junior');
    const q = await questionOf();
    expect(q.probes).toHaveLength(2);
    expect(sent()).toEqual([
      'Mock interview · Fundamentals · junior\n' +
        'I ask the question, then 2 follow-up probes, one at a time. Answer in one or more messages here, then type `done` ' +
        '(or press Done under the prompt where there is one; `skip` passes a step). At the end you see your answers beside the strong answer.\n' +
        'No time budget (`/mlq mock budget 5` sets one). `/mlq mock stop` ends it; it expires after 60 minutes without a message.',
      `The question\n${plainText(q.prompt)}\nAnswer in one or more messages, then press Done.`,
    ]);
  });

  it('with a budget, greets and prompts with it; the summary shows the skipped step as no answer and the overrun', async () => {
    expect(await reply('/mlq mock budget 5')).toBe(
      'Soft time budget: 5 min a step, from your next mock interview. Overruns are noted, nothing more.\n`/mlq mock budget off` removes it.',
    );
    expect(await h.database.store.db.selectFrom('communities').select(['id', 'name']).execute()).toEqual([{ id: 'test', name: '' }]);
    await only('bias-variance-diagnosis');
    await command(h, CH, ada, '/mlq mock fundamentals junior');
    const q = await questionOf();
    const s = await session();
    expect(sent()[0]).toContain(
      'Soft time budget: 5 min a step (overruns are noted, nothing more). `/mlq mock stop` ends it; it expires after 60 minutes without a message.',
    );
    expect(sent()[1]).toBe(`The question\n${plainText(q.prompt)}\nSoft budget: 5 min. Answer in one or more messages, then press Done.`);
    expect(await say('skip')).toBe('next');
    expect(sent()[2]).toBe(
      `Probe 1 of 2\n${plainText(q.probes[0]!.question)}\nSoft budget: 5 min. Answer in one or more messages, then press Done.`,
    );
    await say('first reply');
    h.clock.advance(7 * 60_000);
    expect(await say('done')).toBe('next');
    expect(sent()[3]).toBe('That step took 7 min (budget 5 min); noted in your summary.');
    expect(sent()[4]).toBe(
      `Probe 2 of 2\n${plainText(q.probes[1]!.question)}\nSoft budget: 5 min. Answer in one or more messages, then press Done.`,
    );
    await say('second reply');
    expect(await say('done')).toBe('finished');
    const [answers, probes, checklist] = port.in(DM).slice(-3);
    expect(shown(answers!)).toBe(
      `Your mock interview · Fundamentals · junior\n${plainText(q.prompt)}\nYour answer\n_(no answer)_\n` +
        `A strong answer\n${plainText(q.strong_answer)}\nThe weak-answer pattern\n${plainText(q.weak_answer)}\n` +
        'Over the 5 min budget: probe 1 (7 min).',
    );
    expect(probes!.blocks.map((b) => b.type)).toEqual(['text', 'text', 'text', 'divider', 'text', 'text', 'text']);
    expect(shown(probes!)).toBe(
      `The probes\nProbe 1: ${plainText(q.probes[0]!.question)}\nYour reply\nfirst reply\nWhat a good reply covers\n${plainText(q.probes[0]!.guidance)}\n\n` +
        `Probe 2: ${plainText(q.probes[1]!.question)}\nYour reply\nsecond reply\nWhat a good reply covers\n${plainText(q.probes[1]!.guidance)}`,
    );
    expect(shown(checklist!)).toBe(
      `Grade yourself\nWhich key points did your answers cover?\n${q.key_points.join('\n')}\n` +
        'Tick them with the button, or type their numbers here, such as `1 3` (`none` or `all` work too). It schedules a private review of this question ' +
        '(`/mlq review`); mock interviews earn no channel points.',
    );
    expect(checklist!.blocks.at(-1)).toEqual({
      type: 'buttons',
      buttons: [{ label: 'Tick what you covered', action: 'grade.open', value: `m:${s.id}`, command: '1 3', style: 'primary' }],
    });
  });

  it('offers resume or start over naming where the member is: the question, then probe 1', async () => {
    await only('bias-variance-diagnosis');
    await command(h, CH, ada, '/mlq mock fundamentals junior');
    const q = await questionOf();
    const s = await session();
    const open = (await command(h, CH, ada, '/mlq mock')).card;
    expect(shown(open)).toBe(
      `You have a mock interview open\n${plainText(q.prompt)}\nYou are at the question. Resume it, or start a new one (the open one is stopped).`,
    );
    expect(open.blocks.at(-1)).toEqual({
      type: 'buttons',
      buttons: [
        { label: 'Resume', action: 'mock.resume', value: String(s.id), command: '/mlq mock resume', style: 'primary' },
        { label: 'Start over', action: 'mock.restart', value: `${s.id}:`, command: '/mlq mock restart', style: 'danger' },
      ],
    });
    await say('an answer');
    await say('done');
    expect(shown((await command(h, CH, ada, '/mlq mock')).card)).toContain('You are at probe 1. Resume it');
    expect(await reply('/mlq mock resume')).toBe('Resumed: the current step is in your private conversation with me.');
    expect(sent().at(-1)).toBe(
      `Probe 1 of 2\n${plainText(q.probes[0]!.question)}\nResumed. Answer in one or more messages, then press Done.`,
    );
  });

  it('restart stops the open interview and starts a new one; a typed restart keeps the category', async () => {
    await command(h, CH, ada, '/mlq mock fundamentals');
    const first = await session();
    expect(await reply('/mlq mock restart statistics senior')).toBe('Your mock interview is waiting in your direct messages with me.');
    expect((await h.repo.mockSession(first.id))!.status).toBe('stopped');
    expect(sent()).toContain('Mock interview stopped. `/mlq mock` starts a new one.');
    const q = await questionOf();
    expect([q.category, q.level]).toEqual(['statistics', 'senior']);
    expect((await session()).id).not.toBe(first.id);
  });

  it('refuses extra words, two budgets, unknown words (clipped to 30 characters) and a repeated category', async () => {
    expect(await reply('/mlq mock stop now')).toBe(
      '`stop` takes no more words. Usage: `/mlq mock [category] [level] | stop | resume | restart | budget <minutes|off>`.',
    );
    expect(await reply('/mlq mock resume now')).toBe(
      '`resume` takes no more words. Usage: `/mlq mock [category] [level] | stop | resume | restart | budget <minutes|off>`.',
    );
    expect(await reply('/mlq mock budget 5 6')).toBe(
      'Give one budget: minutes, or off. Usage: `/mlq mock [category] [level] | stop | resume | restart | budget <minutes|off>`.',
    );
    expect(await reply('/mlq mock budget')).toBe('Give minutes from 1 to 120, such as `/mlq mock budget 5`, or `off`.');
    expect(await reply('/mlq mock quantum')).toBe(
      '`quantum` is not a category or a level (`/mlq topics` lists them). Usage: `/mlq mock [category] [level] | stop | resume | restart | budget <minutes|off>`.',
    );
    expect(await reply(`/mlq mock ${'x'.repeat(40)}`)).toContain(`\`${'x'.repeat(30)}\` is not a category or a level`);
    expect(await reply('/mlq mock statistics junior senior')).toContain('`senior` is not a category or a level');
    expect(await reply('/mlq mock statistics evaluation')).toContain('`evaluation` is not a category or a level');
    expect(await h.repo.openMockSession(ada.id)).toBeNull();
  });

  it('says so when no question matches', async () => {
    await h.database.store.db.updateTable('questions').set({ retired_at: new Date() }).execute();
    expect(await reply('/mlq mock statistics')).toBe('No question matches that; try another category or level (`/mlq topics`).');
    expect(await h.repo.openMockSession(ada.id)).toBeNull();
  });

  it('ignores a Start over press whose value is malformed, and starts a level-only restart', async () => {
    await command(h, CH, ada, '/mlq mock');
    const s = await session();
    const press = (value: string) => h.mlq.action({ channelId: CH, communityId: 'test', actor: ada, action: 'mock.restart', value });
    for (const value of [`x${s.id}:statistics`, `${s.id}:statistics!`, `${s.id}`, 'abc'])
      expect(await press(value)).toEqual({ kind: 'none' });
    expect((await session()).id).toBe(s.id);
    const restarted = await press(`${s.id}:  senior `);
    expect(restarted.kind).toBe('card');
    const q = await questionOf();
    expect(q.level).toBe('senior');
    expect((await session()).id).not.toBe(s.id);
  });
});

describe('mock interview cards where buttons do not work', () => {
  beforeEach(() => setUp(true));

  it('asks to type done and offers the checklist without a button', async () => {
    await only('regression-to-the-mean-interventions');
    await command(h, CH, ada, '/mlq mock statistics');
    const q = await questionOf();
    expect(q.probes).toHaveLength(3);
    expect(sent()[0]).toContain('I ask the question, then 3 follow-up probes, one at a time.');
    expect(sent()[1]).toBe(`The question\n${plainText(q.prompt)}\nAnswer in one or more messages, then type \`done\`.`);
    expect(port.in(DM)[1]!.blocks.map((b) => b.type)).toEqual(['text', 'context']);
    for (let step = 0; step < 4; step++) {
      await say(`answer ${step}`);
      await say('done');
    }
    const checklist = port.in(DM).at(-1)!;
    expect(checklist.blocks.map((b) => b.type)).toEqual(['text', 'list', 'context']);
    expect(shown(checklist)).toBe(
      `Grade yourself\nWhich key points did your answers cover?\n${q.key_points.join('\n')}\n` +
        'Type their numbers here, such as `1 3` (`none` or `all` work too). It schedules a private review of this question ' +
        '(`/mlq review`); mock interviews earn no channel points.',
    );
    expect(
      port
        .in(DM)
        .at(-2)!
        .blocks.filter((b) => b.type === 'divider'),
    ).toHaveLength(2);
  });
});

describe('mock interview sessions at their edges', () => {
  it('ignores a Done press with a malformed value, and keys the stop note by session', async () => {
    await setUp();
    await command(h, CH, ada, '/mlq mock');
    const s = await session();
    await say('an answer');
    const press = (value: string) => h.mlq.action({ channelId: DM, communityId: 'test', actor: ada, action: 'mock.done', value });
    for (const value of [`x${s.id}:0`, `${s.id}:0x`, `${s.id}:100`, `${s.id}:`, '1234567890:0'])
      expect(await press(value)).toEqual({ kind: 'notice', text: 'That mock interview is not yours.' });
    expect((await session()).step).toBe(0);
    expect(await reply('/mlq mock stop')).toBe('Mock interview stopped.');
    expect(port.sent.at(-1)!.key).toBe(`mlq-mock-${s.id}-stopped`);
  });

  it('in place (the terminal), a stop is said once, by the command reply', async () => {
    await setUp();
    port.inPlace = true;
    await command(h, CH, ada, '/mlq mock');
    const before = port.in(CH).length;
    expect(await reply('/mlq mock stop')).toBe('Mock interview stopped.');
    expect(port.in(CH)).toHaveLength(before);
    expect(await reply('/mlq mock stop')).toBe('You have no mock interview open.');
  });

  it('says to allow direct messages when the member refuses both a DM and a private thread', async () => {
    await setUp(false, new RefusingPort());
    expect(await reply('/mlq mock')).toBe(
      'I could not message you privately: allow direct messages from this server’s members, then try `/mlq mock` again.',
    );
    expect(port.opened.map((o) => o.how)).toEqual(['direct', 'thread']);
    expect(await h.repo.openMockSession(ada.id)).toBeNull();
  });

  it('does not try a thread when private conversations are unsupported rather than refused', async () => {
    const refusing = new RefusingPort();
    refusing.reason = 'unsupported';
    await setUp(false, refusing);
    expect(await reply('/mlq mock')).toBe(
      'I could not open a private conversation with you here; please try again later, and tell an organiser if it persists (the bot may lack a permission).',
    );
    expect(port.opened.map((o) => o.how)).toEqual(['direct']);
  });

  it('on resume, says when the private conversation still cannot be opened, and keeps the session', async () => {
    await setUp(false, new RefusingPort());
    await h.repo.upsertCommunity('test', 'test', '');
    await h.repo.upsertMember(ada, 'test');
    const [q] = await h.repo.searchQuestions({ categories: [], levels: [], words: [] }, 1);
    const state = newMockState({ memberName: 'ada', probes: 2, at: h.clock.now(), budgetMinutes: null, direct: false, buttons: false });
    await h.repo.createMockSession({ memberId: ada.id, communityId: 'test', channelId: CH, questionId: q!.id, state, at: h.clock.now() });
    expect(await reply('/mlq mock resume')).toBe('I could not open a private conversation; `/mlq mock stop` ends this interview.');
    expect((await session()).conversationId).toBe('');
  });
});
