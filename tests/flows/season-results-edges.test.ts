import { afterEach, describe, expect, it } from 'vitest';
import type { Card } from '../../src/core/message.ts';
import type { ChampionRoleResult, PostedMessage } from '../../src/core/port.ts';
import type { Channel } from '../../src/core/types.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { RecordingPort } from '../helpers/recording-port.ts';
import { answeredRound, monthlyChannel } from '../helpers/season-channel.ts';

/** The recording platform with roles, counting the searches for an earlier post. */
class RolePort extends RecordingPort {
  readonly roles: { add: string[]; remove: string[] }[] = [];
  searches = 0;

  async setChampionRole(_channelId: string, _roleId: string, add: string[], remove: string[]): Promise<ChampionRoleResult> {
    this.roles.push({ add, remove });
    return 'done';
  }

  override async findPosted(targetId: string, key: string): Promise<PostedMessage | null> {
    this.searches++;
    return super.findPosted(targetId, key);
  }
}

/** A recording platform without roles (as Slack is). */
class PlainPort extends RecordingPort {
  searches = 0;

  override async findPosted(targetId: string, key: string): Promise<PostedMessage | null> {
    this.searches++;
    return super.findPosted(targetId, key);
  }
}

let h: Harness;
afterEach(async () => {
  await h.close();
});

const channel = (championRoleId?: string) => monthlyChannel(h, 'edges', championRoleId);
const answered = (c: Channel, postAt: string, who: string[]) => answeredRound(h, c, postAt, who);

const results = (port: RecordingPort): Card[] => port.sent.filter((s) => s.key?.startsWith('mlq-season-')).map((s) => s.card!);

describe('the champion role', () => {
  it('goes to rank 1 only, not to the others on the results post', async () => {
    h = await createHarness(new Date('2026-11-27T12:00:00Z'));
    const port = new RolePort();
    h.deps.ports.register(port);
    const c = await channel('123456789012');
    await h.mlq.tick();
    await answered(c, '2026-11-28T09:00:00Z', ['ada', 'bob']);
    await answered(c, '2026-11-29T09:00:00Z', ['ada']);
    h.clock.set(new Date('2026-12-01T00:00:10Z'));
    expect(await h.mlq.tick()).toMatchObject({ seasons: 1 });
    expect(port.roles).toEqual([{ add: ['test:ada'], remove: [] }]);
    const lines = results(port)[0]!.blocks.find((b) => b.type === 'list');
    expect(lines).toBeDefined();
    expect(JSON.stringify(lines)).toContain('bob');
    // a first attempt never searches for an earlier post
    expect(port.searches).toBe(0);
  }, 180_000);

  it('is not asked for when the channel has no role configured', async () => {
    h = await createHarness(new Date('2026-11-29T12:00:00Z'));
    const port = new RolePort();
    h.deps.ports.register(port);
    const c = await channel();
    await h.mlq.tick();
    await answered(c, '2026-11-30T09:00:00Z', ['ada']);
    h.clock.set(new Date('2026-12-01T00:00:10Z'));
    expect(await h.mlq.tick()).toMatchObject({ seasons: 1 });
    expect(port.roles).toEqual([]);
    expect(results(port)[0]!.blocks.filter((b) => b.type === 'context')).toEqual([]);
  }, 180_000);

  it('is skipped without a word on a platform that has no roles', async () => {
    h = await createHarness(new Date('2026-11-29T12:00:00Z'));
    const port = new PlainPort();
    h.deps.ports.register(port);
    const c = await channel('123456789012');
    await h.mlq.tick();
    await answered(c, '2026-11-30T09:00:00Z', ['ada']);
    h.clock.set(new Date('2026-12-01T00:00:10Z'));
    expect(await h.mlq.tick()).toMatchObject({ seasons: 1, failed: 0 });
    expect(results(port)).toHaveLength(1);
    expect(results(port)[0]!.blocks.filter((b) => b.type === 'context')).toEqual([]);
  }, 180_000);
});

describe('a results post retried after a crash', () => {
  it('searches for the earlier post only on the retry, and is still made exactly 7 days after the season ended', async () => {
    h = await createHarness(new Date('2027-01-31T12:00:00Z'));
    const port = new PlainPort();
    h.deps.ports.register(port);
    await channel();
    await h.mlq.tick();
    let crash = true;
    port.beforePost = (_channel, key) => {
      if (key?.startsWith('mlq-season-') && crash) throw new Error('replica died before posting');
    };
    h.clock.set(new Date('2027-02-01T00:00:10Z'));
    expect(await h.mlq.tick()).toMatchObject({ seasons: 0, failed: 1 });
    expect(port.searches).toBe(0);
    crash = false;
    // the season ended at 2027-02-01T00:00:00Z; exactly 7 days later the retry still posts
    h.clock.set(new Date('2027-02-08T00:00:00Z'));
    expect(await h.mlq.tick()).toMatchObject({ seasons: 1, failed: 0 });
    expect(port.searches).toBe(1);
    expect(results(port).map((r) => r.title)).toEqual(['Season results · January 2027']);
    const rows = await h.database.store.db.selectFrom('season_results').select(['status', 'attempts']).execute();
    expect(rows).toEqual([{ status: 'sent', attempts: 2 }]);
  }, 180_000);

  it('is given up one millisecond past the 7 days', async () => {
    h = await createHarness(new Date('2027-01-31T12:00:00Z'));
    const port = new PlainPort();
    h.deps.ports.register(port);
    await channel();
    await h.mlq.tick();
    let crash = true;
    port.beforePost = (_channel, key) => {
      if (key?.startsWith('mlq-season-') && crash) throw new Error('replica died before posting');
    };
    h.clock.set(new Date('2027-02-01T00:00:10Z'));
    expect(await h.mlq.tick()).toMatchObject({ failed: 1 });
    crash = false;
    h.clock.set(new Date('2027-02-08T00:00:00.001Z'));
    expect(await h.mlq.tick()).toMatchObject({ seasons: 0, failed: 0 });
    expect(results(port)).toEqual([]);
    const rows = await h.database.store.db.selectFrom('season_results').select('status').execute();
    expect(rows).toEqual([{ status: 'skipped' }]);
  }, 180_000);
});
