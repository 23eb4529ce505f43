import { describe, expect, it } from 'vitest';
import {
  checklistCard,
  dueText,
  emptyQueueBlocks,
  GRADE_FORM,
  GRADE_POINTS_NOTE,
  gradedCard,
  gradeForm,
  guidanceCard,
  learningBlocks,
  nextReviewButton,
  reminderCard,
  reviewPointsCard,
  reviewQuestionCard,
  withGrading,
} from '../../src/core/grade-cards.ts';
import { card, text } from '../../src/core/message.ts';
import type { Question } from '../../src/core/types.ts';

const Q: Question = {
  id: 'base-rate',
  category: 'statistics',
  level: 'mid',
  prompt: 'Why does the base rate matter?',
  tldr: 'Rare events stay rare.',
  strong_answer: 'Strong.',
  weak_answer: 'Weak.',
  key_points: ['Names the base rate', 'Uses Bayes', 'Gives a number'],
  probes: [
    { question: 'A rarer event?', guidance: 'Fewer true positives.' },
    { question: 'A better test?', guidance: 'More of them.' },
  ],
  tags: ['bayes', 'base rate'],
};
const round = { source: 'round', roundId: 7 } as const;
const review = { source: 'review', cardId: 3, reps: 2 } as const;
const practice = { source: 'practice', practiceId: 5 } as const;
const mock = { source: 'mock', sessionId: 9 } as const;
const LABEL = 'Statistics and probability · mid';

describe('dates for a member', () => {
  it('shows the local weekday, date and time with the zone, across a date line', () => {
    expect(dueText(new Date('2026-11-24T23:30:00Z'), 'UTC')).toBe('Tue 24 Nov 23:30 (UTC)');
    expect(dueText(new Date('2026-11-24T23:30:00Z'), 'Asia/Tokyo')).toBe('Wed 25 Nov 08:30 (Asia/Tokyo)');
    expect(dueText(new Date('2026-11-24T03:05:00Z'), 'America/Los_Angeles')).toBe('Mon 23 Nov 19:05 (America/Los_Angeles)');
  });
});

describe('the reveal with grading', () => {
  it('puts the one-line summary first and the two buttons last', () => {
    const reveal = card('Reveal', [text('body')]);
    expect(withGrading(reveal, Q, 7)).toEqual({
      title: 'Reveal',
      fallback: reveal.fallback,
      blocks: [
        { type: 'text', markdown: '**In one line:** Rare events stay rare.' },
        { type: 'text', markdown: 'body' },
        {
          type: 'buttons',
          buttons: [
            { label: 'Grade yourself', action: 'grade.open', value: 'r:7', command: '/mlq grade <numbers>', style: 'primary' },
            { label: 'What a good reply covers', action: 'guidance.show', value: '7', command: '/mlq guidance' },
          ],
        },
      ],
    });
  });
});

describe('the checklist card', () => {
  it('numbers the key points and offers the button where it can be pressed', () => {
    expect(checklistCard(Q, round, true)).toEqual({
      title: `Grade yourself · ${LABEL}`,
      fallback: expect.any(String),
      blocks: [
        { type: 'text', markdown: 'Which key points did your answer cover? **Why does the base rate matter?**' },
        { type: 'list', items: Q.key_points, title: undefined, ordered: true },
        {
          type: 'context',
          markdown:
            'Tick them with the button, or type `/mlq grade 1 3` with their numbers (`none` or `all` work too). It schedules a private ' +
            'review of this question (`/mlq review`); you can change it until the next round.',
        },
        {
          type: 'buttons',
          buttons: [
            { label: 'Tick what you covered', action: 'grade.open', value: 'r:7', command: '/mlq grade <numbers>', style: 'primary' },
          ],
        },
      ],
    });
  });

  it('points to the reveal and the command where buttons cannot be pressed, with the command of each source', () => {
    const c = checklistCard(Q, practice, false);
    expect(c.blocks).toHaveLength(3);
    expect(c.blocks[2]).toEqual({
      type: 'context',
      markdown:
        'Tick them with **Grade yourself** under the reveal, or type `/mlq grade practice 1 3` in the channel with their numbers. ' +
        'It schedules a private review of this question (`/mlq review`); you can change it until the next round.',
    });
    expect(checklistCard(Q, review, true).blocks[3]).toEqual({
      type: 'buttons',
      buttons: [
        { label: 'Tick what you covered', action: 'grade.open', value: 'c:3:2', command: '/mlq review grade <numbers>', style: 'primary' },
      ],
    });
    expect(checklistCard(Q, mock, false).blocks[2]).toMatchObject({ markdown: expect.stringContaining('type `/mlq grade 1 3` in') });
  });
});

