import { afterEach, describe, expect, it } from 'vitest';
import type { Card } from '../../src/core/message.ts';
import type { ChampionRoleResult } from '../../src/core/port.ts';
import type { Channel } from '../../src/core/types.ts';
import { cardText, createHarness, type Harness } from '../helpers/harness.ts';
import { RecordingPort } from '../helpers/recording-port.ts';
import { answeredRound, monthlyChannel } from '../helpers/season-channel.ts';

/** The recording platform with roles (as Discord has): keeps each champion-role change and answers `result`. */
class RolePort extends RecordingPort {
  readonly roles: { channelId: string; roleId: string; add: string[]; remove: string[] }[] = [];
  result: ChampionRoleResult = 'done';

  async setChampionRole(channelId: string, roleId: string, add: string[], remove: string[]): Promise<ChampionRoleResult> {
    this.roles.push({ channelId, roleId, add, remove });
    return this.result;
  }
}

let h: Harness;
afterEach(async () => {
  await h.close();
});

const channel = (championRoleId?: string) => monthlyChannel(h, 'roles', championRoleId);
const answered = (c: Channel, postAt: string, who: string) => answeredRound(h, c, postAt, [who]);

const results = (port: RecordingPort): Card[] => port.sent.filter((s) => s.key?.startsWith('mlq-season-')).map((s) => s.card!);

describe('the champion role at a season’s end', () => {
  it('moves the role from the last champion to the new one and says so under the results', async () => {
    h = await createHarness(new Date('2026-11-29T12:00:00Z'));
    const port = new RolePort();
    h.deps.ports.register(port);
    const c = await channel('123456789012');
    await h.mlq.tick();
    await answered(c, '2026-11-30T09:00:00Z', 'ada');
    h.clock.set(new Date('2026-12-01T00:00:10Z'));
    expect(await h.mlq.tick()).toMatchObject({ seasons: 1 });
    await answered(c, '2026-12-01T09:00:00Z', 'bob');
    h.clock.set(new Date('2027-01-01T00:00:10Z'));
    expect(await h.mlq.tick()).toMatchObject({ seasons: 1 });
    expect(port.roles).toEqual([
      { channelId: c.id, roleId: '123456789012', add: ['test:ada'], remove: [] },
      { channelId: c.id, roleId: '123456789012', add: ['test:bob'], remove: ['test:ada'] },
    ]);
    const [november, december] = results(port);
    expect(cardText(november!)).toContain('🏆 Champion: ada with 10 pts. 1 answer this season. A fresh board starts now.');
    expect(november!.blocks.at(-1)).toEqual({ type: 'context', markdown: 'The champion role has moved to this season’s champion.' });
    expect(december!.blocks.at(-1)).toEqual({ type: 'context', markdown: 'The champion role has moved to this season’s champion.' });
  }, 180_000);

  it('says why the role was not given, and asks nothing of the platform for a season without points', async () => {
    h = await createHarness(new Date('2026-11-29T12:00:00Z'));
    const port = new RolePort();
    port.result = 'no-permission';
    h.deps.ports.register(port);
    const c = await channel('123456789012');
    await h.mlq.tick();
    await answered(c, '2026-11-30T09:00:00Z', 'ada');
    h.clock.set(new Date('2026-12-01T00:00:10Z'));
    await h.mlq.tick();
    expect(results(port)[0]!.blocks.at(-1)).toEqual({
      type: 'context',
      markdown: 'The champion role was not given: mlq needs the Manage Roles permission (and a role above the champion role).',
    });
    h.clock.set(new Date('2027-01-01T00:00:10Z'));
    await h.mlq.tick();
    expect(cardText(results(port)[1]!)).toContain('No points this season. 0 answers this season. A fresh board starts now.');
    expect(port.roles).toHaveLength(1);
  }, 180_000);
});

describe('a results post that fails again', () => {
  it('logs which step failed: the first post, then the re-post after the lease', async () => {
    h = await createHarness(new Date('2026-11-30T12:00:00Z'));
    const logged: string[] = [];
    h.deps.logger = { info: () => undefined, warn: () => undefined, error: (_obj, msg) => void logged.push(`${msg}`) };
    await channel();
    await h.mlq.tick();
    h.port.beforePost = (_channel, key) => {
      if (key?.startsWith('mlq-season-')) throw new Error('the platform is down');
    };
    h.clock.set(new Date('2026-12-01T00:00:10Z'));
    expect(await h.mlq.tick()).toMatchObject({ seasons: 0, failed: 1 });
    h.clock.set(new Date('2026-12-01T00:05:00Z'));
    expect(await h.mlq.tick()).toMatchObject({ seasons: 0, failed: 1 });
    expect(logged).toEqual([
      'posting season results failed; its lease lapses and another pass retries it',
      're-posting season results failed; its lease lapses and another pass retries it',
    ]);
  }, 180_000);
});
