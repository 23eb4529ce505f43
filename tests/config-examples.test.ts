import { describe, expect, it } from 'vitest';
import { loadConfig, settings } from '../src/config.ts';
import { discordConfig, discordSettings } from '../src/platforms/discord/config.ts';
import { slackConfig, slackSettings } from '../src/platforms/slack/config.ts';

type Env = Record<string, string>;
type Check = (env: Env) => { ok: true; value: unknown } | { ok: false; message: string };

/** Every settings table start-up reads, enumerated from the modules themselves. */
const GROUPS: { group: string; names: string[]; check: Check }[] = [
  { group: 'core', names: Object.keys(settings), check: (env) => loadConfig(env) },
  { group: 'Slack', names: Object.keys(slackSettings), check: (env) => slackConfig(env) },
  { group: 'Discord', names: Object.keys(discordSettings), check: (env) => discordConfig(env) },
];

/** Values at least one of which every setting refuses. */
const WRONG = ['x', '-1', '   ', 'two words, not valid!'];

/** The NAME=VALUE pairs after "for example" in a sentence. */
function examples(message: string): [string, string][] {
  const tail = message.split('; for example ')[1] ?? '';
  return tail
    .replace(/\.$/, '')
    .split(' ')
    .map((pair) => /^([A-Z_]+)=(\S+)$/.exec(pair))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => [m[1]!, m[2]!]);
}

/**
 * Does what each sentence says, again and again, until the settings are accepted. A sentence about a setting whose
 * example was already applied means that example fails its own check.
 */
function follow(check: Check, start: Env): { env: Env; named: string[]; value: unknown } {
  const env = { ...start };
  const named: string[] = [];
  const given = new Set<string>();
  for (let step = 0; step < 8; step++) {
    const result = check(env);
    if (result.ok) return { env, named, value: result.value };
    const subject = result.message.split(' ')[0]!;
    expect(given.has(subject), `the example given for ${subject} was refused: ${result.message}`).toBe(false);
    const pairs = examples(result.message);
    expect(pairs.length, `no example in: ${result.message}`).toBeGreaterThan(0);
    named.push(subject);
    for (const [name, value] of pairs) {
      env[name] = value;
      given.add(name);
    }
  }
  throw new Error(`following the examples never reached accepted settings, from ${JSON.stringify(start)}`);
}

describe('every example a setting sentence offers passes the check that offered it', () => {
  for (const { group, names, check } of GROUPS) {
    it(`${group}: ${names.length} settings`, () => {
      expect(names.length).toBeGreaterThan(3);
      // A configuration of this group that is switched on, reached by following sentences from one wrong setting.
      const on = names.map((name) => follow(check, { [name]: 'x' })).find((f) => f.value !== null);
      expect(on, `no wrong setting led to a working ${group} configuration`).toBeDefined();
      for (const name of names) {
        const refused = WRONG.map((wrong) => ({ ...on!.env, [name]: wrong })).find((env) => {
          const result = check(env);
          return !result.ok && result.message.startsWith(`${name} `);
        });
        expect(refused, `none of ${JSON.stringify(WRONG)} is refused as ${name}`).toBeDefined();
        const followed = follow(check, refused!);
        expect(followed.named[0]).toBe(name);
        expect(followed.env[name]).not.toBe(refused![name]);
        for (const wrong of WRONG) follow(check, { [name]: wrong });
      }
    });
  }

  it('reads the pairs after "for example", including two at once', () => {
    expect(examples('DISCORD_SHARDS must be x (got "y"); for example DISCORD_SHARDS=0,1 DISCORD_SHARD_COUNT=4.')).toEqual([
      ['DISCORD_SHARDS', '0,1'],
      ['DISCORD_SHARD_COUNT', '4'],
    ]);
    expect(examples('DATABASE_URL must be a Postgres connection URL; for example DATABASE_URL=postgres://a:b@c:5432/d.')).toEqual([
      ['DATABASE_URL', 'postgres://a:b@c:5432/d'],
    ]);
  });
});
