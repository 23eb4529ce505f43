import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import type { Result } from './core/result.ts';

/** The names of the settings that came from `.env` rather than from the real environment. */
export type FromEnvFile = ReadonlySet<string>;

/** How a sentence names a setting: `PORT`, or `PORT in .env` when the value was read from the file. */
export const settingLabel = (name: string, fromFile?: FromEnvFile): string => (fromFile?.has(name) ? `${name} in .env` : name);

/**
 * Reads `path` with Node's own parser into `env`, for every key the real environment does not set (a real variable
 * wins), and says which keys it filled. No file is no settings; a file that cannot be read is one sentence.
 */
export function loadEnvFile(env: NodeJS.ProcessEnv = process.env, path = '.env'): Result<FromEnvFile, 'bad-env-file'> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: true, value: new Set() };
    const why = code === 'EISDIR' ? 'it is a folder, not a file' : code === 'EACCES' ? 'permission denied' : (code ?? String(error));
    return { ok: false, error: 'bad-env-file', message: `the settings file ${path} cannot be read (${why}); fix it or remove it.` };
  }
  const fromFile = new Set<string>();
  for (const [key, value] of Object.entries(parseEnv(text))) {
    if (env[key] !== undefined || value === undefined) continue;
    env[key] = value;
    fromFile.add(key);
  }
  return { ok: true, value: fromFile };
}

/**
 * One sentence about a wrong setting: `problem` completes "NAME …"; a part after its first "; " (what to do) comes
 * after the value that was given, so that what was got stays beside what is wrong.
 */
export function settingSentence(name: string, problem: string, got: string, example: string, fromFile?: FromEnvFile): string {
  const [what, ...advice] = problem.split('; ');
  const shown = got ? ` (got ${got})` : '';
  return `${settingLabel(name, fromFile)} ${what}${shown}${advice.map((a) => `; ${a}`).join('')}; for example ${example}.`;
}
