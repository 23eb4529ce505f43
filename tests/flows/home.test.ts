import { afterEach, describe, expect, it } from 'vitest';
import type { Card } from '../../src/core/message.ts';
import { nextDigestAt, nextPlannedRound } from '../../src/core/schedule.ts';
import type { Channel } from '../../src/core/types.ts';
import { createHarness, type Harness, member } from '../helpers/harness.ts';
import { RecordingPort } from '../helpers/recording-port.ts';

/** A recording platform with a home tab (as Slack has); `fail` makes publishing throw. */
class HomePort extends RecordingPort {
  readonly homes: { memberId: string; card: Card }[] = [];
  fail = false;

  async publishHome(memberId: string, card: Card): Promise<void> {
    if (this.fail) throw new Error('views.publish: not_enabled');
    this.homes.push({ memberId, card });
  }
}

let h: Harness;
afterEach(async () => {
  await h.close();
});

const ANSWER = 'More data lowers the variance of the fit, so an overfit model usually improves once the training set grows a lot.';

/** An active channel posting at 09:00 local time on weekdays. */
async function channel(id: string, name: string, timezone: string): Promise<Channel> {
  const settings = {
    timezone,
    postTime: '09:00',
    weekdays: [1, 2, 3, 4, 5] as Channel['weekdays'],
    revealDelayMinutes: 360,
    categories: [],
    levels: [],
    digestWeekday: null,
    revealTime: null,
  };
  await h.repo.upsertCommunity('test', 'test', 'Test');
  const c: Channel = {
    ...settings,
    id,
    communityId: 'test',
    name,
    active: true,
    organiserIds: [],
    nextPostAt: nextPlannedRound(settings, h.clock.now())!.postAt,
    nextDigestAt: nextDigestAt(settings, h.clock.now()),
  };
  await h.repo.saveChannel(c);
  return c;
}

/** The "Your channels" lines of a published home. */
const channelLines = (card: Card): string[] => {
  const block = card.blocks.find((b) => b.type === 'list' && b.title === '**Your channels**');
  return block && block.type === 'list' ? block.items : [];
};

describe('the home tab', () => {
  it('shows every channel of the community to a member who has joined none, in the first channel’s zone', async () => {
    // Monday 23 November, 08:00 UTC: New York's next 09:00 is 14:00 UTC the same day
    h = await createHarness(new Date('2026-11-23T08:00:00Z'));
    const port = new HomePort();
    h.deps.ports.register(port);
    await channel('test:ny', 'new-york', 'America/New_York');
    expect(await h.mlq.homeOpened(member('ada'), 'test')).toBe(true);
    expect(port.homes.map((p) => p.memberId)).toEqual(['test:ada']);
    expect(channelLines(port.homes[0]!.card)).toEqual([
      '**#new-york** · streak 0 (best 0) · 0 freezes · next question Mon 23 Nov 09:00 (America/New_York)',
    ]);
  }, 120_000);

  it('shows only the channels the member answered in once they have, in their reminder’s zone', async () => {
    h = await createHarness(new Date('2026-11-23T08:00:00Z'));
    const port = new HomePort();
    h.deps.ports.register(port);
    const utc = await channel('test:utc', 'utc-study', 'UTC');
    await channel('test:ny', 'new-york', 'America/New_York');
    h.clock.set(new Date('2026-11-23T09:00:00Z'));
    await h.mlq.tick();
    const round = (await h.mlq.currentRound(utc.id))!;
    await h.mlq.threadMessage({
      channelId: utc.id,
      communityId: 'test',
      threadId: round.threadId!,
      messageId: 'm1',
      author: member('ada'),
      text: ANSWER,
    });
    h.clock.set(new Date('2026-11-23T15:00:00Z'));
    await h.mlq.tick();
    await h.repo.setReminder({
      memberId: 'test:ada',
      channelId: utc.id,
      time: '08:00',
      timezone: 'Asia/Tokyo',
      nextAt: new Date('2026-11-23T23:00:00Z'),
    });
    expect(await h.mlq.homeOpened(member('ada'), 'test')).toBe(true);
    // the next UTC question is Tuesday 09:00 UTC, 18:00 in Tokyo
    expect(channelLines(port.homes[0]!.card)).toEqual([
      '**#utc-study** · streak 1 (best 1) · 0 freezes · next question Tue 24 Nov 18:00 (Asia/Tokyo)',
    ]);
  }, 120_000);

  it('is not published where the platform has no home tab or is not registered, and a failure is logged', async () => {
    h = await createHarness(new Date('2026-11-23T08:00:00Z'));
    await channel('test:utc', 'utc-study', 'UTC');
    const warned: string[] = [];
    h.deps.logger = {
      info: () => undefined,
      error: () => undefined,
      warn: (obj, msg) => void warned.push(`${msg} ${JSON.stringify(obj)}`),
    };
    expect(await h.mlq.homeOpened(member('ada'), 'test')).toBe(false);
    expect(await h.mlq.homeOpened({ id: 'other:U1', name: 'eve' }, 'other')).toBe(false);
    expect(warned).toEqual([]);
    const port = new HomePort();
    port.fail = true;
    h.deps.ports.register(port);
    expect(await h.mlq.homeOpened(member('ada'), 'test')).toBe(false);
    expect(warned).toEqual(['the home tab could not be published {"err":{},"member":"test:ada"}']);
  }, 120_000);
});
