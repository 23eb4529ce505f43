import { describe, expect, it } from 'vitest';
import { literal, mention, resolved, words } from '../../src/core/commands/args.ts';
import { parseCommand } from '../../src/core/commands/parse.ts';
import { COMMANDS } from '../../src/core/commands/registry.ts';

const message = (result: ReturnType<typeof parseCommand>) => (result.ok ? null : result.message);

describe('/mlq ask takes at most 3 topic words', () => {
  it('accepts 2 and 3 words and refuses 4, saying the limit', () => {
    const two = parseCommand('/mlq ask calibration drift', COMMANDS);
    expect(two.ok && two.value.args).toEqual({ rest: ['calibration', 'drift'] });
    const three = parseCommand('/mlq ask senior calibration drift bias', COMMANDS);
    expect(three.ok && three.value.args).toEqual({ level: 'senior', rest: ['calibration', 'drift', 'bias'] });
    const four = parseCommand('/mlq ask calibration drift bias variance', COMMANDS);
    expect(four.ok).toBe(false);
    expect(message(four)).toContain('That is too many words (at most 3).');
  });
});

describe('argument words', () => {
  it('fills each slot once, in any order, and names a leftover word cut to 40 characters', () => {
    const schema = words({ period: literal('week', 'all'), who: mention });
    expect(schema.parse(['<@test:bob>', 'ALL'])).toEqual({ who: 'test:bob', period: 'all', rest: [] });
    const leftover = schema.safeParse(['week', 'all']);
    expect(leftover.success).toBe(false);
    expect(leftover.error?.issues[0]?.message).toBe("I don't understand `all` here");
    const long = schema.safeParse([`${'x'.repeat(40)}yyy`]);
    expect(long.error?.issues[0]?.message).toBe(`I don't understand \`${'x'.repeat(40)}\` here`);
  });

  it('keeps rest words only when allowed, up to the maximum', () => {
    expect(words({}, { rest: true }).parse(['a', 'b', 'c', 'd'])).toEqual({ rest: ['a', 'b', 'c', 'd'] });
    expect(words({}, { rest: true, maxRest: 1 }).parse(['a'])).toEqual({ rest: ['a'] });
    expect(words({}, { rest: true, maxRest: 1 }).safeParse(['a', 'b']).success).toBe(false);
    expect(words({}, { rest: true, maxRest: 0 }).parse([])).toEqual({ rest: [] });
  });

  it('reads a mention as the member id inside <@…>', () => {
    expect(mention.parse('<@slack:T1:U1>')).toBe('slack:T1:U1');
    expect(mention.safeParse('<@>').success).toBe(false);
    expect(mention.safeParse('@bob').success).toBe(false);
  });

  it('explains a wrong literal and an unknown lookup', () => {
    expect(literal('week', 'all').safeParse('month').error?.issues[0]?.message).toBe('expected week or all');
    const category = resolved((w) => (w === 'stats' ? 'statistics' : null), 'category');
    expect(category.parse('stats')).toBe('statistics');
    expect(category.safeParse(`${'z'.repeat(45)}`).error?.issues[0]?.message).toBe(`\`${'z'.repeat(40)}\` is not a category`);
  });
});
