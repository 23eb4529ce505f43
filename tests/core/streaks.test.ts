import { describe, expect, it } from 'vitest';
import { coverMissedRound, MAX_FREEZES, ROUNDS_PER_FREEZE, settleStreak, visibleStreak } from '../../src/core/streaks.ts';
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

describe('streak limits, at, below and above each', () => {
  const rounds = (n: number) => run(Array.from({ length: n }, (_, i) => i + 1));

  it('earns the first freeze at the 7th round in a row, not the 6th, and the second at the 14th', () => {
    expect(ROUNDS_PER_FREEZE).toBe(7);
    expect([6, 7, 8, 13, 14, 15].map((n) => rounds(n).freezes)).toEqual([0, 1, 1, 1, 2, 2]);
  });

  it('holds at most 2 freezes, however long the streak', () => {
    expect(MAX_FREEZES).toBe(2);
    expect([20, 21, 22, 28].map((n) => rounds(n).freezes)).toEqual([2, 2, 2, 2]);
  });

  it('earns a freeze by rounds in a row: a restart counts from 1 again', () => {
    expect(run([1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13]).freezes).toBe(0);
    expect(run([1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13, 14]).freezes).toBe(1);
  });

  it('covers a round on the last away day, and not the day after', () => {
    const away = { ...rounds(3), awayUntil: '2026-12-05' };
    expect(coverMissedRound(away, 4, '2026-12-04')).toMatchObject({ lastSeq: 4, freezes: 0 });
    expect(coverMissedRound(away, 4, '2026-12-05')).toMatchObject({ lastSeq: 4, freezes: 0 });
    expect(coverMissedRound(away, 4, '2026-12-06')).toBeNull();
  });

  it('spends the last freeze, then covers nothing', () => {
    const one = { ...rounds(7) };
    const spent = coverMissedRound(one, 8, '2026-12-01')!;
    expect(spent.freezes).toBe(0);
    expect(coverMissedRound(spent, 9, '2026-12-02')).toBeNull();
    const two = rounds(14);
    expect(coverMissedRound(two, 15, '2026-12-01')!.freezes).toBe(1);
  });

  it('keeps a streak alive only for the round right after the last one answered', () => {
    const s = rounds(3);
    expect(visibleStreak(s, 3)).toBe(3);
    expect(visibleStreak(s, 4)).toBe(0);
    expect(visibleStreak(s, 2)).toBe(3);
    expect(coverMissedRound({ ...s, freezes: 1 }, 4, '2026-12-01')).toMatchObject({ lastSeq: 4 });
    expect(coverMissedRound({ ...s, freezes: 1 }, 5, '2026-12-01')).toBeNull();
  });
});
