import { describe, expect, it } from 'vitest';
import {
  type CardState,
  formTicks,
  parseRef,
  parseTicks,
  refValue,
  scheduleCard,
  sourceId,
  summaryLine,
  weakestCategory,
} from '../../src/core/review-rules.ts';

const HINT = 'Give the numbers of the key points you covered, from 1 to 5, such as `1 3`, or `none` or `all`';

describe('scheduling a card that has a history', () => {
  const before: CardState = {
    due: new Date('2026-12-01T12:00:00Z'),
    stability: 10,
    difficulty: 8,
    scheduledDays: 8,
    learningSteps: 0,
    reps: 5,
    lapses: 2,
    state: 2,
    lastReview: new Date('2026-11-23T12:00:00Z'),
  };
  const at = new Date('2026-12-01T12:00:00Z');

  it('carries its stability, difficulty, reps and lapses into the next review', () => {
    expect(scheduleCard(before, 'good', at)).toEqual({
      due: new Date('2026-12-20T12:00:00Z'),
      stability: 19.35184543,
      difficulty: 7.98722837,
      scheduledDays: 19,
      learningSteps: 0,
      reps: 6,
      lapses: 2,
      state: 2,
      lastReview: at,
    });
    expect(scheduleCard(before, 'again', at)).toEqual({
      due: new Date('2026-12-02T12:00:00Z'),
      stability: 1.32026439,
      difficulty: 9.32784197,
      scheduledDays: 1,
      learningSteps: 0,
      reps: 6,
      lapses: 3,
      state: 2,
      lastReview: at,
    });
  });

  it('schedules a card never reviewed before from its due date', () => {
    const first = scheduleCard(null, 'good', new Date('2026-11-23T12:00:00Z'));
    expect(scheduleCard({ ...first, lastReview: null }, 'good', first.due)).toMatchObject({
      due: new Date('2026-11-29T12:00:00Z'),
      scheduledDays: 3,
      reps: 2,
      lastReview: first.due,
    });
  });
});

describe('grade refs', () => {
  it('write each source as its letter and ids', () => {
    expect(refValue({ source: 'round', roundId: 12 })).toBe('r:12');
    expect(refValue({ source: 'practice', practiceId: 3 })).toBe('p:3');
    expect(refValue({ source: 'mock', sessionId: 5 })).toBe('m:5');
    expect(refValue({ source: 'review', cardId: 7, reps: 2 })).toBe('c:7:2');
  });

  it('read each source back, with ids of up to 9 digits and reps of up to 6', () => {
    expect(parseRef('r:12')).toEqual({ source: 'round', roundId: 12 });
    expect(parseRef('p:3')).toEqual({ source: 'practice', practiceId: 3 });
    expect(parseRef('m:5')).toEqual({ source: 'mock', sessionId: 5 });
    expect(parseRef('c:7:2')).toEqual({ source: 'review', cardId: 7, reps: 2 });
    expect(parseRef('r:123456789')).toEqual({ source: 'round', roundId: 123456789 });
    expect(parseRef('c:123456789:123456')).toEqual({ source: 'review', cardId: 123456789, reps: 123456 });
    for (const bad of ['c:1:1234567', 'c:1234567890:1', 'C:1:2', 'R:1', ' r:1', 'r:1 ', 'm:', 'p:x', 'c:1:', 'c::1']) {
      expect(parseRef(bad)).toBeNull();
    }
  });

  it('key a grade within its source by the id, and a review by card and reps', () => {
    expect(sourceId({ source: 'round', roundId: 12 })).toBe('12');
    expect(sourceId({ source: 'practice', practiceId: 3 })).toBe('3');
    expect(sourceId({ source: 'mock', sessionId: 5 })).toBe('5');
    expect(sourceId({ source: 'review', cardId: 7, reps: 2 })).toBe('7:2');
  });
});

