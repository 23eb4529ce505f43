import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';

const message = (env: Record<string, string>) => {
  const result = loadConfig(env);
  return result.ok ? null : result.message;
};

describe('the web page settings', () => {
  it('needs a secret of at least 32 characters, and never repeats it in the sentence', () => {
    expect(message({ MLQ_WEB_SECRET: 's'.repeat(31) })).toBe(
      'MLQ_WEB_SECRET must be at least 32 characters to sign web links safely (make one with openssl rand -hex 32); ' +
        'for example MLQ_WEB_SECRET=0123456789abcdef0123456789abcdef.',
    );
    expect(message({ MLQ_WEB_SECRET: 's'.repeat(32) })).toBeNull();
    expect(message({ MLQ_WEB_SECRET: 's'.repeat(33) })).toBeNull();
    const off = loadConfig({});
    expect(off.ok && off.value.MLQ_WEB_SECRET).toBeUndefined();
  });

  it('takes link lifetimes from 1 to 90 days (7 by default) and an http(s) public address', () => {
    for (const days of ['0', '91', '7.5']) expect(message({ MLQ_WEB_LINK_DAYS: days }), days).toContain('MLQ_WEB_LINK_DAYS must be');
    for (const [days, value] of [
      ['1', 1],
      ['90', 90],
    ] as const) {
      const ok = loadConfig({ MLQ_WEB_LINK_DAYS: days });
      expect(ok.ok && ok.value.MLQ_WEB_LINK_DAYS).toBe(value);
    }
    const defaults = loadConfig({});
    expect(defaults.ok && defaults.value.MLQ_WEB_LINK_DAYS).toBe(7);
    expect(message({ MLQ_PUBLIC_URL: 'mlq.example.org' })).toContain('MLQ_PUBLIC_URL must be the http(s) address');
    expect(message({ MLQ_PUBLIC_URL: 'https://mlq.example.org/?x=1' })).toContain('MLQ_PUBLIC_URL must be');
    const url = loadConfig({ MLQ_PUBLIC_URL: 'https://mlq.example.org/study/' });
    expect(url.ok && url.value.MLQ_PUBLIC_URL).toBe('https://mlq.example.org/study');
  });
});
