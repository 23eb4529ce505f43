import { describe, expect, it } from 'vitest';
import { stripMarkdown } from '../../src/core/markdown.ts';
import { card, fields, list, text } from '../../src/core/message.ts';

describe('the one Markdown stripper', () => {
  it('drops bold, italic and code marks', () => {
    expect(stripMarkdown('**Bias** is *systematic* error; see `fit()`.')).toBe('Bias is systematic error; see fit().');
  });

  it('keeps lone asterisks, multiplication and marks that span lines', () => {
    expect(stripMarkdown('x*y*z and 2 * 3 * 4')).toBe('x*y*z and 2 * 3 * 4');
    expect(stripMarkdown('* item\n* other')).toBe('* item\n* other');
    expect(stripMarkdown('*open\nclose*')).toBe('*open\nclose*');
    expect(stripMarkdown('`a\nb`')).toBe('`a\nb`');
  });

  it('hands bold text to a renderer that styles it', () => {
    expect(stripMarkdown('a **b** *c*', (t) => `<${t}>`)).toBe('a <b> c');
  });

  it('derives a card fallback through it', () => {
    const level = fields([{ label: 'Level', value: '`senior`' }]);
    const built = card('Title', [text('**Bold** and *it*'), level, list(['**one**', 'two'], 'Items')]);
    expect(built.fallback).toBe('Title\nBold and it\nLevel: senior\nItems\n- one\n- two');
  });
});
