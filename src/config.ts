import { isIP } from 'node:net';
import { z } from 'zod';
import type { BankFolderProblem } from './bank/load.ts';
import { parseDuration, parseTime } from './core/commands/config-settings.ts';
import type { Result } from './core/result.ts';
import { isValidTimezone } from './core/schedule.ts';
import { type FromEnvFile, settingLabel, settingSentence } from './env-file.ts';

/** Marks a value as refused inside a zod transform; the sentence comes from the setting's own problem text. */
function refuse(ctx: z.RefinementCtx): typeof z.NEVER {
  ctx.addIssue({ code: 'custom', message: 'bad' });
  return z.NEVER;
}

/** What a sentence about a setting says: `problem` completes "NAME …", `example` is a value that is accepted. */
export interface SettingHelp {
  problem: string;
  example: string;
  /** A more exact problem for some wrong values (a port in HOST, an IPv4 address out of range), when one is known. */
  diagnose?: (value: string) => string | undefined;
}

const setting = <T extends z.ZodType>(schema: T, help: SettingHelp) => schema.meta({ help });

const label = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const hostName = new RegExp(`^(?=.{1,253}$)${label}(?:\\.${label})*$`);
/** An IP address, or a host name whose last part is not a number (so `999.1.1.1` is not taken for a name). */
export const isHost = (value: string): boolean => isIP(value) !== 0 || (hostName.test(value) && !/^\d+$/.test(value.split('.').at(-1)!));

