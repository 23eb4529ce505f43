import { describe, expect, it } from 'vitest';
import {
  formTicks,
  nextReminderAt,
  parseRef,
  parseTicks,
  ratingFor,
  refValue,
  scheduleCard,
  summaryLine,
  weakestCategory,
} from '../../src/core/review-rules.ts';

const AT = new Date('2026-11-23T12:00:00Z');

describe('the share of key points ticked as an FSRS rating', () => {
  it('is Again under 40 %, at and above which it is Hard', () => {
    expect(ratingFor(0, 5)).toBe('again');
    expect(ratingFor(3, 10)).toBe('again');
    expect(ratingFor(1, 3)).toBe('again');
    expect(ratingFor(2, 5)).toBe('hard');
    expect(ratingFor(4, 10)).toBe('hard');
  });

  it('is Hard under 70 %, at and above which it is Good', () => {
    expect(ratingFor(6, 10)).toBe('hard');
    expect(ratingFor(2, 3)).toBe('hard');
    expect(ratingFor(7, 10)).toBe('good');
    expect(ratingFor(3, 4)).toBe('good');
  });

  it('is Good under 100 % and Easy with every key point', () => {
    expect(ratingFor(9, 10)).toBe('good');
    expect(ratingFor(5, 6)).toBe('good');
    expect(ratingFor(10, 10)).toBe('easy');
    expect(ratingFor(3, 3)).toBe('easy');
  });
});

describe('scheduling a card with ts-fsrs', () => {
  it('brings a new card back in whole days by rating, without fuzz', () => {
    expect(scheduleCard(null, 'again', AT).due).toEqual(new Date('2026-11-24T12:00:00Z'));
    expect(scheduleCard(null, 'hard', AT).due).toEqual(new Date('2026-11-25T12:00:00Z'));
    expect(scheduleCard(null, 'good', AT).due).toEqual(new Date('2026-11-26T12:00:00Z'));
    expect(scheduleCard(null, 'easy', AT).due).toEqual(new Date('2026-12-01T12:00:00Z'));
    expect(scheduleCard(null, 'good', AT)).toMatchObject({ reps: 1, lapses: 0, state: 2, scheduledDays: 3, lastReview: AT });
  });

  it('spaces a second review by how well it went, and counts a lapse on Again', () => {
    const first = scheduleCard(null, 'good', AT);
    const due = first.due;
    expect(scheduleCard(first, 'again', due)).toMatchObject({ due: new Date('2026-11-27T12:00:00Z'), reps: 2, lapses: 1 });
    expect(scheduleCard(first, 'hard', due).due).toEqual(new Date('2026-12-05T12:00:00Z'));
    expect(scheduleCard(first, 'good', due).due).toEqual(new Date('2026-12-10T12:00:00Z'));
    expect(scheduleCard(first, 'easy', due)).toMatchObject({ due: new Date('2026-12-20T12:00:00Z'), lapses: 0 });
  });
});

describe('reading the ticked key points', () => {
  it('takes numbers from 1 to the count, in any order, with commas or spaces, or none or all', () => {
    expect(parseTicks(['1', '3'], 5)).toEqual({ ok: true, value: [0, 2] });
    expect(parseTicks(['3,1,3'], 5)).toEqual({ ok: true, value: [0, 2] });
    expect(parseTicks(['5'], 5)).toEqual({ ok: true, value: [4] });
    expect(parseTicks(['NONE'], 4)).toEqual({ ok: true, value: [] });
    expect(parseTicks(['all'], 4)).toEqual({ ok: true, value: [0, 1, 2, 3] });
  });

  it('refuses numbers outside 1 to the count, words and an empty list with a hint', () => {
    expect(parseTicks(['0'], 5)).toMatchObject({ ok: false, message: expect.stringContaining('from 1 to 5') });
    expect(parseTicks(['6'], 5)).toMatchObject({ ok: false, message: expect.stringContaining('`6` is not one') });
    expect(parseTicks(['1', 'two'], 5)).toMatchObject({ ok: false, message: expect.stringContaining('`two` is not one') });
    expect(parseTicks(['none', '1'], 5)).toMatchObject({ ok: false });
    expect(parseTicks([], 5)).toMatchObject({ ok: false, error: 'empty' });
  });

  it('reads a checklist form as indices below the count, dropping anything else', () => {
    expect(formTicks('2,0,junk,9,2', 5)).toEqual([0, 2]);
    expect(formTicks('4', 5)).toEqual([4]);
    expect(formTicks('5', 5)).toEqual([]);
    expect(formTicks('', 5)).toEqual([]);
  });
});

