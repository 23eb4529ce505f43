import { describe, expect, it } from 'vitest';
import { stripMarkdown } from '../../src/core/markdown.ts';
import { pickQuestion } from '../../src/core/picker.ts';
import { splitText } from '../../src/core/split-text.ts';

describe('splitting long text', () => {
  it('keeps text of exactly the limit in one piece and splits one character more', () => {
    expect(splitText('aaaaaa bb', 9)).toEqual(['aaaaaa bb']);
    expect(splitText('aaaaaa bbb', 9)).toEqual(['aaaaaa', 'bbb']);
  });
});

describe('markdown as plain text', () => {
  it('drops italics marks at the very start of the text', () => {
    expect(stripMarkdown('*italic* start')).toBe('italic start');
  });
});

describe('picking among equally fresh questions', () => {
  it('indexes the pool by the random number', () => {
    const candidates = ['q1', 'q2', 'q3'].map((id) => ({ id, category: 'statistics' as const, level: 'mid' as const }));
    const pick = (r: number) => pickQuestion(candidates, new Map(), { categories: [], levels: [] }, () => r);
    expect([pick(0), pick(0.34), pick(0.7), pick(0.99)]).toEqual(['q1', 'q2', 'q3', 'q3']);
  });
});
