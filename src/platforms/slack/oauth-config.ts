import type { Result } from '../../core/result.ts';
import { type FromEnvFile, settingLabel } from '../../env-file.ts';
import { parseSecretKey } from '../../secrets/secret-box.ts';

/** Slack's OAuth flow, for one deployment installed into many workspaces; tokens sealed with MLQ_SECRET_KEY. */
export interface SlackOAuthConfig {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  secretKey: Buffer;
  previousKey?: Buffer;
}

/** The settings that switch the OAuth flow on; all three are needed together. */
export const OAUTH_NAMES = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;

export const OAUTH_EXAMPLES = {
  SLACK_CLIENT_ID: '1234567890.1234567890123',
  SLACK_CLIENT_SECRET: '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
  SLACK_STATE_SECRET: 'a-long-random-string-of-your-own',
  MLQ_SECRET_KEY: 'Eg9/wdkXp+mVn1WXdgxqnnjswsA28Twt8g9biSl4PF8=',
} as const;

const APP_PAGE = 'copy it from the app’s Basic Information → App Credentials';

export function clientIdProblem(value: string): string | undefined {
  if (/^\d+\.\d+$/.test(value)) return undefined;
  return `must be the app's Client ID, digits with one dot (such as ${OAUTH_EXAMPLES.SLACK_CLIENT_ID}); ${APP_PAGE}`;
}

export function clientSecretProblem(value: string): string | undefined {
  if (/^[0-9a-f]{32}$/i.test(value)) return undefined;
  return `must be the app's Client Secret, 32 hexadecimal characters; ${APP_PAGE}`;
}

export function stateSecretProblem(value: string): string | undefined {
  if (/\s/.test(value)) return 'contains a space or a line break; give one word of random characters';
  if (value.length < 16) return 'is too short: give at least 16 random characters, for example from `openssl rand -hex 16`';
  return undefined;
}

export function secretKeyProblem(value: string): string | undefined {
  const parsed = parseSecretKey(value);
  return parsed.ok ? undefined : parsed.problem;
}

/**
 * The OAuth settings once their values passed their checks: null when none is set, the config when all three and
 * MLQ_SECRET_KEY are, otherwise one sentence naming the first missing setting. `mode` is checked by the caller.
 */
export function slackOAuthConfig(env: NodeJS.ProcessEnv, fromFile?: FromEnvFile): Result<SlackOAuthConfig | null, 'bad-setting'> {
  const get = (n: string) => env[n]?.trim() || undefined;
  const present = OAUTH_NAMES.filter((n) => get(n));
  if (present.length === 0) return { ok: true, value: null };
  const given = present.map((n) => settingLabel(n, fromFile)).join(' and ');
  const missing = OAUTH_NAMES.filter((n) => !get(n));
  if (missing.length) {
    const verb = missing.length > 1 ? 'are' : 'is';
    const example = missing.map((n) => `${n}=${OAUTH_EXAMPLES[n]}`).join(' ');
    return {
      ok: false,
      error: 'bad-setting',
      message: `${missing.join(' and ')} ${verb} needed with ${given} (Slack's OAuth flow, for many workspaces); for example ${example}.`,
    };
  }
  const key = get('MLQ_SECRET_KEY');
  if (!key) {
    return {
      ok: false,
      error: 'bad-setting',
      message:
        `MLQ_SECRET_KEY is needed with ${given}: it encrypts each workspace's tokens in the database ` +
        `(generate one with \`openssl rand -base64 32\`); for example MLQ_SECRET_KEY=${OAUTH_EXAMPLES.MLQ_SECRET_KEY}.`,
    };
  }
  const parse = (value: string | undefined) => (value ? (parseSecretKey(value) as { key: Buffer }).key : undefined);
  return {
    ok: true,
    value: {
      clientId: get('SLACK_CLIENT_ID')!,
      clientSecret: get('SLACK_CLIENT_SECRET')!,
      stateSecret: get('SLACK_STATE_SECRET')!,
      secretKey: parse(key)!,
      previousKey: parse(get('MLQ_SECRET_KEY_PREVIOUS')),
    },
  };
}
