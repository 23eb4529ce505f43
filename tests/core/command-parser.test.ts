import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCommand, tokenize } from '../../src/core/commands/parse.ts';
import { COMMANDS } from '../../src/core/commands/registry.ts';

const hostile = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom('', ' ', '\u0000', '\u202e', '\t\n', "'; drop table answers; --", '/mlq', '/mlq  ', '/MLQ HELP', '<@>', '<@x y>'),
  fc.string({ maxLength: 5000 }),
  fc
    .tuple(
      fc.constantFrom('/mlq ', '', 'mlq '),
      fc.constantFrom(...COMMANDS.map((c) => c.name), 'lb', 'helpp', 'strek', 'conifg'),
      fc.array(
        fc.oneof(
          fc.constantFrom(
            'week',
            'all',
            'public',
            'time',
            '25:00',
            '09:30',
            'timezone',
            'Mars/Base',
            'Europe/Berlin',
            'days',
            'mon-fri',
            'reveal',
            '6h',
            '0m',
            'categories',
            'stats',
            'levels',
            'senior',
            '<@test:bob>',
            "' OR 1=1 --",
            '%',
            '_',
          ),
          fc.string({ maxLength: 30 }),
        ),
        { maxLength: 6 },
      ),
    )
    .map(([prefix, name, rest]) => `${prefix}${name} ${rest.join(' ')}`),
);

describe('the /mlq command parser', () => {
  it('never throws on 10,000 random and hostile lines and always returns a command or a helpful reply', () => {
    fc.assert(
      fc.property(hostile, (line) => {
        const result = parseCommand(line, COMMANDS);
        if (result.ok) {
          expect(COMMANDS).toContain(result.value.spec);
        } else {
          expect(['too-long', 'unknown-command', 'bad-arguments']).toContain(result.error);
          expect(result.message.length).toBeGreaterThan(10);
          expect(result.message.length).toBeLessThan(500);
          expect(result.message).toMatch(/\/mlq/);
        }
      }),
      { numRuns: 10_000 },
    );
  });

  it('reads each command and its arguments in any order', () => {
    const lb = parseCommand('/mlq leaderboard public all', COMMANDS);
    expect(lb.ok && lb.value.spec.name).toBe('leaderboard');
    expect(lb.ok && lb.value.args).toEqual({ period: 'all', visibility: 'public', rest: [] });
    const ask = parseCommand('/mlq ask senior stats peeking', COMMANDS);
    expect(ask.ok && ask.value.args).toEqual({ level: 'senior', category: 'statistics', rest: ['peeking'] });
    const empty = parseCommand('/mlq', COMMANDS);
    expect(empty.ok && empty.value.spec.name).toBe('help');
  });

  it('answers an unknown word with a did-you-mean and the usage line', () => {
    const result = parseCommand('/mlq leaderbord', COMMANDS);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain('Did you mean `/mlq leaderboard`?');
    expect(!result.ok && result.error).toBe('unknown-command');
  });

  it('explains a bad argument with the usage line', () => {
    const result = parseCommand('/mlq leaderboard monthly', COMMANDS);
    expect(!result.ok && result.message).toBe(
      "I don't understand `monthly` here. Usage: `/mlq leaderboard [week|month|season|all] [public]`.",
    );
    const time = parseCommand('/mlq config time 7 oclock', COMMANDS);
    expect(!time.ok && time.message).toMatch(/not a time; write it like 09:30/);
    const zone = parseCommand('/mlq config timezone Berlin', COMMANDS);
    expect(!zone.ok && zone.message).toMatch(/Europe\/Berlin/);
  });

  it('strips control characters and refuses huge lines politely', () => {
    expect(tokenize('/mlq\u0000 help\u202e')).toEqual({ ok: true, value: ['help'] });
    const huge = parseCommand(`/mlq ask ${'x'.repeat(10_000)}`, COMMANDS);
    expect(!huge.ok && huge.error).toBe('too-long');
  });
});

describe('reply visibility known before a command runs', () => {
  it('is public only for start, stop and a leaderboard asked for with public', async () => {
    const { expectsPublicReply } = await import('../../src/core/commands/run.ts');
    expect(['/mlq start', '/mlq stop', '/mlq leaderboard all public'].map(expectsPublicReply)).toEqual([true, true, true]);
    expect(['/mlq leaderboard', '/mlq help', '/mlq streak', '/mlq nonsense'].map(expectsPublicReply)).toEqual([false, false, false, false]);
  });
});
