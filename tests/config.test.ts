import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';

describe('settings from the environment', () => {
  it('needs nothing: every setting has a default', () => {
    const config = loadConfig({});
    expect(config.ok && config.value).toMatchObject({
      MLQ_DATA_DIR: '.mlq-data',
      HOST: '127.0.0.1',
      MLQ_POST_TIME: '09:00',
      MLQ_REVEAL_DELAY: 360,
      MLQ_ADMINS: [],
    });
  });

  it('names a wrong setting, its problem and a right example in one sentence', () => {
    const cases: [Record<string, string>, string][] = [
      [
        { DATABASE_URL: 'nonsense' },
        'DATABASE_URL must be a Postgres connection URL; for example DATABASE_URL=postgres://mlq:secret@localhost:5432/mlq.',
      ],
      [{ PORT: '99999' }, 'PORT must be a port number from 1 to 65535 (got "99999"); for example PORT=3000.'],
      [
        { MLQ_TIMEZONE: 'Mars/Olympus' },
        'MLQ_TIMEZONE must be an IANA time zone name (got "Mars/Olympus"); for example MLQ_TIMEZONE=Europe/Berlin.',
      ],
      [
        { MLQ_POST_TIME: '25:00' },
        'MLQ_POST_TIME must be a time of day in 24-hour HH:MM form (got "25:00"); for example MLQ_POST_TIME=09:30.',
      ],
      [
        { LOG_LEVEL: 'loud' },
        'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace or silent (got "loud"); for example LOG_LEVEL=info.',
      ],
    ];
    for (const [env, sentence] of cases) {
      const result = loadConfig(env);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.message).toBe(sentence);
    }
  });

  it('never echoes a database password', () => {
    const result = loadConfig({ DATABASE_URL: 'mysql://user:hunter2@db/x' });
    expect(!result.ok && result.message).not.toContain('hunter2');
  });

  it('reads lists and durations', () => {
    const result = loadConfig({ MLQ_ADMINS: 'U1, U2', MLQ_REVEAL_DELAY: '1h30m', DATABASE_URL: 'postgresql://a@b:5432/c' });
    expect(result.ok && result.value.MLQ_ADMINS).toEqual(['U1', 'U2']);
    expect(result.ok && result.value.MLQ_REVEAL_DELAY).toBe(90);
  });
});
