import { nextDigestAt, nextPlannedRound } from '../../src/core/schedule.ts';
import type { Channel } from '../../src/core/types.ts';
import { type Harness, member } from './harness.ts';

const ANSWER = 'More data lowers the variance of the fit, so an overfit model usually improves once the training set grows a lot.';

/** A monthly-season UTC channel `test:<name>` posting every day at 09:00, with a champion role when given. */
export async function monthlyChannel(h: Harness, name: string, championRoleId?: string): Promise<Channel> {
  const s = { timezone: 'UTC', postTime: '09:00', weekdays: [1, 2, 3, 4, 5, 6, 7] as Channel['weekdays'], revealDelayMinutes: 360 };
  const settings = { ...s, categories: [], levels: [], digestWeekday: null, revealTime: null, seasonLength: 'month' as const };
  await h.repo.upsertCommunity('test', 'test', 'Test');
  const c: Channel = {
    ...settings,
    id: `test:${name}`,
    communityId: 'test',
    name,
    active: true,
    organiserIds: [],
    nextPostAt: nextPlannedRound(settings, h.clock.now())!.postAt,
    nextDigestAt: nextDigestAt(settings, h.clock.now()),
    ...(championRoleId ? { championRoleId } : {}),
  };
  await h.repo.saveChannel(c);
  return c;
}

/** Posts the round due at `postAt`, lets each of `who` answer it and reveals it six hours later. */
export async function answeredRound(h: Harness, c: Channel, postAt: string, who: string[]): Promise<void> {
  h.clock.set(new Date(postAt));
  await h.mlq.tick();
  const r = (await h.mlq.currentRound(c.id))!;
  for (const name of who) {
    await h.mlq.threadMessage({
      channelId: c.id,
      communityId: 'test',
      threadId: r.threadId!,
      messageId: `m-${postAt}-${name}`,
      author: member(name),
      text: ANSWER,
    });
  }
  h.clock.set(new Date(Date.parse(postAt) + 6 * 3_600_000));
  await h.mlq.tick();
}
