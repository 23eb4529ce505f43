import { afterEach, describe, expect, it } from 'vitest';
import { CHANNEL, FakeDiscord } from '../helpers/fake-discord.ts';
import { DiscordLimits, SlackLimits } from '../helpers/fake-limits.ts';
import { FakeSlack } from '../helpers/fake-slack.ts';

const CHANNEL_2 = '900000000000000012';
const messages = (channel: string) => `/channels/${channel}/messages`;

describe('the fakes’ rate limits, on a fixed clock', () => {
  it('Discord: the global limit admits 50 in a second (below, at), refuses the 51st (above) as global, and resets', () => {
    let now = 0;
    const limits = new DiscordLimits({ route: { limit: 1000, windowMs: 5000 }, now: () => now });
    const statuses = Array.from({ length: 51 }, (_, i) => limits.check('POST', messages(String(900000000000001000n + BigInt(i)))).status);
    expect(statuses.slice(0, 50).every((s) => s === 200)).toBe(true);
    const refused = limits.check('POST', messages(CHANNEL));
    expect(statuses[50]).toBe(429);
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ message: 'You are being rate limited.', retry_after: 1, global: true });
    expect(refused.headers).toMatchObject({ 'retry-after': '1', 'x-ratelimit-global': 'true', 'x-ratelimit-scope': 'global' });
    now = 999;
    expect(limits.check('POST', messages(CHANNEL)).status).toBe(429);
    now = 1000;
    expect(limits.check('POST', messages(CHANNEL)).status).toBe(200);
    expect(limits.refused).toHaveLength(3);
  });

  it('Discord: a channel’s message bucket admits 5 per 5 s with counting-down headers, per channel', () => {
    let now = 0;
    const limits = new DiscordLimits({ now: () => now });
    const answers = Array.from({ length: 5 }, () => limits.check('POST', messages(CHANNEL)));
    expect(answers.map((a) => a.headers['x-ratelimit-remaining'])).toEqual(['4', '3', '2', '1', '0']);
    expect(answers[0]!.headers).toMatchObject({ 'x-ratelimit-limit': '5', 'x-ratelimit-reset-after': '5.000' });
    now = 2000;
    const sixth = limits.check('POST', messages(CHANNEL));
    expect(sixth.status).toBe(429);
    expect(sixth.body).toEqual({ message: 'You are being rate limited.', retry_after: 3, global: false });
    expect(sixth.headers).toMatchObject({ 'retry-after': '3', 'x-ratelimit-scope': 'user', 'x-ratelimit-remaining': '0' });
    expect(sixth.headers['x-ratelimit-global']).toBeUndefined();
    expect(limits.check('POST', messages(CHANNEL_2)).status).toBe(200);
    now = 5000;
    expect(limits.check('POST', messages(CHANNEL)).headers['x-ratelimit-remaining']).toBe('4');
  });

  it('Discord: interaction answers are outside the global limit', () => {
    const limits = new DiscordLimits({ global: { limit: 1, windowMs: 1000 }, now: () => 0 });
    expect(limits.check('POST', messages(CHANNEL)).status).toBe(200);
    expect(limits.check('POST', messages(CHANNEL)).status).toBe(429);
    expect(limits.check('POST', '/interactions/900000000000000050/token-1/callback').status).toBe(200);
  });

  it('Slack: one post a second per channel, a workspace-wide cap, Retry-After in whole seconds', () => {
    let now = 0;
    const limits = new SlackLimits({ workspace: { limit: 3, windowMs: 1000 }, now: () => now });
    expect(limits.check('chat.postMessage', { channel: 'C1' })).toBeNull();
    expect(limits.check('chat.postMessage', { channel: 'C1' })).toEqual({
      status: 429,
      body: { ok: false, error: 'ratelimited' },
      headers: { 'retry-after': '1' },
    });
    expect(limits.check('chat.postMessage', { channel: 'C2' })).toBeNull();
    // The workspace's third post of the second is its last; the fourth is refused whatever the channel.
    expect(limits.check('chat.postMessage', { channel: 'C3' })).toEqual({
      status: 429,
      body: { ok: false, error: 'ratelimited' },
      headers: { 'retry-after': '1' },
    });
    expect(limits.refused).toEqual([
      { channel: 'C1', workspace: false },
      { channel: 'C3', workspace: true },
    ]);
    expect(limits.check('users.info', { user: 'U1' })).toBeNull();
    now = 1000;
    expect(limits.check('chat.postMessage', { channel: 'C1' })).toBeNull();
  });
});

describe('the fakes answer 429 over HTTP when a test opts in', () => {
  let discord: FakeDiscord | undefined;
  let slack: FakeSlack | undefined;
  afterEach(async () => {
    await discord?.stop();
    await slack?.stop();
    discord = slack = undefined;
  });

  it('Discord sends the bucket headers on success and a 429 with Retry-After and the JSON body past the limit', async () => {
    discord = await new FakeDiscord().start();
    discord.limits = new DiscordLimits({ route: { limit: 1, windowMs: 60_000 } });
    const post = () => fetch(`${discord!.apiUrl}/v10${messages(CHANNEL)}`, { method: 'POST', body: '{"content":"hi"}' });
    const first = await post();
    expect(first.status).toBe(200);
    expect(first.headers.get('x-ratelimit-limit')).toBe('1');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(first.headers.get('x-ratelimit-bucket')).toMatch(/^[0-9a-f]{16}$/);
    const second = await post();
    expect(second.status).toBe(429);
    expect(second.headers.get('retry-after')).toBe('60');
    expect(second.headers.get('x-ratelimit-scope')).toBe('user');
    expect(await second.json()).toMatchObject({ message: 'You are being rate limited.', global: false });
    expect(discord.messages).toHaveLength(1);
  });

  it('Slack answers HTTP 429 with Retry-After and keeps no message', async () => {
    slack = await new FakeSlack().start();
    slack.limits = new SlackLimits();
    const post = () =>
      fetch(`${slack!.apiUrl}chat.postMessage`, { method: 'POST', body: 'channel=C1&text=hi', headers: { authorization: 'Bearer x' } });
    expect((await post()).status).toBe(200);
    const second = await post();
    expect(second.status).toBe(429);
    expect(second.headers.get('retry-after')).toBe('1');
    expect(await second.json()).toEqual({ ok: false, error: 'ratelimited' });
    expect(slack.messages).toHaveLength(1);
  });

  it('without opting in, the fakes never refuse', async () => {
    discord = await new FakeDiscord().start();
    const answers = await Promise.all(
      Array.from({ length: 60 }, () => fetch(`${discord!.apiUrl}/v10${messages(CHANNEL)}`, { method: 'POST', body: '{"content":"hi"}' })),
    );
    expect(answers.every((a) => a.status === 200)).toBe(true);
  });
});
