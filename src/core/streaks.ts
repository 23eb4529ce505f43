import type { StreakState } from './types.ts';

/** Applies a revealed round the member answered; `seq` numbers the channel's revealed rounds 1, 2, 3 … */
export function settleStreak(previous: StreakState | undefined, seq: number): StreakState {
  if (!previous) return { current: 1, best: 1, lastSeq: seq };
  if (seq <= previous.lastSeq) return previous;
  const current = seq === previous.lastSeq + 1 ? previous.current + 1 : 1;
  return { current, best: Math.max(previous.best, current), lastSeq: seq };
}

/** The streak as members see it: broken once a later revealed round passed without an answer. */
export function visibleStreak(state: StreakState | undefined, latestRevealedSeq: number): number {
  if (!state) return 0;
  return state.lastSeq >= latestRevealedSeq ? state.current : 0;
}
