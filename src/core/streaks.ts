import type { StreakState } from './types.ts';

/** A freeze is earned for every this many rounds answered in a row. */
export const ROUNDS_PER_FREEZE = 7;
/** The most freezes a member can hold. */
export const MAX_FREEZES = 2;
/** The longest `/mlq away` a member can set, in days. */
export const MAX_AWAY_DAYS = 14;

/** Applies a revealed round the member answered; `seq` numbers the channel's revealed rounds 1, 2, 3 … */
export function settleStreak(previous: StreakState | undefined, seq: number): StreakState {
  if (!previous) return { current: 1, best: 1, lastSeq: seq, freezes: 0, awayUntil: null };
  if (seq <= previous.lastSeq) return previous;
  const current = seq === previous.lastSeq + 1 ? previous.current + 1 : 1;
  const earned = current % ROUNDS_PER_FREEZE === 0 ? 1 : 0;
  return {
    ...previous,
    current,
    best: Math.max(previous.best, current),
    lastSeq: seq,
    freezes: Math.min(MAX_FREEZES, (previous.freezes ?? 0) + earned),
  };
}

/**
 * Applies a revealed round the member missed while their streak was alive: away members keep it for free, others
 * spend a freeze; either way the streak survives without growing. Null when nothing covers the miss.
 */
export function coverMissedRound(state: StreakState, seq: number, roundDate: string): StreakState | null {
  if (state.lastSeq !== seq - 1 || state.current === 0) return null;
  if (state.awayUntil && roundDate <= state.awayUntil) return { ...state, lastSeq: seq };
  if ((state.freezes ?? 0) > 0) return { ...state, lastSeq: seq, freezes: (state.freezes ?? 0) - 1 };
  return null;
}

/** The streak as members see it: broken once a later revealed round passed without an answer. */
export function visibleStreak(state: StreakState | undefined, latestRevealedSeq: number): number {
  if (!state) return 0;
  return state.lastSeq >= latestRevealedSeq ? state.current : 0;
}