describe('the grade form', () => {
  it('has one checkbox per key point, numbered from 1, those ticked before selected', () => {
    expect(gradeForm(Q, round, [0, 2])).toEqual({
      id: 'mlq.grade',
      value: 'r:7',
      title: 'Grade yourself',
      submit: 'Save my grade',
      subject: 'Why does the base rate matter?',
      fields: [
        {
          id: 'covered',
          label: 'Which did your answer cover?',
          hint: 'Tick each key point you made. Honest ticks schedule your reviews well; the points are the same either way.',
          maxLength: 0,
          choices: {
            options: [
              { value: '0', label: '1. Names the base rate' },
              { value: '1', label: '2. Uses Bayes' },
              { value: '2', label: '3. Gives a number' },
            ],
            selected: ['0', '2'],
          },
        },
      ],
    });
    expect(GRADE_FORM).toBe('mlq.grade');
  });

  it('asks what was recalled on a review', () => {
    const form = gradeForm(Q, review, []);
    expect(form.title).toBe('Review');
    expect(form.value).toBe('c:3:2');
    expect(form.fields[0]!.label).toBe('Which did you recall?');
    expect(form.fields[0]!.choices!.selected).toEqual([]);
  });
});

describe('the saved grade', () => {
  const view = { rating: 'hard', ticked: 1, total: 3, due: new Date('2026-11-24T16:00:00Z'), timezone: 'UTC', bonus: 0 } as const;
  const said = (changes: Record<string, unknown>) => {
    const c = gradedCard({ ...view, status: 'new', ...changes });
    return c.blocks.map((b) => (b.type === 'text' ? b.markdown : b.type));
  };

  it('says what happened for each status, with the bonus only when there is one', () => {
    expect(gradedCard({ ...view, status: 'new' })).toEqual({
      title: undefined,
      fallback: 'Saved: 1 of 3 key points · Hard. Next review of this question: Tue 24 Nov 16:00 (UTC).',
      blocks: [{ type: 'text', markdown: 'Saved: 1 of 3 key points · Hard. Next review of this question: Tue 24 Nov 16:00 (UTC).' }],
    });
    expect(said({ status: 'changed', bonus: 2 })).toEqual([
      'Changed: 1 of 3 key points · Hard. Next review of this question: Tue 24 Nov 16:00 (UTC). **+2 points** for grading.',
    ]);
    expect(said({ status: 'same', rating: 'easy', ticked: 3 })).toEqual([
      'Already saved: 3 of 3 key points · Easy. Next review of this question: Tue 24 Nov 16:00 (UTC).',
    ]);
    expect(said({ status: 'kept', rating: 'again', ticked: 0, bonus: 1 })).toEqual([
      'Changed to 0 of 3 key points · Again. You have reviewed this question since, so its next review stays Tue 24 Nov 16:00 (UTC). **+1 points** for grading.',
    ]);
    expect(said({ next: [nextReviewButton()] })).toEqual([
      'Saved: 1 of 3 key points · Hard. Next review of this question: Tue 24 Nov 16:00 (UTC).',
      'buttons',
    ]);
  });
});

describe('the guidance card', () => {
  it('lists each probe with what a good reply covers, and says when it was posted with a round', () => {
    expect(guidanceCard(Q)).toEqual({
      title: `What a good reply covers · ${LABEL}`,
      fallback: 'What a good reply to each probe of "Why does the base rate matter?" covers.',
      blocks: [
        {
          type: 'list',
          items: ['**A rarer event?** Fewer true positives.', '**A better test?** More of them.'],
          title: undefined,
          ordered: true,
        },
      ],
    });
    expect(guidanceCard(Q, true).blocks[1]).toEqual({
      type: 'context',
      markdown: 'Posted with the next round: the guidance for the probes above.',
    });
  });
});

describe('the review cards', () => {
  it('shows a due question with the number due and a button to show its key points', () => {
    expect(reviewQuestionCard(Q, review, 4)).toEqual({
      title: `Review · 4 due · ${LABEL}`,
      fallback: expect.any(String),
      blocks: [
        { type: 'text', markdown: '**Why does the base rate matter?**' },
        {
          type: 'context',
          markdown: 'Recall your answer (say it or write it down), then show the key points and tick those you recalled.',
        },
        {
          type: 'buttons',
          buttons: [{ label: 'Show the key points', action: 'review.show', value: 'c:3:2', command: '/mlq review show' }],
        },
      ],
    });
  });

  it('shows the key points with the summary and the checklist button', () => {
    expect(reviewPointsCard(Q, review)).toEqual({
      title: `Key points · ${LABEL}`,
      fallback: expect.any(String),
      blocks: [
        { type: 'text', markdown: '**In one line:** Rare events stay rare.' },
        { type: 'list', items: Q.key_points, title: undefined, ordered: true },
        {
          type: 'context',
          markdown: 'Tick those you recalled, or type `/mlq review grade 1 3` with their numbers (`none` or `all` work too).',
        },
        {
          type: 'buttons',
          buttons: [
            {
              label: 'Tick what you recalled',
              action: 'grade.open',
              value: 'c:3:2',
              command: '/mlq review grade <numbers>',
              style: 'primary',
            },
          ],
        },
      ],
    });
  });

  it('says when the next card is due in the member zone, or how cards are made', () => {
    expect(emptyQueueBlocks(new Date('2026-11-24T23:30:00Z'), 'Asia/Tokyo')).toEqual([
      { type: 'text', markdown: 'No review is due. The next one is due Wed 25 Nov 08:30 (Asia/Tokyo).' },
    ]);
    expect(emptyQueueBlocks(null, 'UTC')).toEqual([
      {
        type: 'text',
        markdown:
          'No review cards yet. Grade yourself after a reveal, or after a practice question (`/mlq ask`), and the question comes back here when you are about to forget it.',
      },
    ]);
    expect(nextReviewButton()).toEqual({
      type: 'buttons',
      buttons: [{ label: 'Next card', action: 'review.next', value: '', command: '/mlq review' }],
    });
  });
});