describe('reading ticked key points: the replies', () => {
  it('answers an empty list, or only commas, with the hint', () => {
    expect(parseTicks([], 5)).toEqual({ ok: false, error: 'empty', message: `${HINT}.` });
    expect(parseTicks([',', ''], 5)).toEqual({ ok: false, error: 'empty', message: `${HINT}.` });
  });

  it('names the first token that is not a key point, cut to 20 characters', () => {
    expect(parseTicks(['7'], 5)).toEqual({ ok: false, error: 'bad', message: `${HINT}; \`7\` is not one.` });
    expect(parseTicks(['x'.repeat(30)], 5)).toEqual({ ok: false, error: 'bad', message: `${HINT}; \`${'x'.repeat(20)}\` is not one.` });
    expect(parseTicks(['100'], 99)).toMatchObject({ ok: false, error: 'bad' });
    expect(parseTicks(['all', 'none'], 5)).toMatchObject({ ok: false, error: 'bad' });
    expect(parseTicks(['-1'], 5)).toMatchObject({ ok: false, error: 'bad' });
  });

  it('reads one or two digits, with a leading zero, and drops empty pieces between commas', () => {
    expect(parseTicks(['01', '2,'], 5)).toEqual({ ok: true, value: [0, 1] });
    expect(parseTicks(['12'], 12)).toEqual({ ok: true, value: [11] });
    expect(parseTicks(['All'], 2)).toEqual({ ok: true, value: [0, 1] });
    expect(parseTicks(['none'], 2)).toEqual({ ok: true, value: [] });
  });

  it('takes none and all only as whole words, and numbers only as whole tokens', () => {
    for (const bad of ['xnone', 'nonex', 'xall', 'allx', 'x1', '1x'])
      expect(parseTicks([bad], 5)).toMatchObject({ ok: false, error: 'bad' });
  });

  it('reads a form’s one- or two-digit indices only', () => {
    expect(formTicks('01,3,,x,-1,100,49,50', 50)).toEqual([1, 3, 49]);
    expect(formTicks('123,1x', 200)).toEqual([]);
  });
});

describe('the one-line summary: where the first sentence ends', () => {
  it('falls back to the strong answer when the tldr is blank', () => {
    expect(summaryLine({ tldr: '   ', strong_answer: 'Short one. Second sentence here.' })).toBe('Short one. Second sentence here.');
    expect(summaryLine({ tldr: '', strong_answer: 'A  B' })).toBe('A B');
    expect(summaryLine({ tldr: ' Use  log\n\nloss ', strong_answer: 'x' })).toBe('Use log loss');
    expect(summaryLine({ strong_answer: '  No stop here  ' })).toBe('No stop here');
  });

  it('ends at a stop of at least 20 characters followed by a capital, a digit, a quote or a bracket', () => {
    const first = 'This sentence is long enough.';
    expect(summaryLine({ strong_answer: `${first} Next one.` })).toBe(first);
    expect(summaryLine({ strong_answer: `${first} "Quoted" next.` })).toBe(first);
    expect(summaryLine({ strong_answer: `${first}\n\n(Aside) next.` })).toBe(first);
    expect(summaryLine({ strong_answer: `${first} 2 more.` })).toBe(first);
    expect(summaryLine({ strong_answer: `${first} lower case next. Then.` })).toBe(`${first} lower case next.`);
    expect(summaryLine({ strong_answer: 'Nineteen chars ok. Then the rest.' })).toBe('Nineteen chars ok. Then the rest.');
    expect(summaryLine({ strong_answer: 'Twenty characters ok. Then the rest.' })).toBe('Twenty characters ok.');
  });

  it('keeps 300 characters and cuts 301 to 299 and an ellipsis', () => {
    expect(summaryLine({ strong_answer: 'x'.repeat(300) })).toBe('x'.repeat(300));
    expect(summaryLine({ strong_answer: 'x'.repeat(301) })).toBe(`${'x'.repeat(299)}…`);
  });
});

describe('the weakest category: ties', () => {
  const at = (d: string) => new Date(`2026-11-${d}T12:00:00Z`);

  it('keeps the earlier row on a tie graded at the same time, and the more recent whatever the order', () => {
    const a = { category: 'statistics' as const, mastery: 0.25, questions: 1, lastAt: at('20') };
    const b = { category: 'mlops' as const, mastery: 0.25, questions: 1, lastAt: at('20') };
    const c = { category: 'evaluation' as const, mastery: 0.25, questions: 1, lastAt: at('19') };
    const d = { category: 'deep-learning' as const, mastery: 0.5, questions: 1, lastAt: at('25') };
    expect(weakestCategory([a, b])).toBe(a);
    expect(weakestCategory([c, a])).toBe(a);
    expect(weakestCategory([a, c])).toBe(a);
    expect(weakestCategory([a, d])).toBe(a);
    expect(weakestCategory([d, a])).toBe(a);
    expect(weakestCategory([d])).toBe(d);
  });
});
