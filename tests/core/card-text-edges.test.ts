import { describe, expect, it } from 'vitest';
import { leaderboardCard } from '../../src/core/board-cards.ts';
import { digestCard } from '../../src/core/digest.ts';
import { unfenced } from '../../src/core/markdown.ts';
import { pairMeetingKey } from '../../src/core/points.ts';
import { questionCard } from '../../src/core/question-cards.ts';
import type { Channel, Question, Round } from '../../src/core/types.ts';

const row = (rank: number, name: string, points: number) => ({ memberId: `test:${name}`, name, points, rank });
const channel = { categories: [], ramp: false } as unknown as Channel;

describe('board titles', () => {
  it('name the month and the season by their label', () => {
    expect(leaderboardCard('month', [row(1, 'ada', 20)], null, 'November 2026').title).toBe('Leaderboard · November 2026');
    expect(leaderboardCard('season', [row(1, 'ada', 20)], null, '2026 Q4').title).toBe('Leaderboard · season 2026 Q4');
  });

  it('use the title in the notification text of a month and a season board', () => {
    expect(leaderboardCard('month', [row(1, 'ada', 20)], null, 'November 2026').fallback).toBe('Leaderboard · November 2026: 1. ada 20');
    expect(leaderboardCard('season', [row(1, 'ada', 20)], null, '2026 Q4').fallback).toBe('Leaderboard · season 2026 Q4: 1. ada 20');
  });
});

describe('the digest', () => {
  const week = { top: [row(1, 'ada', 20)], streaks: [], rounds: 2, answers: 3, mostDiscussed: null, leastAnswered: null };

  it('names the key point the group ticked least, with its counts and question', () => {
    const data = { ...week, leastTicked: { prompt: 'Why calibrate?', point: 'Names the reliability diagram', ticked: 1, graded: 4 } };
    expect(digestCard(data, channel, '2026-11-23').blocks).toEqual([
      { type: 'list', title: '**Top of the week**', items: ['🥇 **ada** · 20 pts'], ordered: false },
      { type: 'text', markdown: '**Participation:** 3 answers over 2 rounds (1.5 per round).' },
      {
        type: 'text',
        markdown:
          '**To study:** the key point the group ticked least when grading themselves (1 of 4): “Names the reliability diagram”, from “Why calibrate?”',
      },
      { type: 'context', markdown: 'Next week: a mix of every category.' },
    ]);
  });

  it('has no study line when no key point was graded', () => {
    expect(digestCard({ ...week, leastTicked: null }, channel, '2026-11-23').blocks).toHaveLength(3);
    expect(digestCard(week, channel, '2026-11-23').blocks).toHaveLength(3);
  });
});

describe('the daily question card', () => {
  const question: Question = {
    id: 'evaluation-901',
    category: 'evaluation',
    level: 'mid',
    prompt: 'How would you tell whether a fraud model is well calibrated?',
    strong_answer: 'Bin the scores.',
    weak_answer: 'Quotes the AUC.',
    key_points: ['A reliability diagram', 'Expected calibration error'],
    probes: [],
    tags: [],
  };
  const round = { id: 42, revealAt: new Date('2026-12-01T02:30:00Z') } as Round;

  it('credits the member who suggested the question, under the prompt', () => {
    const blocks = questionCard({ ...question, suggested_by: 'Ada' }, round, 'UTC').blocks;
    expect(blocks).toHaveLength(4);
    expect(blocks[1]).toEqual({ type: 'context', markdown: 'Suggested by Ada' });
  });

  it('has no credit line for a question nobody suggested', () => {
    const blocks = questionCard(question, round, 'UTC').blocks;
    expect(blocks).toHaveLength(3);
    expect(blocks.map((b) => b.type)).toEqual(['text', 'context', 'buttons']);
  });
});

describe('small text rules', () => {
  it('breaks every triple backtick with a zero-width space', () => {
    expect(unfenced('a ``` b ```')).toBe('a ``\u200b` b ``\u200b`');
    expect(unfenced('``x`')).toBe('``x`');
  });

  it('keys a pair check-in bonus by group and member', () => {
    expect(pairMeetingKey(7, 'discord:42')).toBe('pair_meeting:g7:discord:42');
  });
});
