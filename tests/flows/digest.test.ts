import { afterEach, describe, expect, it } from 'vitest';
import { nextDigestAt, nextPlannedRound } from '../../src/core/schedule.ts';
import type { Channel } from '../../src/core/types.ts';
import { cardText, createHarness, type Harness, member } from '../helpers/harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function channel(h: Harness, id: string, weekdays: Channel['weekdays']): Promise<Channel> {
  const s = {
    timezone: 'Europe/Berlin',
    postTime: '09:00',
    weekdays,
    revealDelayMinutes: 360,
    categories: [],
    levels: [],
    digestWeekday: 5 as const,
    digestTime: '16:00',
    revealTime: null,
  };
  await h.repo.upsertCommunity('test', 'test', 'Test');
  const c: Channel = {
    ...s,
    id,
    communityId: 'test',
    name: id,
    active: true,
    organiserIds: [],
    nextPostAt: nextPlannedRound(s, h.clock.now())!.postAt,
    nextDigestAt: nextDigestAt(s, h.clock.now()),
  };
  await h.repo.saveChannel(c);
  return c;
}

describe('the weekly digest', () => {
  it('reports the top of the week, streaks, participation, the most discussed question and the least answered category', async () => {
    h = await createHarness(new Date('2026-11-30T07:00:00Z'));
    const c = await channel(h, 'test:digest', [1, 2, 3, 4, 5]);
    const people = ['ada', 'bob', 'cy'].map(member);
    for (let day = 0; day < 4; day++) {
      h.clock.set(new Date(Date.parse('2026-11-30T08:00:00Z') + day * 86_400_000));
      await h.mlq.tick();
      const round = (await h.mlq.currentRound(c.id))!;
      for (const [i, who] of people.entries()) {
        if (i > day) continue;
        await h.mlq.threadMessage({
          channelId: c.id,
          communityId: 'test',
          threadId: round.threadId!,
          messageId: `test:d:${day}:${i}`,
          author: who,
          text: `Answer ${day}: more data lowers variance, so an overfit model usually improves with it.`,
        });
      }
      if (day === 2) {
        for (let n = 0; n < 3; n++)
          await h.mlq.threadMessage({
            channelId: c.id,
            communityId: 'test',
            threadId: round.threadId!,
            messageId: `test:talk:${n}`,
            author: people[0]!,
            text: 'more thoughts',
          });
      }
      h.clock.set(new Date(Date.parse('2026-11-30T14:00:00Z') + day * 86_400_000));
      await h.mlq.tick();
    }
    h.clock.set(new Date('2026-12-04T15:00:30Z'));
    const report = await h.mlq.tick();
    expect(report.digests).toBe(1);
    expect(await h.mlq.tick()).toMatchObject({ digests: 0 });
    const digest = h.port.sent.find((s) => s.key?.startsWith('mlq-digest-'))!;
    const body = cardText(digest.card!);
    expect(digest.card!.title).toBe('Week of 2026-11-30 · the digest');
    expect(body).toMatch(/🥇 ada · 40 pts/);
    expect(body).toMatch(/Participation: 9 answers over 4 rounds \(2\.3 per round\)/);
    expect(body).toMatch(/Longest running streaks[\s\S]*ada: 4 rounds in a row/);
    expect(body).toMatch(/Most discussed \(3 replies\)/);
    expect(body).toMatch(/Least answered so far: /);
  });

  it('sends a short nudge for an empty week, and skips a digest overdue by more than a day', async () => {
    h = await createHarness(new Date('2026-11-30T07:00:00Z'));
    const quiet = await channel(h, 'test:quiet', [1, 2, 3, 4, 5]);
    h.clock.set(new Date('2026-12-04T15:00:30Z'));
    await h.mlq.tick();
    const nudge = h.port.sent.find((s) => s.key?.startsWith('mlq-digest-') && s.target === quiet.id)!;
    expect(cardText(nudge.card!)).toMatch(/No rounds were revealed this week/);
    h.clock.set(new Date('2026-12-13T12:00:00Z'));
    await h.mlq.tick();
    const rows = await h.database.store.db.selectFrom('digests').select(['week', 'status']).orderBy('week').execute();
    expect(rows).toEqual([
      { week: '2026-11-30', status: 'sent' },
      { week: '2026-12-07', status: 'skipped' },
    ]);
  });
});
