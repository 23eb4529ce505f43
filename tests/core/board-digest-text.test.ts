import { describe, expect, it } from 'vitest';
import { leaderboardCard, statsCard, streakCard } from '../../src/core/board-cards.ts';
import { digestCard } from '../../src/core/digest.ts';
import type { Channel } from '../../src/core/types.ts';

const row = (rank: number, name: string, points: number) => ({ memberId: `test:${name}`, name, points, rank });
const channel = (extra: Partial<Channel> = {}) => ({ categories: [], ramp: false, ...extra }) as unknown as Channel;
const view = { name: 'ada', current: 0, best: 4, pending: false, freezes: 0, awayUntil: null };
const freezes = 'Freezes: 0 of 2 (one is earned every 7 rounds in a row and covers a missed round).';

describe('the leaderboard card', () => {
  it('is titled with the week it counts, or all time', () => {
    expect(leaderboardCard('week', [row(1, 'ada', 20)], null, '2026-11-23').title).toBe('Leaderboard · week of 2026-11-23');
    expect(leaderboardCard('all', [row(1, 'ada', 20)], null, '2026-11-23').title).toBe('Leaderboard · all time');
  });

  it('names only the first three in its notification text', () => {
    const rows = [row(1, 'ada', 20), row(2, 'bob', 15), row(3, 'cy', 10), row(4, 'dee', 5)];
    expect(leaderboardCard('week', rows, null, '2026-11-23').fallback).toBe(
      'Leaderboard · week of 2026-11-23: 1. ada 20, 2. bob 15, 3. cy 10',
    );
  });
});

describe('the streak card', () => {
  it('invites the member to start a streak from zero', () => {
    expect(streakCard(view, true).blocks).toEqual([
      {
        type: 'text',
        markdown: `Your streak: **0** rounds in a row · best 4. Answer the next question in its thread to start one. ${freezes}`,
      },
    ]);
  });

  it('shows another member’s zero streak without an invitation or a gap', () => {
    expect(streakCard(view, false).blocks).toEqual([
      { type: 'text', markdown: `ada's streak: **0** rounds in a row · best 4. ${freezes}` },
    ]);
  });

  it('says nothing about starting once a streak runs, and nothing about away without a date', () => {
    expect(streakCard({ ...view, current: 5, best: 5 }, true).blocks).toEqual([
      { type: 'text', markdown: `Your streak: **5** rounds in a row · best 5. ${freezes}` },
    ]);
  });

  it('adds the away date when there is one', () => {
    expect(streakCard({ ...view, current: 2, awayUntil: '2026-12-05' }, false).blocks).toEqual([
      {
        type: 'text',
        markdown: `ada's streak: **2** rounds in a row · best 4. ${freezes} Away until 2026-12-05: missed rounds do not break the streak.`,
      },
    ]);
  });
});

describe('the stats card', () => {
  it('heads the categories list', () => {
    const stats = {
      answers: 1,
      points: 10,
      weekPoints: 10,
      probeReplies: 0,
      votesReceived: 0,
      byCategory: [{ category: 'mlops' as const, answers: 1 }],
    };
    expect(statsCard('ada', stats, view, true).blocks[1]).toEqual({
      type: 'list',
      title: '**Answers by category**',
      items: ['Production and MLOps: 1'],
      ordered: false,
    });
  });
});

describe('the digest card', () => {
  const quiet = { top: [], streaks: [], rounds: 0, answers: 0, mostDiscussed: null, leastAnswered: null };

  it('is titled with the week even when nobody answered, and lists next week’s categories by name', () => {
    const card = digestCard(quiet, channel({ categories: ['statistics', 'deep-learning'] }), '2026-11-23');
    expect(card.title).toBe('Week of 2026-11-23');
    expect(card.blocks[1]).toEqual({ type: 'context', markdown: 'Next week: Statistics and probability, Deep learning.' });
  });

  it('heads the streaks list', () => {
    const data = { ...quiet, top: [row(1, 'ada', 20)], rounds: 1, answers: 1, streaks: [{ name: 'ada', current: 3 }] };
    expect(digestCard(data, channel(), '2026-11-23').blocks[2]).toEqual({
      type: 'list',
      title: '**Longest running streaks**',
      items: ['**ada**: 3 rounds in a row'],
      ordered: false,
    });
  });
});