describe('the reminder', () => {
  it('counts one question and several, with a button or the command', () => {
    expect(reminderCard(1, true)).toEqual({
      title: 'Time to review',
      fallback: 'Time to review\n1 question is due for review.',
      blocks: [
        { type: 'text', markdown: '1 question is due for review.' },
        {
          type: 'buttons',
          buttons: [{ label: 'Start reviewing', action: 'review.next', value: '', command: '/mlq review', style: 'primary' }],
        },
        { type: 'context', markdown: '`/mlq review remind off` stops these reminders.' },
      ],
    });
    expect(reminderCard(2, false).blocks).toEqual([
      { type: 'text', markdown: '2 questions are due for review.' },
      { type: 'context', markdown: 'Run `/mlq review` in the channel to start.' },
      { type: 'context', markdown: '`/mlq review remind off` stops these reminders.' },
    ]);
    expect(reminderCard(0, false).blocks[0]).toEqual({ type: 'text', markdown: '0 questions are due for review.' });
  });
});

describe('the learning part of stats', () => {
  const at = (iso: string) => new Date(iso);

  it('lists mastery per category, names the weakest and the next reviews due', () => {
    const blocks = learningBlocks(
      {
        reviews: 4,
        grades: 6,
        dueNow: 0,
        byCategory: [
          { category: 'statistics', mastery: 0.5, questions: 1, lastAt: at('2026-11-20T00:00:00Z') },
          { category: 'mlops', mastery: 0.125, questions: 3, lastAt: at('2026-11-19T00:00:00Z') },
          { category: 'evaluation', mastery: 0.995, questions: 2, lastAt: at('2026-11-18T00:00:00Z') },
        ],
        nextDue: [at('2026-11-24T23:30:00Z'), at('2026-11-25T08:00:00Z')],
      },
      'Asia/Tokyo',
    );
    expect(blocks).toEqual([
      {
        type: 'fields',
        fields: [
          { label: 'Reviews done', value: '4' },
          { label: 'Grades', value: '6' },
          { label: 'Due now', value: '0' },
        ],
      },
      {
        type: 'list',
        title: '**Mastery by category** (key points ticked, latest grade of each question; most recent first)',
        items: [
          'Statistics and probability: 50 % (1 question)',
          'Production and MLOps: 13 % (3 questions)',
          'Model evaluation: 100 % (2 questions)',
        ],
        ordered: false,
      },
      { type: 'text', markdown: '**Weakest:** Production and MLOps (13 %). Practise one with `/mlq ask mlops`.' },
      {
        type: 'context',
        markdown: 'Next reviews due: Wed 25 Nov 08:30 (Asia/Tokyo), Wed 25 Nov 17:00 (Asia/Tokyo). `/mlq review` starts one.',
      },
    ]);
  });

  it('says to start the due reviews, or how to make some, when nothing else is due', () => {
    const none = { reviews: 0, grades: 0, byCategory: [], nextDue: [] };
    expect(learningBlocks({ ...none, dueNow: 2 }, 'UTC')).toEqual([
      {
        type: 'fields',
        fields: [
          { label: 'Reviews done', value: '0' },
          { label: 'Grades', value: '0' },
          { label: 'Due now', value: '2' },
        ],
      },
      { type: 'context', markdown: '`/mlq review` starts your due reviews.' },
    ]);
    expect(learningBlocks({ ...none, dueNow: 0 }, 'UTC')[1]).toEqual({
      type: 'context',
      markdown: 'No reviews scheduled: grade yourself after a reveal to make some.',
    });
  });

  it('states the points for grading', () => {
    expect(GRADE_POINTS_NOTE).toBe('Grading your answer to a round earns 2 points once, whatever you tick.');
  });
});
