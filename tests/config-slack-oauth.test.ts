import { describe, expect, it } from 'vitest';
import { slackConfig } from '../src/platforms/slack/config.ts';

const KEY = 'Eg9/wdkXp+mVn1WXdgxqnnjswsA28Twt8g9biSl4PF8=';
const OAUTH = {
  SLACK_CLIENT_ID: '1234567890.1234567890123',
  SLACK_CLIENT_SECRET: '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
  SLACK_STATE_SECRET: 'a-long-random-string-of-your-own',
  MLQ_SECRET_KEY: KEY,
};
const message = (env: Record<string, string>) => {
  const result = slackConfig(env);
  return result.ok ? null : result.message;
};

describe('Slack OAuth settings', () => {
  it('turns the OAuth flow on in HTTP mode and in Socket Mode, with the previous key for a rotation', () => {
    const http = slackConfig({ ...OAUTH, SLACK_SIGNING_SECRET: '8f742231b10e8888abcd99aa0eff85a5' });
    expect(http.ok && http.value).toMatchObject({ mode: 'http', botToken: undefined, oauth: { clientId: OAUTH.SLACK_CLIENT_ID } });
    const socket = slackConfig({ ...OAUTH, SLACK_APP_TOKEN: 'xapp-1-A0123-4567-abcdef', MLQ_SECRET_KEY_PREVIOUS: 'ab'.repeat(32) });
    expect(socket.ok && socket.value?.mode).toBe('socket');
    expect(socket.ok && socket.value?.oauth?.previousKey?.toString('hex')).toBe('ab'.repeat(32));
    expect(socket.ok && socket.value?.oauth?.secretKey.toString('base64')).toBe(KEY);
  });

  it('names what is missing: the other OAuth settings, then the key, then the mode', () => {
    expect(message({ SLACK_CLIENT_ID: OAUTH.SLACK_CLIENT_ID })).toBe(
      "SLACK_CLIENT_SECRET and SLACK_STATE_SECRET are needed with SLACK_CLIENT_ID (Slack's OAuth flow, for many workspaces); " +
        'for example SLACK_CLIENT_SECRET=0f1e2d3c4b5a69788796a5b4c3d2e1f0 SLACK_STATE_SECRET=a-long-random-string-of-your-own.',
    );
    const { MLQ_SECRET_KEY: _key, ...withoutKey } = OAUTH;
    expect(message(withoutKey)).toMatch(/^MLQ_SECRET_KEY is needed with SLACK_CLIENT_ID and SLACK_CLIENT_SECRET and SLACK_STATE_SECRET: /);
    expect(message(OAUTH)).toBe(
      'SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode) is needed with SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, ' +
        'SLACK_STATE_SECRET; for example SLACK_APP_TOKEN=xapp-1-A0123-4567-abcdef.',
    );
  });

  it('stops start-up with one sentence naming a short or malformed key, never showing it whole', () => {
    const short = Buffer.alloc(16, 3).toString('base64');
    const sentence = message({ ...OAUTH, MLQ_SECRET_KEY: short, SLACK_APP_TOKEN: 'xapp-1-A0123-4567-abcdef' });
    expect(sentence).toMatch(/^MLQ_SECRET_KEY is 16 bytes of base64, not 32 \(44 characters\) \(got "AwMDA…", 24 characters\); /);
    expect(sentence).not.toContain(short);
    expect(message({ ...OAUTH, MLQ_SECRET_KEY_PREVIOUS: 'x', SLACK_APP_TOKEN: 'xapp-1-A0123-4567-abcdef' })).toMatch(
      /^MLQ_SECRET_KEY_PREVIOUS is 0 bytes of base64/,
    );
    expect(message({ ...OAUTH, SLACK_CLIENT_ID: 'abc', SLACK_APP_TOKEN: 'xapp-1-A0123-4567-abcdef' })).toMatch(
      /^SLACK_CLIENT_ID must be the app's Client ID/,
    );
    expect(message({ ...OAUTH, SLACK_STATE_SECRET: '0123456789abcde', SLACK_APP_TOKEN: 'xapp-1-A0123-4567-abcdef' })).toMatch(
      /^SLACK_STATE_SECRET is too short/,
    );
    expect(message({ ...OAUTH, SLACK_STATE_SECRET: '0123456789abcdef', SLACK_APP_TOKEN: 'xapp-1-A0123-4567-abcdef' })).toBeNull();
  });

  it('keeps the single-token mode when SLACK_BOT_TOKEN is also set, naming the OAuth settings it leaves unused', () => {
    const both = slackConfig({ ...OAUTH, SLACK_BOT_TOKEN: 'xoxb-1234-5678-abcdef', SLACK_APP_TOKEN: 'xapp-1-A0123-4567-abcdef' });
    expect(both.ok && both.value).toEqual({
      botToken: 'xoxb-1234-5678-abcdef',
      mode: 'socket',
      appToken: 'xapp-1-A0123-4567-abcdef',
      signingSecret: undefined,
      apiUrl: undefined,
      ignored: ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'],
    });
  });

  it('leaves Slack off when only the key is set', () => {
    expect(slackConfig({ MLQ_SECRET_KEY: KEY })).toEqual({ ok: true, value: null });
  });
});