describe('grade refs carried by buttons and forms', () => {
  it('round-trip and refuse anything else', () => {
    for (const ref of [
      { source: 'round', roundId: 12 },
      { source: 'practice', practiceId: 3 },
      { source: 'review', cardId: 7, reps: 2 },
    ] as const) {
      expect(parseRef(refValue(ref))).toEqual(ref);
    }
    expect(refValue({ source: 'review', cardId: 7, reps: 2 })).toBe('c:7:2');
    for (const bad of ['', 'r:', 'x:1', 'r:1:2', 'c:7', 'r:1234567890', 'p:-1']) expect(parseRef(bad)).toBeNull();
  });
});

describe('the one-line summary of a reveal', () => {
  it('is the tldr when the question has one', () => {
    expect(summaryLine({ tldr: '  Use log loss,\nnot accuracy. ', strong_answer: 'Something longer. And more.' })).toBe(
      'Use log loss, not accuracy.',
    );
  });

  it('is otherwise the first sentence of the strong answer, not cut at an abbreviation', () => {
    expect(summaryLine({ strong_answer: 'Bias is systematic error, e.g. from wrong assumptions. Variance is the rest.' })).toBe(
      'Bias is systematic error, e.g. from wrong assumptions.',
    );
    expect(summaryLine({ strong_answer: 'Is it calibrated? Check a reliability curve first.' })).toBe(
      'Is it calibrated? Check a reliability curve first.',
    );
    expect(summaryLine({ strong_answer: 'No full stop at all here' })).toBe('No full stop at all here');
    expect(summaryLine({ strong_answer: 'x'.repeat(400) })).toHaveLength(300);
  });
});

describe('the next review reminder in the member’s own time zone', () => {
  it('is later the same local day, or the next one once the time has passed', () => {
    expect(nextReminderAt('17:00', 'UTC', new Date('2026-11-23T16:00:00Z'))).toEqual(new Date('2026-11-23T17:00:00Z'));
    expect(nextReminderAt('17:00', 'UTC', new Date('2026-11-23T17:00:00Z'))).toEqual(new Date('2026-11-24T17:00:00Z'));
    expect(nextReminderAt('17:00', 'UTC', new Date('2026-11-23T17:01:00Z'))).toEqual(new Date('2026-11-24T17:00:00Z'));
  });

  it('uses the member’s local date where it differs from UTC’s', () => {
    expect(nextReminderAt('08:00', 'Asia/Tokyo', new Date('2026-11-23T16:00:00Z'))).toEqual(new Date('2026-11-23T23:00:00Z'));
    expect(nextReminderAt('20:00', 'America/Los_Angeles', new Date('2026-11-24T03:30:00Z'))).toEqual(new Date('2026-11-24T04:00:00Z'));
  });

  it('moves a time skipped by a clock change to the first minute after it', () => {
    expect(nextReminderAt('02:30', 'Europe/Berlin', new Date('2027-03-27T12:00:00Z'))).toEqual(new Date('2027-03-28T01:00:00Z'));
  });
});

describe('the weakest category', () => {
  it('is the lowest mastery, the most recently graded on a tie, and none without grades', () => {
    const at = (d: string) => new Date(`2026-11-${d}T12:00:00Z`);
    expect(
      weakestCategory([
        { category: 'statistics', mastery: 0.5, questions: 2, lastAt: at('20') },
        { category: 'evaluation', mastery: 0.25, questions: 1, lastAt: at('21') },
        { category: 'mlops', mastery: 0.25, questions: 1, lastAt: at('22') },
      ])?.category,
    ).toBe('mlops');
    expect(weakestCategory([])).toBeNull();
  });
});
