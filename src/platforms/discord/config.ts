import type { Result } from '../../core/result.ts';

export interface DiscordConfig {
  token: string;
  guildId?: string;
  apiUrl?: string;
  messageContent: boolean;
  /** Shards this process connects: 'auto' (all, as many as Discord recommends) or a list with the total count. */
  shards: 'auto' | { ids: number[]; count: number };
}

const checks = {
  DISCORD_TOKEN: { test: (v: string) => /^[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{16,}$/.test(v), problem: 'must be a bot token (three dot-separated parts from the Developer Portal’s Bot page)', example: 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GAbCdE.abcdefghijklmnopqrstuvwxyz012345' },
  DISCORD_GUILD_ID: { test: (v: string) => /^\d{17,20}$/.test(v), problem: 'must be a server (guild) id of 17 to 20 digits', example: '123456789012345678' },
  DISCORD_API_URL: { test: (v: string) => /^https?:\/\/\S+$/.test(v) && URL.canParse(v) && !/\/v\d+\/?$/.test(v), problem: 'must be an http(s) REST base URL without the API version', example: 'https://discord.com/api' },
  DISCORD_MESSAGE_CONTENT: { test: (v: string) => /^(true|false)$/i.test(v), problem: 'must be true or false', example: 'false' },
  DISCORD_SHARDS: { test: (v: string) => /^(auto|\d{1,4}(,\d{1,4})*)$/.test(v), problem: 'must be auto or a comma-separated list of shard ids', example: '0,1' },
  DISCORD_SHARD_COUNT: { test: (v: string) => /^[1-9]\d{0,4}$/.test(v), problem: 'must be the total number of shards', example: '4' },
} as const;

type Name = keyof typeof checks;

/** Reads the Discord settings; null when Discord is not configured, one sentence naming the wrong setting otherwise. */
export function discordConfig(env: NodeJS.ProcessEnv): Result<DiscordConfig | null, 'bad-setting'> {
  const get = (n: Name) => env[n]?.trim() || undefined;
  const present = (Object.keys(checks) as Name[]).filter((n) => get(n));
  if (!get('DISCORD_TOKEN')) {
    const stray = present.find((n) => n !== 'DISCORD_API_URL' && n !== 'DISCORD_MESSAGE_CONTENT');
    if (!stray) return { ok: true, value: null };
    return { ok: false, error: 'bad-setting', message: `DISCORD_TOKEN is needed when ${stray} is set; for example DISCORD_TOKEN=${checks.DISCORD_TOKEN.example}.` };
  }
  for (const name of present) {
    const value = get(name)!;
    if (!checks[name].test(value)) {
      const shown = name === 'DISCORD_TOKEN' ? `${value.slice(0, 5)}…` : value.slice(0, 60);
      return { ok: false, error: 'bad-setting', message: `${name} ${checks[name].problem} (got "${shown}"); for example ${name}=${checks[name].example}.` };
    }
  }
  const shards = get('DISCORD_SHARDS') ?? 'auto';
  const count = Number(get('DISCORD_SHARD_COUNT') ?? 0);
  const ids = shards === 'auto' ? [] : shards.split(',').map(Number);
  if (shards !== 'auto' && (!count || ids.some((id) => id >= count))) {
    return { ok: false, error: 'bad-setting', message: `DISCORD_SHARD_COUNT must be set and larger than every id in DISCORD_SHARDS (got "${get('DISCORD_SHARD_COUNT') ?? ''}"); for example DISCORD_SHARDS=0,1 DISCORD_SHARD_COUNT=4.` };
  }
  return {
    ok: true,
    value: {
      shards: shards === 'auto' ? 'auto' : { ids, count },
      token: get('DISCORD_TOKEN')!,
      guildId: get('DISCORD_GUILD_ID'),
      apiUrl: get('DISCORD_API_URL')?.replace(/\/$/, ''),
      messageContent: (get('DISCORD_MESSAGE_CONTENT') ?? 'true').toLowerCase() === 'true',
    },
  };
}