function hostProblem(value: string): string | undefined {
  if (/^[a-z]+:\/\//i.test(value)) return 'must be an address alone, without a scheme such as http://';
  if (/^\[.*\]$/.test(value)) return 'must be an IPv6 address without the brackets';
  if (/^[^:]+:\d+$/.test(value)) return 'must not include a port; set PORT for that';
  if (/^[\d.]+$/.test(value)) return 'is not an IPv4 address (four numbers from 0 to 255, separated by dots)';
  return undefined;
}

/** The group's web page (`/mlq web`): on only with a secret long enough to sign its links. */
const webSettings = {
  MLQ_WEB_SECRET: setting(z.string().trim().min(32).optional(), {
    problem: 'must be at least 32 characters to sign web links safely (make one with openssl rand -hex 32)',
    example: '0123456789abcdef0123456789abcdef',
  }),
  MLQ_PUBLIC_URL: setting(
    z
      .string()
      .trim()
      .refine((v) => /^https?:\/\/[^\s?#]+$/.test(v) && URL.canParse(v))
      .transform((v) => v.replace(/\/+$/, ''))
      .optional(),
    { problem: 'must be the http(s) address people open the service at, without a query', example: 'https://mlq.example.org' },
  ),
  MLQ_WEB_LINK_DAYS: setting(z.coerce.number().int().min(1).max(90).default(7), {
    problem: 'must be a number of days from 1 to 90',
    example: '7',
  }),
};

/** Every setting start-up reads from the environment (Slack's and Discord's are in their platform folders). */
export const settings = {
  DATABASE_URL: setting(
    z
      .string()
      .trim()
      .refine((v) => /^postgres(ql)?:\/\/[^\s]+$/.test(v) && URL.canParse(v))
      .optional(),
    {
      problem: 'must be a Postgres connection URL',
      example: 'postgres://mlq:secret@localhost:5432/mlq',
    },
  ),
  MLQ_DATA_DIR: setting(z.string().trim().min(1).default('.mlq-data'), { problem: 'must be a folder path', example: '.mlq-data' }),
  MLQ_QUESTIONS_DIR: setting(z.string().trim().min(1).default('questions'), { problem: 'must be a folder path', example: 'questions' }),
  PORT: setting(
    z
      .string()
      .trim()
      .regex(/^\d{1,5}$/)
      .transform(Number)
      .pipe(z.number().min(1).max(65535))
      .optional(),
    { problem: 'must be a port number from 1 to 65535', example: '3000' },
  ),
  HOST: setting(z.string().trim().refine(isHost).default('127.0.0.1'), {
    problem: 'must be an IP address or a host name to listen on',
    example: '0.0.0.0',
    diagnose: hostProblem,
  }),
  LOG_LEVEL: setting(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(), {
    problem: 'must be one of fatal, error, warn, info, debug, trace or silent',
    example: 'info',
  }),
  MLQ_ADMINS: setting(
    z
      .string()
      .trim()
      .regex(/^[^\s,]+(\s*,\s*[^\s,]+)*$|^$/)
      .default('')
      .transform((v) =>
        v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    { problem: 'must be a comma-separated list of user ids', example: 'U012ABCDEF,123456789012345678' },
  ),
  MLQ_TIMEZONE: setting(z.string().trim().refine(isValidTimezone).optional(), {
    problem: 'must be an IANA time zone name',
    example: 'Europe/Berlin',
  }),
  MLQ_POST_TIME: setting(
    z
      .string()
      .trim()
      .transform((v, ctx) => parseTime(v) ?? refuse(ctx))
      .default('09:00'),
    { problem: 'must be a time of day in 24-hour HH:MM form', example: '09:30' },
  ),
  MLQ_REVEAL_DELAY: setting(
    z
      .string()
      .trim()
      .transform((v, ctx) => {
        const minutes = parseDuration(v);
        return minutes !== null && minutes >= 5 && minutes <= 23 * 60 ? minutes : refuse(ctx);
      })
      .default(360),
    { problem: 'must be a delay between 5m and 23h', example: '6h' },
  ),
  MLQ_CONSOLE: setting(z.enum(['auto', 'on', 'off']).default('auto'), { problem: 'must be auto, on or off', example: 'off' }),
  MLQ_FANOUT: setting(z.coerce.number().int().min(1).max(256).default(16), {
    problem: 'must be a number of concurrent posts from 1 to 256',
    example: '16',
  }),
  MLQ_STOP_TIMEOUT: setting(z.coerce.number().int().min(1).max(300).default(10), {
    problem: 'must be a number of seconds from 1 to 300 that stopping may take before mlq exits anyway',
    example: '10',
  }),
  ...webSettings,
};

const envSchema = z.object(settings);

export type Config = z.output<typeof envSchema>;

/** The help a setting's sentence uses. */
export const settingHelp = (name: keyof typeof settings): SettingHelp => (settings[name].meta() as { help: SettingHelp }).help;

/**
 * Reads every setting from the environment; a wrong one gives one sentence naming it (and `.env` when the value came
 * from there), its problem and an example that passes the same check.
 */
export function loadConfig(env: NodeJS.ProcessEnv, fromFile?: FromEnvFile): Result<Config, 'bad-setting'> {
  const blanked = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(blanked);
  if (parsed.success) return { ok: true, value: parsed.data };
  const name = String(parsed.error.issues[0]!.path[0]) as keyof typeof settings;
  const help = settingHelp(name);
  const got = String(env[name] ?? '').trim();
  const shown = name === 'DATABASE_URL' || name === 'MLQ_WEB_SECRET' ? '' : `"${got.length > 40 ? `${got.slice(0, 40)}…` : got}"`;
  const problem = help.diagnose?.(got) ?? help.problem;
  return { ok: false, error: 'bad-setting', message: settingSentence(name, problem, shown, `${name}=${help.example}`, fromFile) };
}

/** The sentence for a question folder that cannot be used, naming MLQ_QUESTIONS_DIR (and `.env` when set there). */
export function questionsDirSentence(problem: BankFolderProblem, value: string, fromFile?: FromEnvFile): string {
  const name = settingLabel('MLQ_QUESTIONS_DIR', fromFile);
  return `${name} is "${value}", which ${problem.reason}; set it to the question bank folder, for example MLQ_QUESTIONS_DIR=questions.`;
}

/**
 * The sentence for an HTTP server that cannot listen, naming the setting at fault: PORT when the port is taken or
 * privileged, HOST when the address is not this machine's or does not resolve.
 */
export function listenFailureSentence(
  error: NodeJS.ErrnoException,
  at: { port: number; host: string; portSet: boolean; fromFile?: FromEnvFile },
): string {
  const PORT = settingLabel('PORT', at.fromFile);
  const HOST = settingLabel('HOST', at.fromFile);
  const port = at.portSet ? `${PORT} (${at.port})` : `the default port ${at.port} (PORT is not set)`;
  const example = `for example PORT=${at.port === 3000 ? 3001 : 3000}.`;
  switch (error.code) {
    case 'EADDRINUSE':
      return `${port} is already in use on ${at.host}; stop what uses it or choose another port, ${example}`;
    case 'EACCES':
      return `${port} cannot be opened without extra privileges (ports below 1024 usually need them); choose another, ${example}`;
    case 'EADDRNOTAVAIL':
      return (
        `${HOST} (${at.host}) is not an address of this machine; use one it has, ` +
        'for example HOST=127.0.0.1, or HOST=0.0.0.0 for all of them.'
      );
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_FAIL':
    case 'EAI_NONAME':
      return `${HOST} (${at.host}) does not resolve to an address (${error.code}); use an IP address, for example HOST=127.0.0.1.`;
    default:
      return (
        `the HTTP server cannot listen on ${HOST} (${at.host}) and ${PORT} (${at.port}): ${error.message}; ` +
        'for example HOST=127.0.0.1 PORT=3000.'
      );
  }
}

/** The start-up warning for a service with no chat platform and no terminal channel: healthy, but it posts nowhere. */
export const NO_CHAT_PLATFORM =
  'no chat platform is configured, so mlq posts nowhere: set SLACK_BOT_TOKEN with SLACK_APP_TOKEN (Socket Mode) or ' +
  'SLACK_SIGNING_SECRET (HTTP mode) for Slack, or DISCORD_TOKEN for Discord';
