import { describe, expect, it } from 'vitest';
import { boardLine, leaderboardCard, streakCard } from '../../src/core/board-cards.ts';
import { digestCard } from '../../src/core/digest.ts';
import type { Channel } from '../../src/core/types.ts';

const row = (rank: number, name = 'ada', points = 12) => ({ memberId: `test:${name}`, name, points, rank });

describe('leaderboard lines, one writer for the board and the digest', () => {
  it('gives medals to ranks 1 to 3 and numbers from 4', () => {
    expect([1, 2, 3, 4, 11].map((rank) => boardLine(row(rank)))).toEqual([
      '🥇 **ada** · 12 pts',
      '🥈 **ada** · 12 pts',
      '🥉 **ada** · 12 pts',
      '4. **ada** · 12 pts',
      '11. **ada** · 12 pts',
    ]);
  });

  it('writes the same lines on the board and in the weekly digest', () => {
    const rows = [row(1, 'ada', 20), row(4, 'bob', 5)];
    const board = leaderboardCard('week', rows, null, '2026-11-23');
    const channel = { categories: [], ramp: false } as unknown as Channel;
    const data = { top: rows, streaks: [], rounds: 2, answers: 3, mostDiscussed: null, leastAnswered: null };
    const digest = digestCard(data, channel, '2026-11-23');
    const expected = ['🥇 **ada** · 20 pts', '4. **bob** · 5 pts'];
    expect(board.blocks[0]).toMatchObject({ type: 'list', items: expected });
    expect(digest.blocks[0]).toMatchObject({ type: 'list', items: expected, title: '**Top of the week**' });
  });

  it('gives a streak card a fallback without Markdown', () => {
    const view = { name: 'ada', current: 3, best: 5, pending: false, freezes: 0, awayUntil: null };
    expect(streakCard(view, true).fallback).toBe('Your streak: 3 rounds in a row · best 5.');
  });
});
