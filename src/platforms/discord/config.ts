import type { Result } from '../../core/result.ts';
import { type FromEnvFile, settingLabel, settingSentence } from '../../env-file.ts';

export interface DiscordConfig {
  token: string;
  guildId?: string;
  apiUrl?: string;
  messageContent: boolean;
  /** Shards this process connects: 'auto' (all, as many as Discord recommends) or a list with the total count. */
  shards: 'auto' | { ids: number[]; count: number };
  /** How long a replica's lease on a shard holds without renewal (DISCORD_SHARD_LEASE, seconds). */
  shardLeaseMs?: number;
}

const WHERE = 'copy it from the Bot page of your application in the Developer Portal (Reset Token shows it once)';

/** The problem with a DISCORD_TOKEN value, completing "DISCORD_TOKEN …", named for what the value most likely is. */
function tokenProblem(value: string): string | undefined {
  if (/^(['"]).*\1$/.test(value)) return 'is wrapped in quotes; give the token without them';
  if (/^bot\s/i.test(value)) return 'starts with "Bot "; give the token alone, mlq adds the prefix itself';
  if (/\s/.test(value)) return 'contains a space or a line break; give the token alone, on one line';
  const parts = value.split('.');
  if (parts.length === 1) {
    if (/^\d{17,20}$/.test(value)) return `is a numeric id (an application, client or server id), not the bot token; ${WHERE}`;
    if (/^[0-9a-f]{64}$/i.test(value)) return `looks like the application’s Public Key, not the bot token; ${WHERE}`;
    if (/^[A-Za-z0-9_-]{32}$/.test(value)) return `looks like the OAuth2 Client Secret, not the bot token; ${WHERE}`;
  }
  if (parts.length !== 3) return `must have three parts separated by dots, and this value has ${parts.length}; ${WHERE}`;
  if (parts.some((p) => /[^A-Za-z0-9_-]/.test(p))) {
    return `has characters a bot token never contains (only letters, digits, _ and - between the dots); ${WHERE}`;
  }
  const [id, stamp, hmac] = parts as [string, string, string];
  if (id.length < 16 || stamp.length < 4 || hmac.length < 16) {
    return `is too short: it has the three dot-separated parts, but one of them is cut off; ${WHERE}`;
  }
  return undefined;
}

/** A Discord setting's check: `check` gives the problem (completing "NAME …") or undefined; `example` passes it. */
export interface DiscordSetting {
  check: (value: string) => string | undefined;
  example: string;
}

const rule = (test: (v: string) => boolean, problem: string) => (v: string) => (test(v) ? undefined : problem);

/** Every Discord setting, with its check and an example that passes it. */
export const discordSettings = {
  DISCORD_TOKEN: { check: tokenProblem, example: 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GAbCdE.abcdefghijklmnopqrstuvwxyz012345' },
  DISCORD_GUILD_ID: {
    check: rule((v) => /^\d{17,20}$/.test(v), 'must be a server (guild) id of 17 to 20 digits'),
    example: '123456789012345678',
  },
  DISCORD_API_URL: {
    check: rule(
      (v) => /^https?:\/\/\S+$/.test(v) && URL.canParse(v) && !/\/v\d+\/?$/.test(v),
      'must be an http(s) REST base URL without the API version',
    ),
    example: 'https://discord.com/api',
  },
  DISCORD_MESSAGE_CONTENT: { check: rule((v) => /^(true|false)$/i.test(v), 'must be true or false'), example: 'false' },
  DISCORD_SHARDS: {
    check: rule((v) => /^(auto|\d{1,4}(,\d{1,4})*)$/.test(v), 'must be auto or a comma-separated list of shard ids'),
    example: '0,1',
  },
  DISCORD_SHARD_COUNT: { check: rule((v) => /^[1-9]\d{0,4}$/.test(v), 'must be the total number of shards'), example: '4' },
  DISCORD_SHARD_LEASE: {
    check: rule((v) => /^\d{1,3}$/.test(v) && Number(v) >= 3 && Number(v) <= 300, 'must be a number of seconds from 3 to 300'),
    example: '30',
  },
} satisfies Record<string, DiscordSetting>;

type Name = keyof typeof discordSettings;

/** A token is shown by its first five characters and its length, never whole. */
const masked = (value: string) => (value.length > 8 ? `"${value.slice(0, 5)}…", ${value.length} characters` : `${value.length} characters`);

/** Reads the Discord settings; null when Discord is not configured, one sentence naming the wrong setting otherwise. */
export function discordConfig(env: NodeJS.ProcessEnv, fromFile?: FromEnvFile): Result<DiscordConfig | null, 'bad-setting'> {
  const get = (n: Name) => env[n]?.trim() || undefined;
  const say = (name: string) => settingLabel(name, fromFile);
  const present = (Object.keys(discordSettings) as Name[]).filter((n) => get(n));
  if (!get('DISCORD_TOKEN')) {
    const stray = present.find((n) => n !== 'DISCORD_API_URL' && n !== 'DISCORD_MESSAGE_CONTENT' && n !== 'DISCORD_SHARD_LEASE');
    if (!stray) return { ok: true, value: null };
    const example = discordSettings.DISCORD_TOKEN.example;
    const message = `DISCORD_TOKEN is needed when ${say(stray)} is set; for example DISCORD_TOKEN=${example}.`;
    return { ok: false, error: 'bad-setting', message };
  }
  for (const name of present) {
    const value = get(name)!;
    const problem = discordSettings[name].check(value);
    if (problem) {
      const shown = name === 'DISCORD_TOKEN' ? masked(value) : `"${value.slice(0, 60)}"`;
      const message = settingSentence(name, problem, shown, `${name}=${discordSettings[name].example}`, fromFile);
      return { ok: false, error: 'bad-setting', message };
    }
  }
  const shards = get('DISCORD_SHARDS') ?? 'auto';
  const count = Number(get('DISCORD_SHARD_COUNT') ?? 0);
  const ids = shards === 'auto' ? Array.from({ length: count }, (_, i) => i) : shards.split(',').map(Number);
  const enough = Math.max(...ids) + 1;
  if (shards !== 'auto' && !count) {
    const message =
      `DISCORD_SHARD_COUNT (the total number of shards) is needed with ${say('DISCORD_SHARDS')}; ` +
      `for example DISCORD_SHARD_COUNT=${enough}.`;
    return { ok: false, error: 'bad-setting', message };
  }
  if (shards !== 'auto' && enough > count) {
    const message =
      `${say('DISCORD_SHARD_COUNT')} must be larger than every id in DISCORD_SHARDS (got ${count} with shard ${enough - 1}); ` +
      `for example DISCORD_SHARD_COUNT=${enough}.`;
    return { ok: false, error: 'bad-setting', message };
  }
  return {
    ok: true,
    value: {
      shards: shards === 'auto' && !count ? 'auto' : { ids, count },
      shardLeaseMs: Number(get('DISCORD_SHARD_LEASE') ?? 30) * 1000,
      token: get('DISCORD_TOKEN')!,
      guildId: get('DISCORD_GUILD_ID'),
      apiUrl: get('DISCORD_API_URL')?.replace(/\/$/, ''),
      messageContent: (get('DISCORD_MESSAGE_CONTENT') ?? 'true').toLowerCase() === 'true',
    },
  };
}
