import { describe, expect, it } from 'vitest';
import { coverMissedRound, MAX_FREEZES, settleStreak, visibleStreak } from '../../src/core/streaks.ts';
import type { StreakState } from '../../src/core/types.ts';

const run = (seqs: number[], start?: StreakState) => seqs.reduce<StreakState | undefined>((s, seq) => settleStreak(s, seq), start)!;

describe('streaks count rounds of the channel', () => {
  it('grows across consecutive rounds and keeps the best', () => {
    expect(run([1, 2, 3])).toMatchObject({ current: 3, best: 3, lastSeq: 3 });
  });

  it('restarts at 1 after a missed round but keeps the best', () => {
    expect(run([1, 2, 3, 5])).toMatchObject({ current: 1, best: 3, lastSeq: 5 });
  });

  it('ignores a round settled twice', () => {
    const s = run([1, 2]);
    expect(settleStreak(s, 2)).toBe(s);
    expect(settleStreak(s, 1)).toBe(s);
  });

  it('shows 0 once a later revealed round went unanswered', () => {
    const s = run([1, 2]);
    expect(visibleStreak(s, 2)).toBe(2);
    expect(visibleStreak(s, 3)).toBe(0);
    expect(visibleStreak(undefined, 3)).toBe(0);
  });
});

describe('streak forgiveness', () => {
  it('earns a freeze every 7 rounds in a row, holding at most 2', () => {
    expect(run([1, 2, 3, 4, 5, 6]).freezes).toBe(0);
    expect(run([1, 2, 3, 4, 5, 6, 7]).freezes).toBe(1);
    expect(run(Array.from({ length: 21 }, (_, i) => i + 1)).freezes).toBe(MAX_FREEZES);
  });

  it('spends a freeze on a missed round: the streak survives without growing', () => {
    const seven = run([1, 2, 3, 4, 5, 6, 7]);
    const covered = coverMissedRound(seven, 8, '2026-11-30')!;
    expect(covered).toMatchObject({ current: 7, lastSeq: 8, freezes: 0 });
    expect(settleStreak(covered, 9)).toMatchObject({ current: 8, lastSeq: 9 });
    expect(coverMissedRound(covered, 9, '2026-12-01')).toBeNull();
  });

  it('keeps an away member’s streak without spending a freeze, until the away date passes', () => {
    const away = { ...run([1, 2, 3]), awayUntil: '2026-12-05' };
    expect(coverMissedRound(away, 4, '2026-12-01')).toMatchObject({ current: 3, lastSeq: 4, freezes: 0 });
    expect(coverMissedRound(away, 4, '2026-12-06')).toBeNull();
  });

  it('covers nothing for a streak that is already broken or ahead', () => {
    expect(coverMissedRound({ current: 2, best: 2, lastSeq: 5, freezes: 1 }, 7, '2026-12-01')).toBeNull();
    expect(coverMissedRound({ current: 0, best: 2, lastSeq: 6, freezes: 1 }, 7, '2026-12-01')).toBeNull();
  });
});
