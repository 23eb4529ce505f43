import { describe, expect, it } from 'vitest';
import { NOT_SUBSCRIBED, privately, publicly, say } from '../../src/core/commands/reply.ts';
import { buttons, card, context, divider, list, text } from '../../src/core/message.ts';

describe('the blocks of a card', () => {
  it('builds context lines, dividers and button rows as the renderers expect them', () => {
    expect(context('Small print')).toEqual({ type: 'context', markdown: 'Small print' });
    expect(divider()).toEqual({ type: 'divider' });
    expect(buttons([{ label: 'Go', action: 'x.go', value: '7' }])).toEqual({
      type: 'buttons',
      buttons: [{ label: 'Go', action: 'x.go', value: '7' }],
    });
  });

  it('makes a list unordered unless asked for numbers', () => {
    expect(list(['a', 'b'])).toEqual({ type: 'list', items: ['a', 'b'], title: undefined, ordered: false });
    expect(list(['a'], 'Steps', true)).toEqual({ type: 'list', items: ['a'], title: 'Steps', ordered: true });
  });

  it('leaves buttons and dividers out of the fallback', () => {
    expect(card('T', [text('a'), divider(), buttons([{ label: 'Go', action: 'x.go', value: '7' }]), text('b')]).fallback).toBe('T\na\nb');
  });

  it('cuts the fallback when the blocks after one reaching exactly 300 characters push it past 300', () => {
    expect(card(undefined, [text('x'.repeat(300)), text('more')]).fallback).toBe(`${'x'.repeat(297)}...`);
    expect(card('T', [text('x'.repeat(298)), text('more')]).fallback).toBe(`T\n${'x'.repeat(295)}...`);
    expect(card('T', [text('x'.repeat(297)), context('not counted')]).fallback).toBe(`T\n${'x'.repeat(297)}`);
  });
});

describe('command replies', () => {
  it('marks a reply private or public', () => {
    const c = card('T', [text('a')]);
    expect(privately(c)).toEqual({ card: c, visibility: 'private' });
    expect(publicly(c)).toEqual({ card: c, visibility: 'public' });
  });

  it('says a short sentence privately, with any further blocks after it', () => {
    expect(say('Done.')).toEqual({
      card: { title: undefined, blocks: [{ type: 'text', markdown: 'Done.' }], fallback: 'Done.' },
      visibility: 'private',
    });
    expect(say('Done.', context('More in `/mlq help`.')).card.blocks).toEqual([
      { type: 'text', markdown: 'Done.' },
      { type: 'context', markdown: 'More in `/mlq help`.' },
    ]);
  });

  it('tells a member in an unsubscribed channel how an organiser subscribes it', () => {
    expect(NOT_SUBSCRIBED).toBe('This channel has no daily question yet. An organiser can run `/mlq start` to subscribe it.');
  });
});
