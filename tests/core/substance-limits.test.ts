import { describe, expect, it } from 'vitest';
import { judgeSubstance, realWords, substanceNote } from '../../src/core/substance.ts';

describe('real words', () => {
  it('trims every surrounding punctuation mark, not just one', () => {
    expect(realWords('«¿¿Why?!» ((really))')).toEqual(['why', 'really']);
  });
});

describe('a reply over 10,000 characters', () => {
  it('is judged too long without counting its words', () => {
    const text = 'ab '.repeat(3334);
    expect(text).toHaveLength(10_002);
    expect(judgeSubstance(text, 12)).toEqual({ ok: false, reason: 'too-long', words: 0, topRepeats: 0, chars: 10_002, minWords: 12 });
  });

  it('gets a note titled for its length', () => {
    expect(substanceNote(judgeSubstance('x'.repeat(10_001), 12), true).title).toBe('Your reply is too long to count as an answer');
  });
});

describe('a filler reply', () => {
  it('gets a note titled as not counting yet', () => {
    const verdict = judgeSubstance('yes '.repeat(12), 12);
    expect(verdict.reason).toBe('filler');
    expect(substanceNote(verdict, false).title).toBe('Your reply does not count as an answer yet');
  });
});
