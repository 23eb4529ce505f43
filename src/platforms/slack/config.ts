import type { Result } from '../../core/result.ts';
import { type FromEnvFile, settingLabel, settingSentence } from '../../env-file.ts';
import {
  clientIdProblem,
  clientSecretProblem,
  OAUTH_EXAMPLES,
  OAUTH_NAMES,
  type SlackOAuthConfig,
  secretKeyProblem,
  slackOAuthConfig,
  stateSecretProblem,
} from './oauth-config.ts';

export interface SlackConfig {
  /** The one workspace's bot token; absent when the OAuth flow installs mlq into many workspaces. */
  botToken?: string;
  mode: 'socket' | 'http';
  appToken?: string;
  signingSecret?: string;
  apiUrl?: string;
  /** Slack's OAuth flow, when SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET are set without SLACK_BOT_TOKEN. */
  oauth?: SlackOAuthConfig;
  /** OAuth settings left unused because SLACK_BOT_TOKEN is set (the single token wins), for a warning at start-up. */
  ignored?: string[];
}

/** A Slack setting's check: `check` gives the problem (completing "NAME …") or undefined; `example` passes it. */
export interface SlackSetting {
  check: (value: string) => string | undefined;
  example: string;
  secret: boolean;
}

/** What each Slack token prefix is, so a token pasted into the wrong variable is named for what it is. */
const KINDS: Record<string, string> = {
  'xoxb-': 'a bot token',
  'xapp-': 'an app-level token',
  'xoxp-': 'a user token',
  'xoxe.': 'a rotating token',
  'xoxe-': 'a token-rotation refresh token',
  'xoxa-': 'a workspace app token',
  'xoxc-': 'a browser session token',
  'xoxd-': 'a browser session cookie',
};

const WHERE = {
  'xoxb-': 'copy the Bot User OAuth Token from the app’s OAuth & Permissions page',
  'xapp-': 'generate one with the connections:write scope under Basic Information → App-Level Tokens',
} as const;

