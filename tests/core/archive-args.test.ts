import { describe, expect, it } from 'vitest';
import { archiveArgs } from '../../src/core/commands/archive-command.ts';

/** The parsed arguments, or the first issue's message. */
const parse = (text: string) => {
  const result = archiveArgs.safeParse(text.split(' ').filter(Boolean));
  return result.success ? result.data : result.error.issues[0]!.message;
};

describe("/mlq archive's arguments", () => {
  it('takes a page from 1 to 50 as the last two words, and refuses 0, 51 and anything but digits', () => {
    expect(parse('drift page 1')).toEqual({ words: ['drift'], category: undefined, page: 1 });
    expect(parse('drift page 50')).toEqual({ words: ['drift'], category: undefined, page: 50 });
    expect(parse('page 2')).toEqual({ words: [], category: undefined, page: 2 });
    expect(parse('drift Page 07')).toEqual({ words: ['drift'], category: undefined, page: 7 });
    for (const bad of ['page 0', 'page 51', 'page 2x', 'page x2', 'page -1', 'page 12345'])
      expect(parse(`drift ${bad}`)).toBe('give a page from 1 to 50');
    expect(parse('page')).toEqual({ words: ['page'], category: undefined, page: 1 });
  });

  it('takes a category only as the last word, in any case', () => {
    expect(parse('drift MLOps')).toEqual({ words: ['drift'], category: 'mlops', page: 1 });
    expect(parse('mlops drift')).toEqual({ words: ['mlops', 'drift'], category: undefined, page: 1 });
    expect(parse('mlops page 3')).toEqual({ words: [], category: 'mlops', page: 3 });
    expect(parse('drift mlopsy')).toEqual({ words: ['drift', 'mlopsy'], category: undefined, page: 1 });
  });

  it('keeps the search to 40 characters and 16 words', () => {
    const forty = `${'a'.repeat(19)} ${'b'.repeat(20)}`;
    expect(parse(forty)).toEqual({ words: ['a'.repeat(19), 'b'.repeat(20)], category: undefined, page: 1 });
    expect(parse(`${forty}b`)).toBe('keep the search to 40 characters');
    const sixteen = Array.from({ length: 16 }, () => 'x').join(' ');
    expect(parse(sixteen)).toEqual({ words: sixteen.split(' '), category: undefined, page: 1 });
    expect(parse(`${sixteen} x`)).toBe('keep the search to 40 characters');
  });

  it('refuses a word with ~ in it, anywhere in the search', () => {
    expect(parse('drift ~5')).toBe('search with words, without ~');
    expect(parse('a~b drift')).toBe('search with words, without ~');
    expect(parse('drift tilde')).toEqual({ words: ['drift', 'tilde'], category: undefined, page: 1 });
  });
});
