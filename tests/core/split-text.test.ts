import { describe, expect, it } from 'vitest';
import { splitText } from '../../src/core/split-text.ts';

describe('splitting text into pieces of at most max characters', () => {
  it('keeps text of max-1 and of max characters whole, and splits max+1', () => {
    expect(splitText('a'.repeat(9), 10)).toEqual(['a'.repeat(9)]);
    expect(splitText('a'.repeat(10), 10)).toEqual(['a'.repeat(10)]);
    expect(splitText('a'.repeat(11), 10)).toEqual(['a'.repeat(10), 'a']);
  });

  it('cuts at the last space in the window when it is past the middle', () => {
    expect(splitText('aaaaaa bbbbbbbb', 10)).toEqual(['aaaaaa', 'bbbbbbbb']);
    expect(splitText('aaaaaaaaa bb', 10)).toEqual(['aaaaaaaaa', 'bb']);
  });

  it('cuts hard at max when the only break is at or before the middle', () => {
    expect(splitText('aaaaa bbbbbbbbbb', 10)).toEqual(['aaaaa bbbb', 'bbbbbb']);
    expect(splitText('aaaaaa bbbbbbbbbb', 10)).toEqual(['aaaaaa', 'bbbbbbbbbb']);
  });

  it('cuts at the latest break of any kind, and never returns an empty piece', () => {
    expect(splitText('aaaa bb\ncc dd', 10)).toEqual(['aaaa bb', 'cc dd']);
    expect(splitText('', 10)).toEqual([]);
    expect(splitText('aaaaaaa\n\n\nbbbb', 10)).toEqual(['aaaaaaa', 'bbbb']);
  });
});
