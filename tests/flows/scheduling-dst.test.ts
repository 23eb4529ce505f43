import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelSettings } from '../../src/core/types.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { expected, simulate, subscribe } from '../helpers/schedule-model.ts';

/** The mutation suite (vitest.mutation.config.ts) leaves this long simulation out: it would run for every mutant it covers. */
const MUTATION = process.env.MLQ_MUTATION === '1';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('rounds on time, exactly once, across daylight-saving changes', () => {
  it.skipIf(MUTATION)(
    'posts once across spring-forward and fall-back in Berlin, New York and a half-hour zone',
    async () => {
      const cases = [
        {
          zone: 'Europe/Berlin',
          time: '02:30',
          from: '2026-03-27T00:00:00Z',
          to: '2026-03-31T00:00:00Z',
          gapDay: '2026-03-29',
          gapAt: '2026-03-29T01:00:00.000Z',
        },
        {
          zone: 'Europe/Berlin',
          time: '02:30',
          from: '2026-10-23T00:00:00Z',
          to: '2026-10-27T00:00:00Z',
          gapDay: '2026-10-25',
          gapAt: '2026-10-25T00:30:00.000Z',
        },
        {
          zone: 'America/New_York',
          time: '02:15',
          from: '2026-03-06T00:00:00Z',
          to: '2026-03-10T00:00:00Z',
          gapDay: '2026-03-08',
          gapAt: '2026-03-08T07:00:00.000Z',
        },
        {
          zone: 'America/New_York',
          time: '01:30',
          from: '2026-10-30T00:00:00Z',
          to: '2026-11-03T00:00:00Z',
          gapDay: '2026-11-01',
          gapAt: '2026-11-01T05:30:00.000Z',
        },
        {
          zone: 'Australia/Adelaide',
          time: '02:30',
          from: '2026-10-01T00:00:00Z',
          to: '2026-10-06T00:00:00Z',
          gapDay: '2026-10-04',
          gapAt: '2026-10-03T16:30:00.000Z',
        },
        {
          zone: 'Australia/Adelaide',
          time: '02:30',
          from: '2026-04-02T00:00:00Z',
          to: '2026-04-07T00:00:00Z',
          gapDay: '2026-04-05',
          gapAt: '2026-04-04T16:00:00.000Z',
        },
      ];
      h = await createHarness(new Date(cases[0]!.from));
      for (const [i, c] of cases.entries()) {
        const s: ChannelSettings = {
          timezone: c.zone,
          postTime: c.time,
          weekdays: [1, 2, 3, 4, 5, 6, 7],
          revealDelayMinutes: 120,
          categories: [],
          levels: [],
          digestWeekday: null,
        };
        const from = new Date(c.from);
        const channel = await subscribe(h, `test:dst:${i}`, s, from);
        await simulate([h.mlq], h.clock, from, new Date(c.to), 60);
        const rounds = await h.database.store.db
          .selectFrom('rounds')
          .select(['local_date', 'post_at', 'status'])
          .where('channel_id', '=', channel.id)
          .orderBy('local_date')
          .execute();
        const dates = rounds.map((r) => r.local_date);
        expect(new Set(dates).size, c.zone).toBe(dates.length);
        expect(dates, c.zone).toEqual(expected(s, from, new Date(c.to)).posts);
        expect(rounds.find((r) => r.local_date === c.gapDay)?.post_at.toISOString(), `${c.zone} ${c.gapDay}`).toBe(c.gapAt);
        expect(
          rounds.every((r) => r.status === 'revealed'),
          c.zone,
        ).toBe(true);
      }
    },
    240_000,
  );
});
