import { z } from 'zod';
import type { Result } from '../../core/result.ts';

export interface SlackConfig {
  botToken: string;
  mode: 'socket' | 'http';
  appToken?: string;
  signingSecret?: string;
  apiUrl?: string;
}

const token = (prefix: string) => z.string().trim().regex(new RegExp(`^${prefix}[A-Za-z0-9-]{8,}$`));

const variables = {
  SLACK_BOT_TOKEN: { schema: token('xoxb-'), problem: 'must be a bot token starting with xoxb-', example: 'xoxb-1234-5678-abcdef' },
  SLACK_APP_TOKEN: { schema: token('xapp-'), problem: 'must be an app-level token starting with xapp-', example: 'xapp-1-A0123-4567-abcdef' },
  SLACK_SIGNING_SECRET: { schema: z.string().trim().regex(/^[a-f0-9]{16,}$/i), problem: 'must be the app’s signing secret (hexadecimal)', example: '8f742231b10e8888abcd99yyyzzz85a5' },
  SLACK_API_URL: {
    schema: z.string().trim().refine((v) => /^https?:\/\/\S+\/$/.test(v) && URL.canParse(v)),
    problem: 'must be an http(s) URL ending in /',
    example: 'https://slack.com/api/',
  },
} as const;

type Name = keyof typeof variables;

const shown = (name: Name, value: string) =>
  name === 'SLACK_API_URL' ? value : value.length > 8 ? `${value.slice(0, 5)}…` : value.replace(/./g, '*');

/** Reads the Slack settings; null when Slack is not configured, one sentence naming the wrong setting otherwise. */
export function slackConfig(env: NodeJS.ProcessEnv): Result<SlackConfig | null, 'bad-setting'> {
  const present = (Object.keys(variables) as Name[]).filter((n) => (env[n] ?? '').trim() !== '');
  if (present.length === 0 || (present.length === 1 && present[0] === 'SLACK_API_URL')) return { ok: true, value: null };
  for (const name of present) {
    const value = env[name]!.trim();
    if (!variables[name].schema.safeParse(value).success) {
      const spec = variables[name];
      return { ok: false, error: 'bad-setting', message: `${name} ${spec.problem} (got "${shown(name, value)}"); for example ${name}=${spec.example}.` };
    }
  }
  const get = (n: Name) => env[n]?.trim() || undefined;
  if (!get('SLACK_BOT_TOKEN')) {
    return { ok: false, error: 'bad-setting', message: `SLACK_BOT_TOKEN is needed whenever Slack is configured; for example SLACK_BOT_TOKEN=${variables.SLACK_BOT_TOKEN.example}.` };
  }
  if (!get('SLACK_APP_TOKEN') && !get('SLACK_SIGNING_SECRET')) {
    return {
      ok: false,
      error: 'bad-setting',
      message: 'SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode) is needed with SLACK_BOT_TOKEN; for example SLACK_APP_TOKEN=xapp-1-A0123-4567-abcdef.',
    };
  }
  return {
    ok: true,
    value: {
      botToken: get('SLACK_BOT_TOKEN')!,
      mode: get('SLACK_APP_TOKEN') ? 'socket' : 'http',
      appToken: get('SLACK_APP_TOKEN'),
      signingSecret: get('SLACK_SIGNING_SECRET'),
      apiUrl: get('SLACK_API_URL'),
    },
  };
}
