import { z } from 'zod';
import { parseDuration, parseTime } from './core/commands/config-settings.ts';
import { isValidTimezone } from './core/schedule.ts';
import type { Result } from './core/result.ts';

/** `problem` completes "NAME …", `example` is a value that would be accepted. */
const setting = <T extends z.ZodType>(schema: T, problem: string, example: string) => schema.meta({ problem, example });

const envSchema = z.object({
  DATABASE_URL: setting(
    z.string().trim().refine((v) => /^postgres(ql)?:\/\/[^\s]+$/.test(v) && URL.canParse(v)).optional(),
    'must be a Postgres connection URL',
    'postgres://mlq:secret@localhost:5432/mlq',
  ),
  MLQ_DATA_DIR: setting(z.string().trim().min(1).default('.mlq-data'), 'must be a folder path', '.mlq-data'),
  MLQ_QUESTIONS_DIR: setting(z.string().trim().min(1).default('questions'), 'must be a folder path', 'questions'),
  PORT: setting(z.coerce.number().int().min(1).max(65535).optional(), 'must be a port number from 1 to 65535', '3000'),
  HOST: setting(z.string().trim().regex(/^[A-Za-z0-9.:-]+$/).default('127.0.0.1'), 'must be a host name or IP address to listen on', '0.0.0.0'),
  LOG_LEVEL: setting(
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
    'must be one of fatal, error, warn, info, debug, trace or silent',
    'info',
  ),
  MLQ_ADMINS: setting(
    z.string().trim().regex(/^[^\s,]+(\s*,\s*[^\s,]+)*$|^$/).default('').transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean)),
    'must be a comma-separated list of user ids',
    'U012ABCDEF,123456789012345678',
  ),
  MLQ_TIMEZONE: setting(z.string().trim().refine(isValidTimezone).optional(), 'must be an IANA time zone name', 'Europe/Berlin'),
  MLQ_POST_TIME: setting(
    z.string().trim().transform((v, ctx) => parseTime(v) ?? (ctx.addIssue({ code: 'custom', message: 'bad' }), z.NEVER)).default('09:00'),
    'must be a time of day in 24-hour HH:MM form',
    '09:30',
  ),
  MLQ_REVEAL_DELAY: setting(
    z
      .string()
      .trim()
      .transform((v, ctx) => {
        const minutes = parseDuration(v);
        return minutes !== null && minutes >= 5 && minutes <= 23 * 60 ? minutes : (ctx.addIssue({ code: 'custom', message: 'bad' }), z.NEVER);
      })
      .default(360),
    'must be a delay between 5m and 23h',
    '6h',
  ),
  MLQ_CONSOLE: setting(z.enum(['auto', 'on', 'off']).default('auto'), 'must be auto, on or off', 'off'),
  MLQ_FANOUT: setting(z.coerce.number().int().min(1).max(256).default(16), 'must be a number of concurrent posts from 1 to 256', '16'),
});

export type Config = z.output<typeof envSchema>;

/** Reads every setting from the environment; a wrong one gives one sentence naming it, its problem and an example. */
export function loadConfig(env: NodeJS.ProcessEnv): Result<Config, 'bad-setting'> {
  const blanked = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(blanked);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0]!;
  const name = String(issue.path[0]);
  const meta = (envSchema.shape as Record<string, z.ZodType>)[name]?.meta() as { problem: string; example: string } | undefined;
  const got = String(env[name] ?? '');
  const shown = name === 'DATABASE_URL' ? '' : ` (got "${got.length > 40 ? `${got.slice(0, 40)}…` : got}")`;
  return {
    ok: false,
    error: 'bad-setting',
    message: `${name} ${meta?.problem ?? 'is not valid'}${shown}; for example ${name}=${meta?.example ?? '…'}.`,
  };
}
