import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InteractionReply } from '../../src/core/interactions.ts';
import type { Member } from '../../src/core/types.ts';
import { cardText, command, createHarness, type Harness, member } from '../helpers/harness.ts';
import { PrivatePort } from '../helpers/private-port.ts';

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
const session = async () => (await h.repo.openMockSession(ada.id))!;

describe('mock interviews in the scheduler pass', () => {
  it('expires after 60 idle minutes with a note, once across passes', async () => {
    await command(h, CH, ada, '/mlq mock');
    await say('An answer.');
    h.clock.advance(60 * 60_000);
    await h.mlq.tick();
    expect((await session()).status).toBe('open');
    h.clock.advance(1);
    await Promise.all([h.mlq.tick(), h.mlq.tick()]);
    expect(await h.repo.openMockSession(ada.id)).toBeNull();
    const notes = titles().filter((t) => t.startsWith('This mock interview expired after 60 minutes'));
    expect(notes).toHaveLength(1);
    expect(await say('hello?')).toBe('ignored');
    expect(cardText((await command(h, CH, ada, '/mlq mock')).card)).toContain('waiting in your direct messages');
  });

  it('sends a step again after its sending failed, once the lease lapses', async () => {
    await command(h, CH, ada, '/mlq mock');
    const s = await session();
    await say('An answer.');
    port.failReplies = 1;
    expect(shown(await press(ada, 'mock.done', `${s.id}:0`))).toContain('Something went wrong');
    expect((await session()).step).toBe(1);
    await h.mlq.tick();
    expect(titles().filter((t) => t.startsWith('Probe 1'))).toHaveLength(0);
    h.clock.advance(2 * 60_000 + 1);
    await h.mlq.tick();
    await h.mlq.tick();
    expect(titles().filter((t) => t.startsWith('Probe 1'))).toHaveLength(1);
    expect((await session()).sentStep).toBe(1);
  });

  it('keeps resending other members’ steps past a broken conversation, and gives up on one after the idle time', async () => {
    await command(h, CH, ada, '/mlq mock');
    await command(h, CH, bob, '/mlq mock');
    const mine = await session();
    const bobs = (await h.repo.openMockSession(bob.id))!;
    for (let step = 0; step < mine.state.steps - 1; step++) {
      await say(`answer ${step}`);
      await say('done');
    }
    await say('last answer');
    port.broken.add(DM);
    expect(await say('done').catch(() => 'failed')).toBe('failed');
    await h.mlq.directMessage({ conversationId: 'test:T1:D-bob', messageId: 'b-1', author: bob, text: 'bob answers' });
    port.failReplies = 1;
    expect(shown(await press(bob, 'mock.done', `${bobs.id}:0`, 'test:T1:D-bob'))).toContain('Something went wrong');
    h.clock.advance(2 * 60_000 + 1);
    await h.mlq.tick();
    expect(titles('test:T1:D-bob').filter((t) => t.startsWith('Probe 1'))).toHaveLength(1);
    const stuck = (await h.repo.mockSession(mine.id))!;
    expect([stuck.status, stuck.step, stuck.sentStep]).toEqual(['finished', mine.state.steps, mine.state.steps - 1]);
    h.clock.advance(60 * 60_000);
    await h.mlq.tick();
    const given = (await h.repo.mockSession(mine.id))!;
    expect(given.sentStep).toBe(mine.state.steps);
    expect((await h.repo.mockSession(bobs.id))!.status).toBe('expired');
  });
});
