import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { didYouMean, parseCommand, tokenize, usageLine } from '../../src/core/commands/parse.ts';
import { COMMANDS } from '../../src/core/commands/registry.ts';
import type { AnyCommand } from '../../src/core/commands/spec.ts';

const names = COMMANDS.map((c) => c.name);
const message = (result: ReturnType<typeof parseCommand>) => (result.ok ? null : result.message);
const spec = (name: string, args: unknown): AnyCommand =>
  ({ name, usage: '', summary: name, organiserOnly: false, needsChannel: false, args, run: async () => ({}) }) as unknown as AnyCommand;

describe('reading a command line into words', () => {
  it('turns control and invisible format characters into spaces between words', () => {
    expect(tokenize('/mlq\u0000ask\u200bdrift')).toEqual({ ok: true, value: ['ask', 'drift'] });
    expect(tokenize('ask\u2028calibration')).toEqual({ ok: true, value: ['ask', 'calibration'] });
  });

  it('gives no words for an empty or blank line', () => {
    expect(tokenize('')).toEqual({ ok: true, value: [] });
    expect(tokenize(' \t ')).toEqual({ ok: true, value: [] });
  });

  it('drops a leading mlq or /mlq in any case, and only that exact word', () => {
    expect(tokenize('help')).toEqual({ ok: true, value: ['help'] });
    expect(tokenize('mlq help')).toEqual({ ok: true, value: ['help'] });
    expect(tokenize('/MLQ help')).toEqual({ ok: true, value: ['help'] });
    expect(tokenize('xmlq help')).toEqual({ ok: true, value: ['xmlq', 'help'] });
    expect(tokenize('mlqx help')).toEqual({ ok: true, value: ['mlqx', 'help'] });
    expect(tokenize('help mlq')).toEqual({ ok: true, value: ['help', 'mlq'] });
  });
});

describe('did you mean', () => {
  it('suggests nothing for an empty word or an empty list', () => {
    expect(didYouMean('', names)).toBeNull();
    expect(didYouMean('help', [])).toBeNull();
  });

  it('completes a start of two letters or more, and a name with something added', () => {
    expect(didYouMean('le', names)).toBe('leaderboard');
    expect(didYouMean('lead', names)).toBe('leaderboard');
    expect(didYouMean('l', names)).toBeNull();
    expect(didYouMean('helpme', names)).toBe('help');
    expect(didYouMean('board', names)).toBeNull();
  });

  it('takes a typo of up to a third of the name, at least one letter', () => {
    expect(didYouMean('xxxderboard', names)).toBe('leaderboard');
    expect(didYouMean('xxxxerboard', names)).toBeNull();
    expect(didYouMean('asx', names)).toBe('ask');
    expect(didYouMean('axx', names)).toBeNull();
    expect(didYouMean('ab', ['ax'])).toBe('ax');
    expect(didYouMean('zzzzzz', names)).toBeNull();
  });
});

describe('an unknown command', () => {
  const usage = 'Usage: `/mlq <command>`; `/mlq help` lists the commands.';

  it('is named without a suggestion when nothing is close', () => {
    expect(message(parseCommand('/mlq zzzz', COMMANDS))).toBe(`I don't know \`zzzz\`. ${usage}`);
  });

  it('is shown up to 30 characters, and cut with an ellipsis beyond', () => {
    expect(message(parseCommand(`/mlq ${'q'.repeat(30)}`, COMMANDS))).toBe(`I don't know \`${'q'.repeat(30)}\`. ${usage}`);
    expect(message(parseCommand(`/mlq ${'q'.repeat(31)}`, COMMANDS))).toBe(`I don't know \`${'q'.repeat(30)}…\`. ${usage}`);
    expect(message(parseCommand(`/mlq ${'q'.repeat(29)}`, COMMANDS))).toBe(`I don't know \`${'q'.repeat(29)}\`. ${usage}`);
  });
});

describe('the usage line', () => {
  it('is the bare command when it takes no arguments', () => {
    const today = COMMANDS.find((c) => c.name === 'today')!;
    expect(usageLine(today)).toBe('/mlq today');
    expect(message(parseCommand('/mlq today please', COMMANDS))).toBe("I don't understand `please` here. Usage: `/mlq today`.");
  });
});

describe('a command whose arguments cannot be read', () => {
  it('gets a short reply when its schema throws', () => {
    const boom = spec(
      'boom',
      z.array(z.string()).transform(() => {
        throw new Error('broken schema');
      }),
    );
    expect(parseCommand('/mlq boom now', [boom])).toEqual({
      ok: false,
      error: 'bad-arguments',
      message: 'I could not read that command. Try `/mlq help`.',
    });
  });

  it('gets a general reason when the schema gives none', () => {
    const silent = spec('silent', { safeParse: () => ({ success: false, error: { issues: [] } }) });
    expect(message(parseCommand('/mlq silent x', [silent]))).toBe('The arguments are not right. Usage: `/mlq silent`.');
  });
});