/** Wrapping a pasted value picks up: quotes, a "Bearer " prefix, spaces or line breaks. */
function pasteProblem(value: string, what: string): string | undefined {
  if (/^(['"]).*\1$/.test(value)) return `is wrapped in quotes; give the ${what} without them`;
  if (/^bearer\s/i.test(value)) return `starts with "Bearer "; give the ${what} alone`;
  if (/\s/.test(value)) return `contains a space or a line break; give the ${what} alone, on one line`;
  return undefined;
}

function tokenProblem(value: string, want: keyof typeof WHERE): string | undefined {
  const kind = KINDS[want]!;
  const pasted = pasteProblem(value, 'token');
  if (pasted) return pasted;
  const prefix = Object.keys(KINDS).find((p) => value.startsWith(p));
  if (prefix && prefix !== want) return `is ${KINDS[prefix]} (${prefix}…), not ${kind} (${want}…); ${WHERE[want]}`;
  if (!prefix) {
    if (value.toLowerCase().startsWith(want)) return `must start with ${want} in lower case`;
    if (/^[0-9a-f]{32}$/i.test(value)) return `looks like a signing secret or client secret, not ${kind} (${want}…); ${WHERE[want]}`;
    return `must be ${kind}, which starts with ${want}; ${WHERE[want]}`;
  }
  const rest = value.slice(want.length);
  if (/[^A-Za-z0-9-]/.test(rest)) {
    return `has characters a Slack token never contains (after ${want} come only letters, digits and -); ${WHERE[want]}`;
  }
  if (rest.length < 8) {
    const n = `${rest.length} ${rest.length === 1 ? 'character follows' : 'characters follow'}`;
    return `is too short: it starts with ${want} as it should, but only ${n} where a real token has about 50; ${WHERE[want]}`;
  }
  return undefined;
}

function signingSecretProblem(value: string): string | undefined {
  const where = 'copy the Signing Secret under Basic Information → App Credentials';
  const pasted = pasteProblem(value, 'secret');
  if (pasted) return pasted;
  const prefix = Object.keys(KINDS).find((p) => value.startsWith(p));
  if (prefix) return `is ${KINDS[prefix]} (${prefix}…), not the signing secret; ${where}`;
  if (/[^0-9a-f]/i.test(value)) return `must be hexadecimal (0-9 and a-f only), as the signing secret is; ${where}`;
  if (value.length < 16) return `is too short for a signing secret, which has 32 characters; ${where}`;
  return undefined;
}

function apiUrlProblem(value: string): string | undefined {
  return /^https?:\/\/\S+\/$/.test(value) && URL.canParse(value) ? undefined : 'must be an http(s) URL ending in /';
}

/** Every Slack setting, with its check and an example that passes it. */
export const slackSettings = {
  SLACK_BOT_TOKEN: { check: (v: string) => tokenProblem(v, 'xoxb-'), example: 'xoxb-1234-5678-abcdef', secret: true },
  SLACK_APP_TOKEN: { check: (v: string) => tokenProblem(v, 'xapp-'), example: 'xapp-1-A0123-4567-abcdef', secret: true },
  SLACK_SIGNING_SECRET: { check: signingSecretProblem, example: '8f742231b10e8888abcd99aa0eff85a5', secret: true },
  SLACK_API_URL: { check: apiUrlProblem, example: 'https://slack.com/api/', secret: false },
  SLACK_CLIENT_ID: { check: clientIdProblem, example: OAUTH_EXAMPLES.SLACK_CLIENT_ID, secret: false },
  SLACK_CLIENT_SECRET: { check: clientSecretProblem, example: OAUTH_EXAMPLES.SLACK_CLIENT_SECRET, secret: true },
  SLACK_STATE_SECRET: { check: stateSecretProblem, example: OAUTH_EXAMPLES.SLACK_STATE_SECRET, secret: true },
  MLQ_SECRET_KEY: { check: secretKeyProblem, example: OAUTH_EXAMPLES.MLQ_SECRET_KEY, secret: true },
  MLQ_SECRET_KEY_PREVIOUS: { check: secretKeyProblem, example: OAUTH_EXAMPLES.MLQ_SECRET_KEY, secret: true },
} satisfies Record<string, SlackSetting>;

type Name = keyof typeof slackSettings;

/** Settings that only tune Slack once it is on; alone they leave Slack off. */
const TUNING: Name[] = ['SLACK_API_URL', 'MLQ_SECRET_KEY', 'MLQ_SECRET_KEY_PREVIOUS'];
const BOT = slackSettings.SLACK_BOT_TOKEN.example;

/** A secret is shown by its first five characters (enough to tell xoxb- from xapp-) and its length, never whole. */
function shown(name: Name, value: string): string {
  if (!slackSettings[name].secret) return `"${value}"`;
  return value.length > 8 ? `"${value.slice(0, 5)}…", ${value.length} characters` : `${value.length} characters`;
}

/** Reads the Slack settings; null when Slack is not configured, one sentence naming the wrong setting otherwise. */
export function slackConfig(env: NodeJS.ProcessEnv, fromFile?: FromEnvFile): Result<SlackConfig | null, 'bad-setting'> {
  const present = (Object.keys(slackSettings) as Name[]).filter((n) => (env[n] ?? '').trim() !== '');
  if (present.every((n) => TUNING.includes(n))) return { ok: true, value: null };
  const say = (name: string) => settingLabel(name, fromFile);
  for (const name of present) {
    const value = env[name]!.trim();
    const problem = slackSettings[name].check(value);
    if (problem) {
      const message = settingSentence(name, problem, shown(name, value), `${name}=${slackSettings[name].example}`, fromFile);
      return { ok: false, error: 'bad-setting', message };
    }
  }
  const get = (n: Name) => env[n]?.trim() || undefined;
  const oauth = get('SLACK_BOT_TOKEN') ? ({ ok: true, value: null } as const) : slackOAuthConfig(env, fromFile);
  if (!oauth.ok) return oauth;
  const on = oauth.value ? `${OAUTH_NAMES.map(say).join(', ')}` : say('SLACK_BOT_TOKEN');
  if (!get('SLACK_BOT_TOKEN') && !oauth.value) {
    const others = present.map(say).join(' and ');
    return {
      ok: false,
      error: 'bad-setting',
      message: `SLACK_BOT_TOKEN is needed when ${others} ${present.length > 1 ? 'are' : 'is'} set; for example SLACK_BOT_TOKEN=${BOT}.`,
    };
  }
  if (!get('SLACK_APP_TOKEN') && !get('SLACK_SIGNING_SECRET')) {
    return {
      ok: false,
      error: 'bad-setting',
      message:
        `SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode) is needed with ${on}; ` +
        `for example SLACK_APP_TOKEN=${slackSettings.SLACK_APP_TOKEN.example}.`,
    };
  }
  return {
    ok: true,
    value: {
      botToken: get('SLACK_BOT_TOKEN'),
      mode: get('SLACK_APP_TOKEN') ? 'socket' : 'http',
      appToken: get('SLACK_APP_TOKEN'),
      signingSecret: get('SLACK_SIGNING_SECRET'),
      apiUrl: get('SLACK_API_URL'),
      ...(oauth.value ? { oauth: oauth.value } : {}),
      ...(get('SLACK_BOT_TOKEN') && OAUTH_NAMES.some(get) ? { ignored: OAUTH_NAMES.filter(get) } : {}),
    },
  };
}
