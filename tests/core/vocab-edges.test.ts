import { describe, expect, it } from 'vitest';
import { joinCategoryPhrases, resolveCategory } from '../../src/core/vocab.ts';

describe('joinCategoryPhrases', () => {
  it('joins a two-word category name into its one-word alias, in any case', () => {
    expect(joinCategoryPhrases(['ask', 'Coding', 'Round', 'senior'])).toEqual(['ask', 'coding-round', 'senior']);
    expect(joinCategoryPhrases(['SYSTEM', 'DESIGN'])).toEqual(['system-design']);
    expect(joinCategoryPhrases(['case', 'study', 'mid'])).toEqual(['case-study', 'mid']);
    expect(joinCategoryPhrases(['deep', 'learning'])).toEqual(['deep-learning']);
  });

  it('joins each phrase of a line and keeps the words between them', () => {
    expect(joinCategoryPhrases(['live', 'coding', 'or', 'feature', 'engineering'])).toEqual(['live-coding', 'or', 'feature-engineering']);
    expect(joinCategoryPhrases(['ml', 'coding', 'ml', 'coding'])).toEqual(['ml-coding', 'ml-coding']);
  });

  it('leaves words that are not a phrase, and a phrase word at the end, as they are', () => {
    expect(joinCategoryPhrases(['Coding', 'senior'])).toEqual(['Coding', 'senior']);
    expect(joinCategoryPhrases(['senior', 'coding'])).toEqual(['senior', 'coding']);
    expect(joinCategoryPhrases(['round', 'coding'])).toEqual(['round', 'coding']);
    expect(joinCategoryPhrases(['system'])).toEqual(['system']);
    expect(joinCategoryPhrases([])).toEqual([]);
  });

  it('pairs each word with the one after it, not the one before', () => {
    expect(joinCategoryPhrases(['coding', 'round', 'round'])).toEqual(['coding-round', 'round']);
    expect(joinCategoryPhrases(['x', 'coding', 'round'])).toEqual(['x', 'coding-round']);
  });

  it('gives joined phrases that resolve to their category', () => {
    expect(joinCategoryPhrases(['coding', 'interview']).map(resolveCategory)).toEqual(['coding']);
    expect(joinCategoryPhrases(['neural', 'networks']).map(resolveCategory)).toEqual(['deep-learning']);
  });
});
