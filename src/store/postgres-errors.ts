import { err } from '../core/result.ts';

export type PostgresProblem = 'unreachable' | 'refused' | 'failed';

/** Error codes of a connection that nothing answered: no such host, nothing listening, no route, no answer in time. */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'ECONNRESET',
]);

/** What to check for a refusal, by the server's SQLSTATE. */
const ADVICE: Record<string, string> = {
  '28P01': 'check the user name and password in DATABASE_URL',
  '28000': 'check the user name in DATABASE_URL, or let the server accept it (pg_hba.conf)',
  '3D000': 'create that database or fix its name in DATABASE_URL',
  '42501': 'grant the user the right to connect, or use another user',
  '53300': 'the server has no free connections; try again later or raise max_connections',
  '57P03': 'the server is starting up or shutting down; try again in a moment',
};

/** The URL with its password (and any password or sslkey parameter) replaced by ***, fit to print. */
export function maskUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    for (const key of ['password', 'sslpassword', 'sslkey']) if (parsed.searchParams.has(key)) parsed.searchParams.set(key, '***');
    return parsed.toString().replaceAll('%2A%2A%2A', '***');
  } catch {
    return 'the configured URL';
  }
}

interface PgLikeError {
  code?: string;
  message?: string;
  errors?: PgLikeError[];
}

function hidePassword(url: string, text: string): string {
  try {
    const password = decodeURIComponent(new URL(url).password);
    return password.length >= 4 ? text.replaceAll(password, '***') : text;
  } catch {
    return text;
  }
}

const timedOut = (error: PgLikeError) => /timeout|timed out/i.test(error.message ?? '');

/**
 * Sorts a failed Postgres connection: nothing answered (the host, port or network) or the server answered and refused
 * (its reason is given, as it said it). The sentence names DATABASE_URL and never shows the password.
 */
export function classifyPostgresError(url: string, error: unknown): { ok: false; error: PostgresProblem; message: string } {
  const at = `the Postgres server at DATABASE_URL (${maskUrl(url)})`;
  const failure = (error ?? {}) as PgLikeError;
  const code = failure.code ?? failure.errors?.find((e) => e.code)?.code;
  if ((code && UNREACHABLE.has(code)) || timedOut(failure)) {
    const reason = code && UNREACHABLE.has(code) ? code : 'no answer in time';
    return err('unreachable', `${at} cannot be reached (${reason}); check the host and port, and that the server is running.`);
  }
  const reason = hidePassword(url, (failure.message ?? String(error)).replaceAll(url, maskUrl(url))).replace(/\.$/, '');
  if (code && /^[0-9A-Z]{5}$/.test(code)) {
    const advice = ADVICE[code] ?? 'check DATABASE_URL';
    return err('refused', `${at} refused the connection: ${reason} (${code}); ${advice}.`);
  }
  return err('failed', `${at} could not be used: ${reason}; check DATABASE_URL.`);
}
