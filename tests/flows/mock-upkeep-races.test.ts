import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CoreDeps } from '../../src/core/deps.ts';
import { mockUpkeep } from '../../src/core/mock-upkeep.ts';
import type { Repository } from '../../src/core/repository.ts';
import { cardText, command, createHarness, type Harness, member } from '../helpers/harness.ts';
import { PrivatePort } from '../helpers/private-port.ts';

const CH = 'test:T1:C1';
const DM = 'test:T1:D-ada';
const ada = member('ada');
const HOUR = 60 * 60_000;

let h: Harness;
let port: PrivatePort;
let logged: string[];
let counter = 0;

beforeEach(async () => {
  h = await createHarness(new Date('2026-11-23T08:00:00Z'));
  port = new PrivatePort();
  h.deps.ports.register(port);
  logged = [];
  h.deps.logger = {
    info: () => undefined,
    warn: (_obj, msg) => void logged.push(`warn: ${msg}`),
    error: (_obj, msg) => void logged.push(`error: ${msg}`),
  };
});
afterEach(async () => {
  await h.close();
});

const say = (text: string) => h.mlq.directMessage({ conversationId: DM, messageId: `dm-${++counter}`, author: ada, text });
const session = async () => (await h.repo.openMockSession(ada.id))!;
const expiryNotes = () => port.sent.filter((s) => cardText({ ...s.card!, fallback: '' }).includes('This mock interview expired'));
const probes = () => port.in(DM).filter((c) => c.title?.startsWith('Probe 1'));

/** The core's dependencies with a store that runs `between` right after it claimed the idle sessions (another event wins the race). */
function racing(between: () => Promise<unknown>): CoreDeps {
  const repo = new Proxy(h.repo, {
    get(target, name) {
      if (name === 'claimIdleMockSessions') {
        return async (...args: Parameters<Repository['claimIdleMockSessions']>) => {
          const claimed = await target.claimIdleMockSessions(...args);
          await between();
          return claimed;
        };
      }
      const value = Reflect.get(target, name);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { ...h.deps, repo };
}

describe('mock interview upkeep', () => {
  it('expires an idle session with a note under its own key, and logs nothing', async () => {
    await command(h, CH, ada, '/mlq mock');
    const s = await session();
    h.clock.set(new Date(s.activeAt.getTime() + HOUR + 1));
    expect(await mockUpkeep(h.deps, 10, 120_000)).toEqual({ expired: 1, resent: 0 });
    expect(expiryNotes().map((n) => [n.kind, n.target, n.key])).toEqual([['reply', DM, `mlq-mock-${s.id}-expired`]]);
    expect(await mockUpkeep(h.deps, 10, 120_000)).toEqual({ expired: 0, resent: 0 });
    expect(logged).toEqual([]);
  }, 180_000);

  it('leaves a session alone when its member writes between the claim and the expiry', async () => {
    await command(h, CH, ada, '/mlq mock');
    const s = await session();
    h.clock.set(new Date(s.activeAt.getTime() + HOUR + 1));
    expect(
      await mockUpkeep(
        racing(() => say('Still here: my answer.')),
        10,
        120_000,
      ),
    ).toEqual({ expired: 0, resent: 0 });
    expect((await session()).status).toBe('open');
    expect(expiryNotes()).toEqual([]);
  }, 180_000);

  it('leaves a session stopped between the claim and the expiry stopped, without an expiry note', async () => {
    await command(h, CH, ada, '/mlq mock');
    const s = await session();
    h.clock.set(new Date(s.activeAt.getTime() + HOUR + 1));
    const stop = () => command(h, CH, ada, '/mlq mock stop');
    expect(await mockUpkeep(racing(stop), 10, 120_000)).toEqual({ expired: 0, resent: 0 });
    expect((await h.repo.mockSession(s.id))!.status).toBe('stopped');
    expect(expiryNotes()).toEqual([]);
  }, 180_000);

  it('expires a session whose conversation never opened without writing anywhere', async () => {
    await command(h, CH, ada, '/mlq mock');
    const s = await session();
    await h.database.store.db.updateTable('mock_sessions').set({ conversation_id: '' }).where('id', '=', s.id).execute();
    const before = port.sent.length;
    h.clock.set(new Date(s.activeAt.getTime() + HOUR + 1));
    expect(await mockUpkeep(h.deps, 10, 120_000)).toEqual({ expired: 1, resent: 0 });
    expect((await h.repo.mockSession(s.id))!.status).toBe('expired');
    expect(port.sent.length).toBe(before);
    expect(logged).toEqual([]);
  }, 180_000);

  it('sends an unsent step again at exactly the idle time', async () => {
    await command(h, CH, ada, '/mlq mock');
    const s = await session();
    await say('An answer.');
    port.failReplies = 1;
    await h.mlq.action({ channelId: DM, communityId: 'test', actor: ada, action: 'mock.done', value: `${s.id}:0` });
    const active = (await session()).activeAt.getTime();
    h.clock.set(new Date(active + HOUR));
    expect(await mockUpkeep(h.deps, 10, 120_000)).toEqual({ expired: 0, resent: 1 });
    expect(probes()).toHaveLength(1);
    expect((await session()).sentStep).toBe(1);
  }, 180_000);

  it('logs an expiry and a resend that failed, naming which', async () => {
    await command(h, CH, ada, '/mlq mock');
    const s = await session();
    port.broken.add(DM);
    h.clock.set(new Date(s.activeAt.getTime() + HOUR + 1));
    expect(await mockUpkeep(h.deps, 10, 120_000)).toEqual({ expired: 1, resent: 0 });
    expect(logged).toEqual(['warn: the expiry of a mock interview failed; its lease lapses and a later pass retries it']);

    logged.length = 0;
    port.broken.clear();
    await command(h, CH, ada, '/mlq mock');
    const t = await session();
    await say('An answer.');
    port.failReplies = 1;
    await h.mlq.action({ channelId: DM, communityId: 'test', actor: ada, action: 'mock.done', value: `${t.id}:0` });
    logged.length = 0;
    port.broken.add(DM);
    h.clock.set(new Date((await session()).activeAt.getTime() + 3 * 60_000));
    expect(await mockUpkeep(h.deps, 10, 120_000)).toEqual({ expired: 0, resent: 0 });
    expect(logged).toEqual(['warn: a resent step of a mock interview failed; its lease lapses and a later pass retries it']);
  }, 180_000);
});
