import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countableWords, judgeSubstance, realWords, substanceNote } from '../../src/core/substance.ts';

const TWELVE = 'More data lowers variance, so an overfit model usually improves with it.';
const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i + 1}`).join(' ');
/** `n` words in all, `top` of them the word "blah" and the rest distinct. */
const withRepeats = (n: number, top: number) =>
  [...Array(top).fill('blah'), ...Array.from({ length: n - top }, (_, i) => `w${i}`)].join(' ');
/** A substantive text padded with a long token (not a word) to exactly `length` characters. */
const ofLength = (length: number) => `${TWELVE} ${'z'.repeat(length - TWELVE.length - 1)}`;

describe('real words', () => {
  it('counts tokens with a letter or digit, case-folded and trimmed of punctuation', () => {
    expect(realWords('Bias, variance — and (the) trade-off! 42 ...')).toEqual(['bias', 'variance', 'and', 'the', 'trade-off', '42']);
    expect(realWords('   ')).toEqual([]);
    expect(realWords('👍 🎉 --- !!!')).toEqual([]);
  });

  it('does not count a token longer than 40 characters as a word', () => {
    expect(realWords('a'.repeat(39))).toHaveLength(1);
    expect(realWords('a'.repeat(40))).toHaveLength(1);
    expect(realWords('a'.repeat(41))).toHaveLength(0);
  });
});

describe('the word bar', () => {
  it('counts exactly N words, not N - 1', () => {
    expect(realWords(TWELVE)).toHaveLength(12);
    expect(judgeSubstance(words(11), 12)).toMatchObject({ ok: false, reason: 'too-few-words', words: 11 });
    expect(judgeSubstance(words(12), 12)).toMatchObject({ ok: true, reason: 'ok', words: 12 });
    expect(judgeSubstance(words(13), 12)).toMatchObject({ ok: true, reason: 'ok', words: 13 });
    expect(judgeSubstance(TWELVE, 12).ok).toBe(true);
    expect(judgeSubstance('My answer...', 12)).toMatchObject({ ok: false, reason: 'too-few-words', words: 2 });
  });

  it('takes any reply when the bar is 0, and nothing with no words when it is 1', () => {
    expect(judgeSubstance('ok', 0).ok).toBe(true);
    expect(judgeSubstance('👍', 0).ok).toBe(true);
    expect(judgeSubstance('blah blah blah blah', 0).ok).toBe(true);
    expect(judgeSubstance('👍', 1)).toMatchObject({ ok: false, reason: 'too-few-words', words: 0 });
    expect(judgeSubstance('ok', 1).ok).toBe(true);
  });
});

describe('filler', () => {
  it('is one word making up more than half of the words: half counts, one more does not', () => {
    expect(judgeSubstance(withRepeats(14, 6), 12)).toMatchObject({ ok: true, topRepeats: 6 });
    expect(judgeSubstance(withRepeats(14, 7), 12)).toMatchObject({ ok: true, topRepeats: 7 });
    expect(judgeSubstance(withRepeats(14, 8), 12)).toMatchObject({ ok: false, reason: 'filler', topRepeats: 8 });
    expect(judgeSubstance('Blah, blah. BLAH! '.repeat(5), 12)).toMatchObject({ ok: false, reason: 'filler', words: 15, topRepeats: 15 });
  });

  it('needs at least 3 repeats, so a low bar still takes a short reply', () => {
    expect(judgeSubstance('ok ok', 1).ok).toBe(true);
    expect(judgeSubstance('ok ok ok', 1)).toMatchObject({ ok: false, reason: 'filler' });
    expect(judgeSubstance('ok ok ok fine', 1)).toMatchObject({ ok: false, reason: 'filler' });
    expect(judgeSubstance('ok ok ok fine good great', 1).ok).toBe(true);
  });
});

describe('the length bound', () => {
  it('counts 10,000 characters, not 10,001', () => {
    expect(judgeSubstance(ofLength(9_999), 12)).toMatchObject({ ok: true, chars: 9_999 });
    expect(judgeSubstance(ofLength(10_000), 12)).toMatchObject({ ok: true, chars: 10_000 });
    expect(judgeSubstance(ofLength(10_001), 12)).toMatchObject({ ok: false, reason: 'too-long', chars: 10_001 });
    expect(judgeSubstance(ofLength(10_001), 0)).toMatchObject({ ok: false, reason: 'too-long' });
  });

  it('refuses a 200 kB blob, and a shorter blob has no words', () => {
    expect(judgeSubstance('x'.repeat(200_000), 12)).toMatchObject({ ok: false, reason: 'too-long', chars: 200_000 });
    expect(judgeSubstance('x'.repeat(9_000), 12)).toMatchObject({ ok: false, reason: 'too-few-words', words: 0 });
    expect(judgeSubstance('x '.repeat(5_000), 12)).toMatchObject({ ok: false, reason: 'filler', words: 5_000 });
  });
});

describe('countable words', () => {
  it('is the highest bar a text clears', () => {
    expect(countableWords(TWELVE)).toBe(12);
    expect(countableWords(withRepeats(14, 8))).toBe(0);
    expect(countableWords(ofLength(10_000))).toBe(12);
    expect(countableWords(ofLength(10_001))).toBe(-1);
    expect(countableWords('👍')).toBe(0);
  });

  it('agrees with the judgement for every bar from 0 to 200', () => {
    const vocabulary = ['blah', 'Blah,', 'model', 'data', 'the', '—', '👍', 'x'.repeat(41), 'variance', 'bias.'];
    const text = fc.array(fc.constantFrom(...vocabulary), { maxLength: 40 }).map((ws) => ws.join(' '));
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 200 }), (t, bar) => {
        expect(judgeSubstance(t, bar).ok).toBe(countableWords(t) >= bar);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('notes', () => {
  it('tells the member the bar, what they wrote and how to fix it', () => {
    expect(substanceNote(judgeSubstance('My short take', 12), true)).toEqual({
      title: 'Thanks! Your reply does not count as an answer yet',
      body: 'An answer here needs at least 12 words and this one has 3. Edit your reply (or reply again) with your reasoning (why, a trade-off, an example) and it counts as your answer.',
    });
    expect(substanceNote(judgeSubstance('blah '.repeat(20), 12), false).body).toBe(
      'It repeats one word over and over. Answer again with your own explanation in at least 12 words and that counts.',
    );
    expect(substanceNote(judgeSubstance('x'.repeat(200_000), 12), true).body).toBe(
      'It has 200,000 characters and an answer counts up to 10,000. Edit your reply (or reply again) with the essentials and it counts as your answer.',
    );
  });
});
