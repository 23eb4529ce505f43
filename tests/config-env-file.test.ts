import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { loadEnvFile } from '../src/env-file.ts';
import { discordConfig } from '../src/platforms/discord/config.ts';

const folder = () => mkdtempSync(join(tmpdir(), 'mlq-env-file-'));

describe('.env', () => {
  it('fills in what the real environment does not set, and remembers which keys it filled', () => {
    const path = join(folder(), '.env');
    writeFileSync(path, '# settings\nPORT=4000\nHOST="0.0.0.0"\nexport LOG_LEVEL=debug\nMLQ_ADMINS=U1\n');
    const env: NodeJS.ProcessEnv = { PORT: '5000', MLQ_ADMINS: '' };
    const loaded = loadEnvFile(env, path);
    expect(loaded).toEqual({ ok: true, value: new Set(['HOST', 'LOG_LEVEL']) });
    expect(env).toEqual({ PORT: '5000', HOST: '0.0.0.0', LOG_LEVEL: 'debug', MLQ_ADMINS: '' });
  });

  it('is no settings when there is no file, and one sentence when the file cannot be read', () => {
    const dir = folder();
    expect(loadEnvFile({}, join(dir, '.env'))).toEqual({ ok: true, value: new Set() });
    mkdirSync(join(dir, 'folder.env'));
    expect(loadEnvFile({}, join(dir, 'folder.env'))).toEqual({
      ok: false,
      error: 'bad-env-file',
      message: `the settings file ${join(dir, 'folder.env')} cannot be read (it is a folder, not a file); fix it or remove it.`,
    });
  });

  it('is named in the sentence of a wrong setting that came from it, and only then', () => {
    const fromFile = new Set(['MLQ_POST_TIME', 'DATABASE_URL', 'DISCORD_GUILD_ID']);
    const wrong = loadConfig({ MLQ_POST_TIME: '25:00' }, fromFile);
    expect(!wrong.ok && wrong.message).toBe(
      'MLQ_POST_TIME in .env must be a time of day in 24-hour HH:MM form (got "25:00"); for example MLQ_POST_TIME=09:30.',
    );
    const url = loadConfig({ DATABASE_URL: 'mysql://u:hunter2@db/x' }, fromFile);
    expect(!url.ok && url.message).toBe(
      'DATABASE_URL in .env must be a Postgres connection URL; for example ' + 'DATABASE_URL=postgres://mlq:secret@localhost:5432/mlq.',
    );
    const real = loadConfig({ MLQ_REVEAL_DELAY: '1m' }, fromFile);
    expect(!real.ok && real.message).toBe(
      'MLQ_REVEAL_DELAY must be a delay between 5m and 23h (got "1m"); for example ' + 'MLQ_REVEAL_DELAY=6h.',
    );
    const discord = discordConfig({ DISCORD_GUILD_ID: '123' }, fromFile);
    expect(!discord.ok && discord.message).toBe(
      'DISCORD_TOKEN is needed when DISCORD_GUILD_ID in .env is set; for example ' +
        'DISCORD_TOKEN=MTIzNDU2Nzg5MDEyMzQ1Njc4.GAbCdE.abcdefghijklmnopqrstuvwxyz012345.',
    );
  });
});
