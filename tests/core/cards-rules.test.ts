import { describe, expect, it } from 'vitest';
import { leaderboardCard, statsCard, streakCard } from '../../src/core/board-cards.ts';
import { digestCard } from '../../src/core/digest.ts';
import type { Card } from '../../src/core/message.ts';
import type { Channel } from '../../src/core/types.ts';

const row = (rank: number, name: string, points: number) => ({ memberId: `test:${name}`, name, points, rank });
const words = (c: Card) =>
  [c.title, ...c.blocks.map((b) => ('markdown' in b ? b.markdown : 'items' in b ? [b.title, ...b.items].join('\n') : JSON.stringify(b)))]
    .join('\n')
    .replace(/\*\*/g, '');
const channel = (extra: Partial<Channel> = {}) => ({ categories: [], ramp: false, ...extra }) as unknown as Channel;
const week = { top: [row(1, 'ada', 20)], streaks: [], rounds: 2, answers: 5, mostDiscussed: null, leastAnswered: null };

describe('the weekly digest figures', () => {
  it('gives answers per revealed round with one decimal, and the singular for one round', () => {
    expect(words(digestCard(week, channel(), '2026-11-23'))).toContain('Participation: 5 answers over 2 rounds (2.5 per round).');
    const one = digestCard({ ...week, rounds: 1, answers: 3 }, channel(), '2026-11-23');
    expect(words(one)).toContain('Participation: 3 answers over 1 round (3.0 per round).');
    expect(one.title).toBe('Week of 2026-11-23 · the digest');
  });

  it('shows streaks, the most discussed question and the least answered category only when there are some', () => {
    const bare = words(digestCard(week, channel(), '2026-11-23'));
    expect(bare).not.toContain('Longest running streaks');
    expect(bare).not.toContain('Most discussed');
    expect(bare).not.toContain('Least answered');
    const full = {
      ...week,
      streaks: [{ name: 'bob', current: 4 }],
      mostDiscussed: { prompt: 'Why calibrate?', replies: 6 },
      leastAnswered: { category: 'statistics' as const, answers: 1 },
    };
    const text = words(digestCard(full, channel(), '2026-11-23'));
    expect(text).toContain('bob: 4 rounds in a row');
    expect(text).toContain('Most discussed (6 replies): Why calibrate?');
    expect(text).toContain('(1 answers). Practise one with `/mlq ask statistics`.');
  });

  it('sends a nudge instead for a week without answers, counting the unanswered questions', () => {
    const none = (rounds: number) => words(digestCard({ ...week, top: [], rounds, answers: 0 }, channel(), '2026-11-23'));
    expect(none(0)).toContain('No rounds were revealed this week.');
    expect(none(1)).toContain('1 question went unanswered this week.');
    expect(none(3)).toContain('3 questions went unanswered this week.');
    expect(none(3)).not.toContain('Participation');
  });

  it('names next week’s categories and the ramp, or a mix of every category', () => {
    expect(words(digestCard(week, channel(), '2026-11-23'))).toContain('Next week: a mix of every category.');
    const ramped = words(digestCard({ ...week, answers: 0 }, channel({ categories: ['statistics'], ramp: true }), '2026-11-23'));
    expect(ramped).toMatch(/Next week: Statistics[^.]* \(easier early in the week, harder by Friday\)\./);
  });
});

describe('the leaderboard and the streak and stats cards', () => {
  it('adds the asking member’s own rank only when it is not on the board', () => {
    const rows = [row(1, 'ada', 20), row(2, 'bob', 10)];
    expect(words(leaderboardCard('week', rows, row(7, 'cy', 3), '2026-11-23'))).toContain('You: rank 7 with 3 pts.');
    expect(words(leaderboardCard('week', rows, row(2, 'bob', 10), '2026-11-23'))).not.toContain('You: rank');
    expect(leaderboardCard('all', rows, null, '2026-11-23').fallback).toBe('Leaderboard · all time: 1. ada 20, 2. bob 10');
    expect(words(leaderboardCard('week', [], null, '2026-11-23'))).toContain('No points yet this week.');
    expect(words(leaderboardCard('all', [], null, '2026-11-23'))).toContain('No points yet. Answer a question');
  });

  it('counts the streak in rounds, states the freeze rule with its numbers, and the away date', () => {
    const view = { name: 'ada', current: 1, best: 1, pending: false, freezes: 1, awayUntil: '2026-12-05' };
    const mine = words(streakCard(view, true));
    expect(mine).toContain('Your streak: 1 round in a row · best 1.');
    expect(mine).toContain('Freezes: 1 of 2 (one is earned every 7 rounds in a row');
    expect(mine).toContain('Away until 2026-12-05');
    const zero = { ...view, current: 0, awayUntil: null };
    expect(words(streakCard(zero, true))).toContain('Answer the next question in its thread to start one.');
    expect(words(streakCard(zero, false))).toContain("ada's streak: 0 rounds in a row");
    expect(words(streakCard(zero, false))).not.toContain('Answer the next question');
    expect(words(streakCard({ ...zero, pending: true }, true))).toContain("Today's answer is in");
  });

  it('lists answers by category, most first, and leaves out peer votes where members cannot react', () => {
    const stats = {
      answers: 4,
      points: 52,
      weekPoints: 12,
      probeReplies: 1,
      votesReceived: 3,
      byCategory: [
        { category: 'statistics' as const, answers: 1 },
        { category: 'deep-learning' as const, answers: 3 },
      ],
    };
    const streak = { name: 'ada', current: 2, best: 5, pending: false, freezes: 0, awayUntil: null };
    const c = statsCard('ada', stats, streak, false);
    expect(c.title).toBe('Stats for ada');
    expect(c.blocks[0]).toEqual({
      type: 'fields',
      fields: [
        { label: 'Answers', value: '4' },
        { label: 'Points (all time)', value: '52' },
        { label: 'Points this week', value: '12' },
        { label: 'Streak', value: '2 (best 5)' },
        { label: 'Probe replies', value: '1' },
        { label: 'Peer votes received', value: '3' },
      ],
    });
    expect(c.blocks[1]).toMatchObject({ items: ['Deep learning: 3', 'Statistics and probability: 1'] });
    const quiet = statsCard('ada', { ...stats, byCategory: [] }, streak, true, false);
    expect(quiet.title).toBe('Your stats');
    expect(quiet.blocks).toHaveLength(1);
    expect(JSON.stringify(quiet.blocks[0])).not.toContain('Peer votes');
  });
});
