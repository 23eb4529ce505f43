import { describe, expect, it } from 'vitest';
import { buttons, card, cardLength, code, context, divider, fields, list, text } from '../../src/core/message.ts';

describe('a card’s fallback text', () => {
  it('joins the title, text, fields, lists and code, Markdown stripped, one part a line', () => {
    const c = card('Title', [
      fields([
        { label: 'Score', value: '**10**' },
        { label: 'Rank', value: '2' },
      ]),
      list(['**a**', 'b'], 'Items'),
      list(['c']),
      code('x = 1\ny = 2', 'python'),
    ]);
    expect(c.fallback).toBe('Title\nScore: 10 · Rank: 2\nItems\n- a\n- b\n- c\nx = 1\ny = 2');
  });

  it('keeps a fallback given', () => {
    expect(card('T', [text('a')], 'own')).toEqual({ title: 'T', blocks: [{ type: 'text', markdown: 'a' }], fallback: 'own' });
    expect(card('T', [text('a')], '').fallback).toBe('');
  });

  it('is empty for a card without a title or text', () => {
    expect(card(undefined, []).fallback).toBe('');
    expect(card('', [divider()]).fallback).toBe('');
  });

  it('stops adding blocks once past 300 characters and cuts to 297 and an ellipsis', () => {
    expect(card(undefined, [text('x'.repeat(300))]).fallback).toBe('x'.repeat(300));
    expect(card(undefined, [text('x'.repeat(301))]).fallback).toBe(`${'x'.repeat(297)}...`);
    expect(card(undefined, [text('x'.repeat(299)), text('y')]).fallback).toBe(`${'x'.repeat(297)}...`);
    expect(card(undefined, [text('x'.repeat(149)), text('y'.repeat(150))]).fallback).toBe(`${'x'.repeat(149)}\n${'y'.repeat(150)}`);
  });
});

describe('the blocks of a card', () => {
  it('builds text, fields and code blocks', () => {
    expect(text('Hi')).toEqual({ type: 'text', markdown: 'Hi' });
    expect(fields([{ label: 'A', value: '1' }])).toEqual({ type: 'fields', fields: [{ label: 'A', value: '1' }] });
    expect(code('print(1)', 'python')).toEqual({ type: 'code', code: 'print(1)', language: 'python' });
    expect(code('x')).toEqual({ type: 'code', code: 'x', language: undefined });
  });
});

describe('cardLength', () => {
  it('counts the title, text, context, field labels and values, list title and items, and code', () => {
    expect(cardLength(card(undefined, []))).toBe(0);
    expect(cardLength(card('Title', []))).toBe(5);
    expect(cardLength(card(undefined, [text('abc')]))).toBe(3);
    expect(cardLength(card(undefined, [context('abcd')]))).toBe(4);
    expect(
      cardLength(
        card(undefined, [
          fields([
            { label: 'ab', value: 'cde' },
            { label: 'f', value: '' },
          ]),
        ]),
      ),
    ).toBe(6);
    expect(cardLength(card(undefined, [list(['ab', 'cde'], 'List')]))).toBe(9);
    expect(cardLength(card(undefined, [list(['ab'])]))).toBe(2);
    expect(cardLength(card(undefined, [code('12345\n7')]))).toBe(7);
  });

  it('leaves dividers and buttons out', () => {
    expect(cardLength(card('T', [divider(), buttons([{ label: 'Press', action: 'a', value: 'v' }]), text('ab')]))).toBe(3);
  });
});
