import { describe, expect, it } from 'vitest';
import { type HomeChannel, type HomeData, homeCard, nextQuestionAt } from '../../src/core/home-dashboard.ts';
import type { LearningStats } from '../../src/core/repository.ts';
import type { Channel } from '../../src/core/types.ts';

const NOW = new Date('2026-12-01T03:00:00Z');

const learning = (over: Partial<LearningStats> = {}): LearningStats => ({
  reviews: 0,
  grades: 0,
  byCategory: [],
  dueNow: 0,
  nextDue: [],
  ...over,
});

const study: HomeChannel = {
  name: 'ml-study',
  streak: 4,
  best: 9,
  freezes: 1,
  awayUntil: null,
  nextQuestionAt: new Date('2026-12-01T09:00:00Z'),
  timezone: 'UTC',
};

const data = (over: Partial<HomeData> = {}): HomeData => ({ channels: [study], learning: learning(), timezone: 'UTC', ...over });

const START = {
  type: 'buttons',
  buttons: [{ label: 'Start reviewing', action: 'review.next', value: '', command: '/mlq review', style: 'primary' }],
};

const channel = (over: Partial<Channel> = {}): Channel => ({
  id: 'test:C1',
  communityId: 'test',
  name: 'ml-study',
  active: true,
  organiserIds: [],
  nextPostAt: null,
  timezone: 'UTC',
  postTime: '09:00',
  weekdays: [1, 2, 3, 4, 5],
  revealDelayMinutes: 360,
  categories: [],
  levels: [],
  ...over,
});

describe('the home dashboard card', () => {
  it('with no review due and no mastery yet: says so, with no button, and how to get some', () => {
    expect(homeCard(data())).toEqual({
      title: 'Your mlq dashboard',
      blocks: [
        { type: 'text', markdown: '**Reviews:** none due.' },
        { type: 'context', markdown: 'Grade yourself after a reveal to schedule reviews.' },
        { type: 'divider' },
        {
          type: 'list',
          title: '**Your channels**',
          items: ['**#ml-study** · streak 4 (best 9) · 1 freeze · next question Tue 1 Dec 09:00 (UTC)'],
          ordered: false,
        },
        { type: 'divider' },
        { type: 'text', markdown: '**Mastery by category:** none yet. Grade yourself after a reveal (`/mlq grade`) and it shows here.' },
        { type: 'context', markdown: 'Updated after each grade. `/mlq stats` in a channel shows more.' },
      ],
      fallback:
        'Your mlq dashboard\nReviews: none due.\n**Your channels**\n- #ml-study · streak 4 (best 9) · 1 freeze · next question Tue 1 Dec 09:00 (UTC)\n' +
        'Mastery by category: none yet. Grade yourself after a reveal (/mlq grade) and it shows here.',
    });
  });

  it('with none due but one scheduled: when the next is due, in the member’s zone', () => {
    const home = homeCard(data({ learning: learning({ nextDue: [new Date('2026-12-04T23:30:00Z')] }), timezone: 'Asia/Tokyo' }));
    expect(home.blocks.slice(0, 2)).toEqual([
      { type: 'text', markdown: '**Reviews:** none due.' },
      { type: 'context', markdown: 'The next is due Sat 5 Dec 08:30 (Asia/Tokyo).' },
    ]);
  });

  it('with one review due: the singular, and the button that starts it as `/mlq review` does', () => {
    expect(homeCard(data({ learning: learning({ dueNow: 1 }) })).blocks.slice(0, 2)).toEqual([
      { type: 'text', markdown: '**Reviews:** 1 question is due.' },
      START,
    ]);
  });

  it('with many reviews due: the plural and the same button', () => {
    expect(homeCard(data({ learning: learning({ dueNow: 12 }) })).blocks.slice(0, 2)).toEqual([
      { type: 'text', markdown: '**Reviews:** 12 questions are due.' },
      START,
    ]);
  });

  it('lists mastery per category, most recent first as the store gives it, and each channel with its streak', () => {
    const home = homeCard(
      data({
        channels: [
          { ...study, freezes: 0, awayUntil: '2026-12-06' },
          { ...study, name: 'nlp', streak: 1, best: 1, freezes: 2, nextQuestionAt: null },
        ],
        learning: learning({
          grades: 3,
          byCategory: [
            { category: 'statistics', mastery: 2 / 3, questions: 1, lastAt: NOW },
            { category: 'deep-learning', mastery: 0.25, questions: 2, lastAt: NOW },
          ],
        }),
      }),
    );
    expect(home.blocks[3]).toEqual({
      type: 'list',
      title: '**Your channels**',
      items: [
        '**#ml-study** · streak 4 (best 9) · 0 freezes · away until 2026-12-06 · next question Tue 1 Dec 09:00 (UTC)',
        '**#nlp** · streak 1 (best 1) · 2 freezes · next question none planned',
      ],
      ordered: false,
    });
    expect(home.blocks[5]).toEqual({
      type: 'list',
      title: '**Mastery by category** (key points ticked, latest grade of each question)',
      items: ['Statistics and probability: 67 % (1 question)', 'Deep learning: 25 % (2 questions)'],
      ordered: false,
    });
  });

  it('without any channel: says mlq runs in none of them', () => {
    expect(homeCard(data({ channels: [] })).blocks[3]).toEqual({
      type: 'text',
      markdown: '**Your channels:** mlq runs in none of your channels yet.',
    });
  });

  it('shows a channel’s next question on its own local date where that differs from UTC’s', () => {
    const home = homeCard(
      data({ channels: [{ ...study, nextQuestionAt: new Date('2026-12-01T04:00:00Z'), timezone: 'America/Los_Angeles' }] }),
    );
    expect((home.blocks[3] as { items: string[] }).items).toEqual([
      '**#ml-study** · streak 4 (best 9) · 1 freeze · next question Mon 30 Nov 20:00 (America/Los_Angeles)',
    ]);
  });
});

