import { describe, expect, it } from 'vitest';
import { reviewArgs } from '../../src/core/commands/review-commands.ts';

/** The parsed arguments, or the first issue's message. */
const parse = (...tokens: string[]) => {
  const result = reviewArgs.safeParse(tokens);
  return result.success ? result.data : result.error.issues[0]!.message;
};
const notAction = (word: string) => `\`${word}\` is not a review action: use show, grade or remind`;

describe("/mlq review's arguments", () => {
  it('reads the queue, show, grade, add and remind by their first word, in any case', () => {
    expect(parse()).toEqual({ kind: 'queue' });
    expect(parse('Show')).toEqual({ kind: 'show' });
    expect(parse('show', 'me')).toBe(notAction('show'));
    expect(parse('GRADE', '1', '3')).toEqual({ kind: 'grade', words: ['1', '3'] });
    expect(parse('grade')).toEqual({ kind: 'grade', words: [] });
    expect(parse('add', 'Bias-Variance-Tradeoff')).toEqual({ kind: 'add', questionId: 'bias-variance-tradeoff' });
    expect(parse('add')).toEqual({ kind: 'add', questionId: '' });
    expect(parse('add', 'a', 'b')).toEqual({ kind: 'add', questionId: '' });
    expect(parse('Remind', '8am', 'Europe/Berlin')).toEqual({ kind: 'remind', words: ['8am', 'Europe/Berlin'] });
  });

  it('takes a bare time with a colon or am/pm, or off, as a reminder, keeping every word', () => {
    expect(parse('8am')).toEqual({ kind: 'remind', words: ['8am'] });
    expect(parse('12PM', 'UTC')).toEqual({ kind: 'remind', words: ['12PM', 'UTC'] });
    expect(parse('08:30')).toEqual({ kind: 'remind', words: ['08:30'] });
    expect(parse('7:45pm')).toEqual({ kind: 'remind', words: ['7:45pm'] });
    expect(parse('OFF')).toEqual({ kind: 'remind', words: ['OFF'] });
    for (const word of ['x8am', '8amx', '123am', '8:5', '8:300', 'offx', 'xoff', '8xm', '8m']) expect(parse(word)).toBe(notAction(word));
  });

  it('takes bare numbers of one or two digits, none or all, as a grade', () => {
    expect(parse('8')).toEqual({ kind: 'grade', words: ['8'] });
    expect(parse('1,3,12', 'extra')).toEqual({ kind: 'grade', words: ['1,3,12', 'extra'] });
    expect(parse('None')).toEqual({ kind: 'grade', words: ['None'] });
    expect(parse('all')).toEqual({ kind: 'grade', words: ['all'] });
    for (const word of ['123', '1,123', '1,x', 'x1', '1,', 'nonex', 'xall']) expect(parse(word)).toBe(notAction(word));
  });

  it('quotes at most 30 characters of a wrong first word', () => {
    expect(parse(`${'a'.repeat(30)}b`)).toBe(notAction('a'.repeat(30)));
  });
});
