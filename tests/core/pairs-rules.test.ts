import { describe, expect, it } from 'vitest';
import { pickPairQuestions } from '../../src/core/pairs-cycle.ts';
import { checkinAt, nextPairsAt, snoozeUntil } from '../../src/core/pairs-schedule.ts';
import type { PickCandidate } from '../../src/core/picker.ts';
import type { ChannelSettings, Level } from '../../src/core/types.ts';

const settings = (over: Partial<ChannelSettings>): ChannelSettings => ({
  timezone: 'UTC',
  postTime: '09:00',
  weekdays: [1, 2, 3, 4, 5],
  revealDelayMinutes: 360,
  categories: [],
  levels: [],
  pairsWeekday: 1,
  pairsTime: '09:00',
  ...over,
});

describe('the next pairing cycle', () => {
  it('is the next pairs weekday at its local time, strictly after now', () => {
    const monday = settings({});
    expect(nextPairsAt(monday, new Date('2026-11-23T08:59:59Z'))).toEqual(new Date('2026-11-23T09:00:00Z'));
    expect(nextPairsAt(monday, new Date('2026-11-23T09:00:00Z'))).toEqual(new Date('2026-11-30T09:00:00Z'));
    expect(nextPairsAt(monday, new Date('2026-11-23T09:00:01Z'))).toEqual(new Date('2026-11-30T09:00:00Z'));
    expect(nextPairsAt(settings({ pairsWeekday: null }), new Date('2026-11-23T08:00:00Z'))).toBeNull();
  });

  it('takes the weekday in the channel zone where the local date differs from UTC', () => {
    const auckland = settings({ timezone: 'Pacific/Auckland' });
    expect(nextPairsAt(auckland, new Date('2026-11-22T19:59:00Z'))).toEqual(new Date('2026-11-22T20:00:00Z'));
    expect(nextPairsAt(auckland, new Date('2026-11-22T20:00:00Z'))).toEqual(new Date('2026-11-29T20:00:00Z'));
    const hawaii = settings({ timezone: 'Pacific/Honolulu', pairsTime: '18:00' });
    expect(nextPairsAt(hawaii, new Date('2026-11-24T03:00:00Z'))).toEqual(new Date('2026-11-24T04:00:00Z'));
  });

  it('keeps a two-weekly rhythm after a cycle, and a weekly one a week on', () => {
    const biweekly = settings({ pairsEveryWeeks: 2 });
    expect(nextPairsAt(biweekly, new Date('2026-11-23T09:00:30Z'), '2026-11-23')).toEqual(new Date('2026-12-07T09:00:00Z'));
    expect(nextPairsAt(settings({}), new Date('2026-11-23T09:00:30Z'), '2026-11-23')).toEqual(new Date('2026-11-30T09:00:00Z'));
    expect(nextPairsAt(biweekly, new Date('2026-12-20T00:00:00Z'), '2026-11-23')).toEqual(new Date('2026-12-21T09:00:00Z'));
  });

  it('checks in halfway through the cadence', () => {
    expect(checkinAt(new Date('2026-11-23T09:00:00Z'))).toEqual(new Date('2026-11-26T21:00:00Z'));
    expect(checkinAt(new Date('2026-11-23T09:00:00Z'), 2)).toEqual(new Date('2026-11-30T09:00:00Z'));
  });

  it('snoozes through today plus the weeks: the first uncovered date is the day after', () => {
    expect(snoozeUntil('2026-11-23', 1)).toBe('2026-12-01');
    expect(snoozeUntil('2026-11-23', 8)).toBe('2027-01-19');
  });
});

describe('the question for each candidate', () => {
  const bank: PickCandidate[] = [
    { id: 'a-mid', category: 'fundamentals', level: 'mid' },
    { id: 'b-mid', category: 'fundamentals', level: 'mid' },
    { id: 'c-senior', category: 'fundamentals', level: 'senior' },
    { id: 'd-stats', category: 'statistics', level: 'mid' },
  ];
  const levels = new Map<string, Level>([
    ['u1', 'mid'],
    ['u2', 'senior'],
  ]);
  const turns = [
    { interviewer: 'u2', candidate: 'u1' },
    { interviewer: 'u1', candidate: 'u2' },
  ];

  it('is one they have not seen, at their level, in the channel categories, never the same twice in a group', () => {
    const seen = new Map([
      ['u1', new Set(['a-mid'])],
      ['u2', new Set<string>()],
    ]);
    expect(pickPairQuestions(turns, levels, ['fundamentals'], bank, seen, '2026-11-23')).toEqual([
      { interviewer: 'u2', candidate: 'u1', questionId: 'b-mid' },
      { interviewer: 'u1', candidate: 'u2', questionId: 'c-senior' },
    ]);
  });

  it('prefers the candidate level however many questions of other levels are free', () => {
    const many: PickCandidate[] = [
      ...['m1', 'm2', 'm3', 'm4', 'm5'].map((id) => ({ id, category: 'fundamentals' as const, level: 'mid' as const })),
      { id: 's1', category: 'fundamentals', level: 'senior' },
    ];
    const seen = new Map([['u2', new Set<string>()]]);
    for (const date of ['2026-11-23', '2026-11-30', '2026-12-07'])
      expect(pickPairQuestions([turns[1]!], levels, [], many, seen, date)).toEqual([
        { interviewer: 'u1', candidate: 'u2', questionId: 's1' },
      ]);
  });

  it('falls back to another level when none is left at theirs, and to none when the pool is spent', () => {
    const seen = new Map([
      ['u1', new Set(['a-mid', 'b-mid'])],
      ['u2', new Set(['a-mid', 'b-mid', 'c-senior'])],
    ]);
    expect(pickPairQuestions(turns, levels, ['fundamentals'], bank, seen, '2026-11-23')).toEqual([
      { interviewer: 'u2', candidate: 'u1', questionId: 'c-senior' },
      { interviewer: 'u1', candidate: 'u2', questionId: null },
    ]);
  });
});