describe('the next question of a channel', () => {
  it('plans from the channel’s local date, not UTC’s: Monday evening in Los Angeles is Tuesday in UTC', () => {
    const monday = channel({ timezone: 'America/Los_Angeles', postTime: '20:00', weekdays: [1] });
    expect(nextQuestionAt(monday, NOW)).toEqual(new Date('2026-12-01T04:00:00Z'));
  });

  it('is the stored next post while it is ahead, else the first planned post after now (at, just before, just after)', () => {
    const stored = new Date('2026-12-02T09:00:00Z');
    expect(nextQuestionAt(channel({ nextPostAt: stored }), NOW)).toEqual(stored);
    expect(nextQuestionAt(channel({ nextPostAt: new Date('2026-12-01T02:59:59Z') }), NOW)).toEqual(new Date('2026-12-01T09:00:00Z'));
    expect(nextQuestionAt(channel({ nextPostAt: NOW }), NOW)).toEqual(new Date('2026-12-01T09:00:00Z'));
    expect(nextQuestionAt(channel(), new Date('2026-12-01T08:59:59Z'))).toEqual(new Date('2026-12-01T09:00:00Z'));
    expect(nextQuestionAt(channel(), new Date('2026-12-01T09:00:00Z'))).toEqual(new Date('2026-12-02T09:00:00Z'));
  });

  it('skips days the channel does not meet, and is null for a paused channel or one that meets on no day', () => {
    expect(nextQuestionAt(channel(), new Date('2026-12-04T10:00:00Z'))).toEqual(new Date('2026-12-07T09:00:00Z'));
    expect(nextQuestionAt(channel({ active: false, nextPostAt: new Date('2026-12-02T09:00:00Z') }), NOW)).toBeNull();
    expect(nextQuestionAt(channel({ weekdays: [] }), NOW)).toBeNull();
  });
});
