import { describe, expect, it } from 'vitest';
import { pageCommand, parseSearch, searchValue } from '../../src/core/archive.ts';

describe('an archive page button’s value', () => {
  it('is page~cursor~category~words and reads back to the same search', () => {
    const search = { page: 2, cursor: 'c-17', category: 'statistics' as const, words: ['p', 'value'] };
    expect(searchValue(search)).toBe('2~c-17~statistics~p value');
    expect(parseSearch('2~c-17~statistics~p value')).toEqual(search);
  });

  it('leaves out an absent cursor and category, and drops empty words', () => {
    expect(searchValue({ page: 1, words: [] })).toBe('1~~~');
    expect(parseSearch('1~~~')).toEqual({ page: 1, cursor: undefined, category: undefined, words: [] });
    expect(parseSearch('3~~~a  b ')).toEqual({ page: 3, cursor: undefined, category: undefined, words: ['a', 'b'] });
  });

  it('takes a page of at most 3 digits', () => {
    expect(parseSearch('999~~~')?.page).toBe(999);
    expect(parseSearch('1000~~~')).toBeNull();
    expect(parseSearch('~~~')).toBeNull();
  });

  it('takes a cursor of at most 40 characters and words of at most 80', () => {
    expect(parseSearch(`1~${'c'.repeat(40)}~~`)?.cursor).toBe('c'.repeat(40));
    expect(parseSearch(`1~${'c'.repeat(41)}~~`)).toBeNull();
    expect(parseSearch(`1~~~${'w'.repeat(80)}`)?.words).toEqual(['w'.repeat(80)]);
    expect(parseSearch(`1~~~${'w'.repeat(81)}`)).toBeNull();
  });

  it('takes only a known category, and nothing before or after the four parts', () => {
    expect(parseSearch('1~~evaluation~')?.category).toBe('evaluation');
    expect(parseSearch('1~~astrology~')).toBeNull();
    expect(parseSearch('1~~Statistics~')).toBeNull();
    expect(parseSearch('x1~~~')).toBeNull();
    expect(parseSearch('1~~~~')?.words).toEqual(['~']);
    expect(parseSearch('1~~~a\nb')?.words).toEqual(['a\nb']);
  });
});

describe('the command for another archive page', () => {
  it('names the words and category, and the page from page 2 on', () => {
    expect(pageCommand({ words: ['p', 'value'], category: 'statistics' }, 2)).toBe('/mlq archive p value statistics page 2');
    expect(pageCommand({ words: ['p', 'value'] }, 1)).toBe('/mlq archive p value');
    expect(pageCommand({ words: [] }, 1)).toBe('/mlq archive');
    expect(pageCommand({ words: [] }, 0)).toBe('/mlq archive');
  });
});
