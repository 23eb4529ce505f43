import { describe, expect, it } from 'vitest';
import { nextPairsAt, snoozeLastDay } from '../../src/core/pairs-schedule.ts';
import type { ChannelSettings, Weekday } from '../../src/core/types.ts';
import { BASE_SETTINGS } from '../helpers/channel-settings.ts';

const settings = (over: Partial<ChannelSettings>): ChannelSettings => ({ ...BASE_SETTINGS, pairsWeekday: 1, ...over });

describe('pairs schedule defaults', () => {
  it('takes 09:00 local when no pairs time is set', () => {
    expect(nextPairsAt(settings({}), new Date('2026-11-23T08:00:00Z'))).toEqual(new Date('2026-11-23T09:00:00Z'));
    expect(nextPairsAt(settings({ timezone: 'Europe/Berlin' }), new Date('2026-11-23T08:00:00Z'))).toEqual(
      new Date('2026-11-30T08:00:00Z'),
    );
  });

  it('gives up after fifteen days when no day matches the weekday', () => {
    expect(nextPairsAt(settings({ pairsWeekday: 8 as Weekday }), new Date('2026-11-23T08:00:00Z'))).toBeNull();
  });

  it('shows the day before the snooze end as the last snoozed day', () => {
    expect(snoozeLastDay('2026-12-15')).toBe('2026-12-14');
    expect(snoozeLastDay('2027-01-01')).toBe('2026-12-31');
  });
});
