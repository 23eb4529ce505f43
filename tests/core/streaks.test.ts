import { describe, expect, it } from 'vitest';
import { settleStreak, visibleStreak } from '../../src/core/streaks.ts';

describe('streaks count rounds of the channel', () => {
  it('grows across consecutive rounds and keeps the best', () => {
    let s = settleStreak(undefined, 1);
    s = settleStreak(s, 2);
    s = settleStreak(s, 3);
    expect(s).toEqual({ current: 3, best: 3, lastSeq: 3 });
  });

  it('restarts at 1 after a missed round but keeps the best', () => {
    let s = settleStreak(settleStreak(settleStreak(undefined, 1), 2), 3);
    s = settleStreak(s, 5);
    expect(s).toEqual({ current: 1, best: 3, lastSeq: 5 });
  });

  it('ignores a round settled twice', () => {
    const s = settleStreak(settleStreak(undefined, 1), 2);
    expect(settleStreak(s, 2)).toBe(s);
    expect(settleStreak(s, 1)).toBe(s);
  });

  it('shows 0 once a later revealed round went unanswered', () => {
    const s = settleStreak(settleStreak(undefined, 1), 2);
    expect(visibleStreak(s, 2)).toBe(2);
    expect(visibleStreak(s, 3)).toBe(0);
    expect(visibleStreak(undefined, 3)).toBe(0);
  });
});
