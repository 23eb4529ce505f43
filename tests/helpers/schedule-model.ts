import { DateTime } from 'luxon';
import type { Mlq } from '../../src/core/app.ts';
import { nextDigestAt, nextPlannedRound } from '../../src/core/schedule.ts';
import type { Channel, ChannelSettings, Weekday } from '../../src/core/types.ts';
import type { Harness } from './harness.ts';
import type { RecordingPort } from './recording-port.ts';

export const ZONES = [
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'Asia/Kolkata',
  'Australia/Adelaide',
  'America/Los_Angeles',
  'Asia/Tokyo',
  'Europe/London',
  'America/St_Johns',
  'Pacific/Auckland',
];
export const MINUTE = 60_000;

export function settings(i: number): ChannelSettings {
  return {
    timezone: ZONES[i % ZONES.length]!,
    postTime: ['09:00', '08:30', '12:00', '17:30', '07:00'][i % 5]!,
    weekdays: i % 3 === 0 ? [1, 2, 3, 4, 5, 6, 7] : [1, 2, 3, 4, 5],
    revealDelayMinutes: [360, 240, 480][i % 3]!,
    revealTime: i % 7 === 0 ? '20:00' : null,
    categories: [],
    levels: [],
    digestWeekday: 5,
    digestTime: '16:00',
    ramp: i % 4 === 0,
  };
}

export async function subscribe(h: Harness, id: string, s: ChannelSettings, at: Date): Promise<Channel> {
  await h.repo.upsertCommunity('test', 'test', 'Test');
  const channel: Channel = {
    ...s,
    id,
    communityId: 'test',
    name: id,
    active: true,
    organiserIds: [],
    nextPostAt: nextPlannedRound(s, at)?.postAt ?? null,
    nextDigestAt: nextDigestAt(s, at),
  };
  await h.repo.saveChannel(channel);
  return channel;
}

/**
 * An independent model of a schedule (luxon only, none of the code under test): the rounds planned between two instants
 * (a round whose reveal is still ahead at `from` is caught up) and the digests due in that span. Post and digest times
 * here never fall into a DST gap, so a plain wall-clock conversion is enough.
 */
export function expected(s: ChannelSettings, from: Date, to: Date) {
  const at = (day: DateTime, time: string) => {
    const [hour, minute] = time.split(':').map(Number);
    return day.set({ hour, minute, second: 0, millisecond: 0 }).toJSDate();
  };
  const posts: string[] = [];
  let reveals = 0;
  let digests = 0;
  const first = DateTime.fromJSDate(from, { zone: s.timezone }).startOf('day').minus({ days: 1 });
  for (let day = first; day.toJSDate() <= to; day = day.plus({ days: 1 })) {
    if (s.digestWeekday === day.weekday) {
      const digest = at(day, s.digestTime ?? '16:00');
      if (digest > from && digest <= to) digests++;
    }
    if (!s.weekdays.includes(day.weekday as Weekday)) continue;
    const postAt = at(day, s.postTime);
    let revealAt = new Date(postAt.getTime() + s.revealDelayMinutes * MINUTE);
    if (s.revealTime) {
      revealAt = at(day, s.revealTime);
      if (revealAt <= postAt) revealAt = at(day.plus({ days: 1 }), s.revealTime);
    }
    if (revealAt <= from || postAt > to) continue;
    posts.push(day.toISODate()!);
    if (revealAt <= to) reveals++;
  }
  return { posts, reveals, digests };
}

export const keyed = (port: RecordingPort, prefix: string, kind: 'post' | 'reply') =>
  port.sent.filter((s) => s.kind === kind && s.key?.startsWith(prefix));

export async function simulate(instances: Mlq[], clockOf: Harness['clock'], from: Date, to: Date, stepMinutes: number) {
  for (let t = from.getTime(); t <= to.getTime(); t += stepMinutes * MINUTE) {
    clockOf.set(new Date(t));
    await Promise.all(instances.map((m) => m.tick()));
  }
}
