import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Card } from '../../src/core/message.ts';
import { newMockState } from '../../src/core/mock-rules.ts';
import { mockUpkeep } from '../../src/core/mock-upkeep.ts';
import { cardText, command, createHarness, type Harness, member } from '../helpers/harness.ts';
import { PrivatePort } from '../helpers/private-port.ts';

const CH = 'test:T1:C1';
const DM = 'test:T1:D-ada';
const ada = member('ada');

let h: Harness;
let port: PrivatePort;
let counter = 0;

beforeEach(async () => {
  h = await createHarness(new Date('2026-11-23T08:00:00Z'));
  port = new PrivatePort();
  h.deps.ports.register(port);
});
afterEach(async () => {
  await h.close();
});

const say = (text: string, conversationId = DM) => h.mlq.directMessage({ conversationId, messageId: `e-${++counter}`, author: ada, text });
const last = (conversationId = DM) => cardText({ ...(port.in(conversationId).at(-1) as Card), fallback: '' }).trim();
const say20 = async () => {
  for (let i = 0; i < 20; i++) expect(await say(`part ${i}`)).toBe('added');
};

describe('a mock interview at its edges', () => {
  it('keys each message by session and step, so a platform can recognise a resend', async () => {
    await command(h, CH, ada, '/mlq mock');
    const steps = (await h.repo.openMockSession(ada.id))!.state.steps;
    for (let step = 0; step < steps; step++) {
      await say('answer');
      await say('done');
    }
    const keys = port.sent.filter((s) => s.target === DM && s.key).map((s) => s.key);
    const prompts = Array.from({ length: steps }, (_, i) => `mlq-mock-1-${i}`);
    expect(keys).toEqual([...prompts, 'mlq-mock-1-end-0', 'mlq-mock-1-end-1', 'mlq-mock-1-end-2']);
  });

  it('tells the member in the conversation when a step is full, and when done comes before any answer', async () => {
    await command(h, CH, ada, '/mlq mock');
    expect(await say('done')).toBe('refused');
    expect(last()).toBe('Write your answer first (one or more messages), or type `skip` to pass this step.');
    await say20();
    expect(await say('one too many')).toBe('refused');
    expect(last()).toBe('That is as much as one step keeps (6000 characters). Press Done or type `done`.');
  });

  it('in place (the terminal), after the end only grade lines are taken; other lines go on to the channel', async () => {
    port.inPlace = true;
    expect(cardText((await command(h, CH, ada, '/mlq mock')).card)).toContain('Your mock interview is on: answer right here.');
    const steps = (await h.repo.openMockSession(ada.id))!.state.steps;
    for (let step = 0; step < steps; step++) {
      await say('answer', CH);
      await say('done', CH);
    }
    expect(await say('An answer to the daily question.', CH)).toBe('ignored');
    expect(await say('  grade 1, 2 ', CH)).toBe('graded');
    expect(await say('none', CH)).toBe('graded');
    expect(last(CH)).toMatch(/^Changed: 0 of \d key points/);
  });

  it('says so when neither a DM nor a private thread can be opened', async () => {
    port.refuseDirect = true;
    port.refuseThread = true;
    const started = await command(h, CH, ada, '/mlq mock');
    expect(cardText(started.card)).toContain('I could not open a private conversation with you here');
    expect(port.opened.map((o) => o.how)).toEqual(['direct', 'thread']);
    expect(await h.repo.openMockSession(ada.id)).toBeNull();
  });

  it('resumes a session whose conversation never opened (a replica died in between) by opening it now', async () => {
    await h.repo.upsertCommunity('test', 'test', '');
    await h.repo.upsertMember(ada, 'test');
    const [question] = await h.repo.searchQuestions({ categories: [], levels: [], words: [] }, 1);
    const state = newMockState({
      memberName: 'ada',
      probes: question!.probes.length,
      at: h.clock.now(),
      budgetMinutes: null,
      direct: false,
      buttons: false,
    });
    await h.repo.createMockSession({
      memberId: ada.id,
      communityId: 'test',
      channelId: CH,
      questionId: question!.id,
      state,
      at: h.clock.now(),
    });
    expect(await mockUpkeep(h.deps, 10, 60_000)).toEqual({ expired: 0, resent: 0 });
    expect(cardText((await command(h, CH, ada, '/mlq mock resume')).card)).toContain(
      'Resumed: the current step is in your private conversation',
    );
    const s = (await h.repo.openMockSession(ada.id))!;
    expect([s.conversationId, s.state.direct, s.state.buttons, s.sentStep]).toEqual([DM, true, true, 0]);
    expect(port.in(DM).map((c) => c.title)).toEqual([expect.stringMatching(/^Mock interview · /), 'The question']);
    expect(last()).toContain('Resumed.');
    expect(cardText((await command(h, CH, ada, '/mlq mock stop')).card)).toContain('Mock interview stopped.');
    expect(cardText((await command(h, CH, ada, '/mlq mock resume')).card)).toContain(
      'You have no mock interview open; `/mlq mock` starts one.',
    );
  });

  it('counts what the scheduler did: expired sessions and resent steps', async () => {
    await command(h, CH, ada, '/mlq mock');
    await say('answer');
    port.failReplies = 1;
    await say('done').catch(() => undefined);
    h.clock.advance(2 * 60_000 + 1);
    expect(await mockUpkeep(h.deps, 10, 60_000)).toEqual({ expired: 0, resent: 1 });
    h.clock.advance(61 * 60_000);
    expect(await mockUpkeep(h.deps, 10, 60_000)).toEqual({ expired: 1, resent: 0 });
    expect(await mockUpkeep(h.deps, 10, 60_000)).toEqual({ expired: 0, resent: 0 });
  });
});
