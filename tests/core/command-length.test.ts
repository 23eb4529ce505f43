import { describe, expect, it } from 'vitest';
import { MAX_COMMAND_CHARS, tokenize } from '../../src/core/commands/parse.ts';

/** A command line of exactly `n` characters: `/mlq ask ` and then a word padded out. */
const line = (n: number) => `/mlq ask ${'x'.repeat(n - 9)}`;

describe('the longest command line read', () => {
  it('is 600 characters', () => {
    expect(MAX_COMMAND_CHARS).toBe(600);
  });

  it('reads a line of 599 and of 600 characters and refuses one of 601', () => {
    expect(line(600)).toHaveLength(600);
    expect(tokenize(line(599))).toMatchObject({ ok: true, value: ['ask', 'x'.repeat(590)] });
    expect(tokenize(line(600))).toMatchObject({ ok: true, value: ['ask', 'x'.repeat(591)] });
    expect(tokenize(line(601))).toEqual({
      ok: false,
      error: 'too-long',
      message: 'That command is longer than 600 characters. Try `/mlq help` for the commands.',
    });
  });

  it('measures the line after trimming and cleaning, but refuses raw input over 2,400 characters unread', () => {
    expect(tokenize(`   ${line(600)}   `).ok).toBe(true);
    expect(tokenize(`${line(600)}${' '.repeat(1800)}`).ok).toBe(true);
    expect(tokenize(`${line(600)}${' '.repeat(1801)}`)).toMatchObject({ ok: false, error: 'too-long' });
  });
});
