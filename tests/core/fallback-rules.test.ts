import { describe, expect, it } from 'vitest';
import { card, context, fields, list, text } from '../../src/core/message.ts';

describe('the plain-text fallback of a card', () => {
  it('joins title, text, fields and lists without Markdown, and leaves out context lines', () => {
    const c = card('Title', [
      text('**Bold** and *it*'),
      fields([
        { label: 'Points', value: '**12**' },
        { label: 'Streak', value: '3' },
      ]),
      list(['`one`', 'two'], 'Items'),
      context('not in the fallback'),
    ]);
    expect(c.fallback).toBe('Title\nBold and it\nPoints: 12 · Streak: 3\nItems\n- one\n- two');
    expect(card(undefined, [list(['a'])]).fallback).toBe('- a');
  });

  it('keeps 300 characters whole and cuts 301 to 297 and an ellipsis of three dots', () => {
    expect(card(undefined, [text('x'.repeat(299))]).fallback).toHaveLength(299);
    expect(card(undefined, [text('x'.repeat(300))]).fallback).toBe('x'.repeat(300));
    expect(card(undefined, [text('x'.repeat(301))]).fallback).toBe(`${'x'.repeat(297)}...`);
  });

  it('shows only the start of a long first block, and a given fallback as it is', () => {
    const c = card(undefined, [text('x'.repeat(301)), text('never seen')]);
    expect(c.fallback).not.toContain('never');
    expect(card('T', [text('a'), text('b')], 'given').fallback).toBe('given');
  });
});
