import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { discordConfig } from '../src/platforms/discord/config.ts';
import { TOKEN } from './helpers/discord-harness.ts';

const discord = (env: Record<string, string>) => discordConfig({ DISCORD_TOKEN: TOKEN, ...env });
const value = (env: Record<string, string>) => {
  const result = discord(env);
  if (!result.ok) throw new Error(result.message);
  return result.value!;
};

describe('DISCORD_SHARD_LEASE', () => {
  it('is 30 seconds by default and takes 3 to 300', () => {
    expect(value({}).shardLeaseMs).toBe(30_000);
    expect(value({ DISCORD_SHARD_LEASE: '3' }).shardLeaseMs).toBe(3000);
    expect(value({ DISCORD_SHARD_LEASE: '4' }).shardLeaseMs).toBe(4000);
    expect(value({ DISCORD_SHARD_LEASE: '299' }).shardLeaseMs).toBe(299_000);
    expect(value({ DISCORD_SHARD_LEASE: '300' }).shardLeaseMs).toBe(300_000);
  });

  it('refuses values outside 3 to 300 in one sentence naming it', () => {
    for (const wrong of ['2', '301', '0', '1.5', 'ten']) {
      expect(discord({ DISCORD_SHARD_LEASE: wrong })).toEqual({
        ok: false,
        error: 'bad-setting',
        message: `DISCORD_SHARD_LEASE must be a number of seconds from 3 to 300 (got "${wrong}"); for example DISCORD_SHARD_LEASE=30.`,
      });
    }
  });

  it('is ignored without a token, like the other settings that only tune Discord', () => {
    expect(discordConfig({ DISCORD_SHARD_LEASE: '10' })).toEqual({ ok: true, value: null });
  });
});

describe('DISCORD_SHARD_COUNT without DISCORD_SHARDS', () => {
  it('makes every shard of that count one a replica may own; without it Discord’s recommended count is used', () => {
    expect(value({ DISCORD_SHARD_COUNT: '3' }).shards).toEqual({ ids: [0, 1, 2], count: 3 });
    expect(value({}).shards).toBe('auto');
    expect(value({ DISCORD_SHARDS: '1', DISCORD_SHARD_COUNT: '2' }).shards).toEqual({ ids: [1], count: 2 });
  });
});

describe('MLQ_STOP_TIMEOUT', () => {
  const config = (env: Record<string, string>) => loadConfig(env);
  it('is 10 seconds by default and takes 1 to 300', () => {
    for (const [given, seconds] of [
      [undefined, 10],
      ['1', 1],
      ['2', 2],
      ['299', 299],
      ['300', 300],
    ] as const) {
      const result = config(given === undefined ? {} : { MLQ_STOP_TIMEOUT: given });
      expect(result.ok && result.value.MLQ_STOP_TIMEOUT).toBe(seconds);
    }
  });

  it('refuses 0, 301 and words in one sentence naming it', () => {
    for (const wrong of ['0', '301', 'soon']) {
      expect(config({ MLQ_STOP_TIMEOUT: wrong })).toEqual({
        ok: false,
        error: 'bad-setting',
        message: `MLQ_STOP_TIMEOUT must be a number of seconds from 1 to 300 that stopping may take before mlq exits anyway (got "${wrong}"); for example MLQ_STOP_TIMEOUT=10.`,
      });
    }
  });
});
