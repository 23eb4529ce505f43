import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import { card, text } from '../../src/core/message.ts';
import { answerTally, type Metrics, noMetrics } from '../../src/core/metrics.ts';
import { ChannelUnavailableError, type ChatPort, errorCode, Ports, platformOf } from '../../src/core/port.ts';
import { RecordingPort } from '../helpers/recording-port.ts';

const hello = card(undefined, [text('hello')]);

/** Metrics that keep the platform errors counted, in order. */
const countingErrors = () => {
  const errors: string[] = [];
  const metrics: Metrics = { ...noMetrics, platformError: (platform, code) => errors.push(`${platform}/${code}`) };
  return { errors, metrics };
};

/** A platform whose every call fails: synchronously (a bug in the adapter) or by rejecting (the platform said no). */
const failing = (how: 'throw' | 'reject', error: unknown): ChatPort => {
  const fail = () => {
    if (how === 'throw') throw error;
    return Promise.reject(error);
  };
  return {
    platform: 'flaky',
    post: fail,
    reply: fail,
    findPosted: fail,
    update: fail,
    react: fail,
    sendPrivate: fail,
    isAdmin: fail,
  };
};

describe('platformOf', () => {
  it('reads the prefix before the first colon, or the whole id when there is none', () => {
    expect(platformOf('slack:T1:C2')).toBe('slack');
    expect(platformOf('discord:1')).toBe('discord');
    expect(platformOf('console')).toBe('console');
    expect(platformOf(':C2')).toBe('');
    expect(platformOf('')).toBe('');
  });
});

describe('a channel the bot can no longer reach', () => {
  it('carries the channel and the reason in its message and name', () => {
    const e = new ChannelUnavailableError('slack:T1:C1', 'channel_not_found');
    expect(e.message).toBe('channel slack:T1:C1 is unavailable: channel_not_found');
    expect(e.name).toBe('ChannelUnavailableError');
    expect(e.channelId).toBe('slack:T1:C1');
    expect(e).toBeInstanceOf(Error);
  });
});

describe('the bounded code of a platform error', () => {
  it.each([
    ['the first word of an unavailable channel’s reason', new ChannelUnavailableError('d:1', '10003 Unknown Channel'), '10003'],
    ['an unavailable channel without a reason', new ChannelUnavailableError('d:1', ''), 'other'],
    ['an unavailable channel whose reason starts with a symbol', new ChannelUnavailableError('d:1', '(gone) now'), 'other'],
    ['Slack’s data.error before the code', { data: { error: 'not_in_channel' }, code: 'slack_webapi_platform_error' }, 'not_in_channel'],
    ['a code without data', { code: 'ECONNRESET' }, 'ECONNRESET'],
    ['a numeric code', { code: 50001, status: 403 }, '50001'],
    ['a code before the status', { code: 'E1', status: 500 }, 'E1'],
    ['data without an error', { data: {}, status: 429 }, 'http-429'],
    ['an HTTP status', { status: 503 }, 'http-503'],
    ['an HTTP statusCode', { statusCode: 502 }, 'http-502'],
    ['a status before a statusCode', { status: 500, statusCode: 502 }, 'http-500'],
    ['a code that is not a finite number', { code: Number.NaN }, 'other'],
    ['an infinite status', { status: Number.POSITIVE_INFINITY }, 'other'],
    ['a code of another type', { code: true }, 'other'],
    ['a code with spaces', { code: 'not a code' }, 'other'],
    ['a code of 48 characters', { code: 'c'.repeat(48) }, 'c'.repeat(48)],
    ['a code of 49 characters', { code: 'c'.repeat(49) }, 'other'],
    ['an empty object', {}, 'other'],
    ['null', null, 'other'],
    ['undefined', undefined, 'other'],
    ['a string', 'ECONNRESET', 'other'],
    ['a function carrying a code', Object.assign(() => undefined, { code: 'E1' }), 'other'],
  ])('%s', (_what, error, code) => {
    expect(errorCode(error)).toBe(code);
  });
});

describe('the ports', () => {
  it('route each call to the platform of the id and return what it returned', async () => {
    const port = new RecordingPort('test');
    const ports = new Ports();
    ports.register(port);
    port.admins.add('test:W:U1');
    const p = ports.for('test:C1');
    expect(p.platform).toBe('test');
    expect(await p.post('test:C1', hello, 'k1')).toEqual({ messageId: 'test:msg:1', threadId: 'test:thread:1' });
    expect(await p.reply('test:thread:1', hello, 'k2')).toEqual({ messageId: 'test:msg:2' });
    await p.update('test:msg:1', hello);
    await p.react('test:msg:2', 'answer-counted');
    await p.sendPrivate('test:W:U1', 'test:C1', hello);
    expect(await p.isAdmin('test:C1', 'test:W:U1')).toBe(true);
    expect(await p.isAdmin('test:C1', 'test:W:U2')).toBe(false);
    expect(await p.findPosted?.('test:C1', 'k1', new Date(0))).toEqual({ messageId: 'test:msg:1', threadId: 'test:thread:1' });
    expect(await p.findPosted?.('test:C1', 'k9', new Date(0))).toBeNull();
    expect(port.sent.map((s) => [s.kind, s.target, s.key ?? s.ack ?? ''])).toEqual([
      ['post', 'test:C1', 'k1'],
      ['reply', 'test:thread:1', 'k2'],
      ['update', 'test:msg:1', ''],
      ['react', 'test:msg:2', 'answer-counted'],
      ['private', 'test:W:U1', ''],
    ]);
  });

  it('pass on whether a platform reads threads and its capabilities, and leave out a search it lacks', () => {
    const bare: ChatPort = { ...failing('reject', null), platform: 'bare', answersInThread: false, findPosted: undefined };
    const ports = new Ports();
    ports.register(bare);
    ports.register({ ...failing('reject', null), platform: 'chat', capabilities: { reactions: false, helpNote: 'Hi.' } });
    expect(ports.for('bare:C1').answersInThread).toBe(false);
    expect(ports.for('bare:C1').findPosted).toBeUndefined();
    expect(ports.for('chat:C1').answersInThread).toBeUndefined();
    expect(ports.for('chat:C1').capabilities).toEqual({ reactions: false, helpNote: 'Hi.' });
    expect(ports.capabilities('chat:C1')).toEqual({
      reactions: false,
      publicReplies: true,
      revealRecap: false,
      privateButtons: true,
      helpNote: 'Hi.',
    });
    expect(ports.capabilities('bare:C1')).toEqual({ reactions: true, publicReplies: true, revealRecap: false, privateButtons: true });
    expect(ports.capabilities('none:C1')).toEqual({ reactions: true, publicReplies: true, revealRecap: false, privateButtons: true });
  });

  it('know which platforms are connected, and refuse an id of another with a sentence naming it', () => {
    const ports = new Ports();
    ports.register(new RecordingPort('slack'));
    expect(ports.has('slack:T1:C1')).toBe(true);
    expect(ports.has('discord:1:2')).toBe(false);
    expect(() => ports.for('discord:1:2')).toThrow('no platform is connected for discord (id discord:1:2)');
  });

  it.each(['throw', 'reject'] as const)(
    'count every failed call (%s) under the platform and its code, and pass the error on',
    async (how) => {
      const { errors, metrics } = countingErrors();
      const ports = new Ports(metrics);
      const gone = new ChannelUnavailableError('flaky:C1', 'channel_not_found');
      ports.register(failing(how, gone));
      const p = ports.for('flaky:C1');
      await expect(p.post('flaky:C1', hello)).rejects.toBe(gone);
      await expect(p.reply('flaky:T1', hello)).rejects.toBe(gone);
      await expect(p.findPosted?.('flaky:C1', 'k', new Date(0)) ?? Promise.resolve('no search')).rejects.toBe(gone);
      await expect(p.update('flaky:M1', hello)).rejects.toBe(gone);
      await expect(p.react('flaky:M1', 'probe-bonus')).rejects.toBe(gone);
      await expect(p.sendPrivate('flaky:U1', 'flaky:C1', hello)).rejects.toBe(gone);
      await expect(p.isAdmin('flaky:C1', 'flaky:U1')).rejects.toBe(gone);
      expect(errors).toEqual(Array(7).fill('flaky/channel_not_found'));
    },
  );

  it('count nothing for calls that succeed', async () => {
    const { errors, metrics } = countingErrors();
    const ports = new Ports(metrics);
    ports.register(new RecordingPort('test'));
    await ports.for('test:C1').post('test:C1', hello);
    expect(errors).toEqual([]);
  });
});

describe('answer outcomes as counted', () => {
  it.each([
    ['answer', 'thread', { result: 'counted', via: 'thread' }],
    ['answer', 'form', { result: 'counted', via: 'form' }],
    ['too-short', 'thread', { result: 'refused', reason: 'too-short' }],
    ['closed', 'form', { result: 'refused', reason: 'closed' }],
    ['discussion', 'thread', null],
    ['probe-reply', 'thread', null],
    ['duplicate', 'form', null],
    ['ignored', 'thread', null],
  ] as const)('%s (%s) → %j', (outcome, via, tally) => {
    expect(answerTally(outcome, via)).toEqual(tally);
  });
});

describe('the manual clock', () => {
  it('stands still, moves when set or advanced, and hands out copies', () => {
    const clock = new ManualClock(new Date('2026-11-30T23:30:00Z'));
    const now = clock.now();
    now.setTime(0);
    expect(clock.now().toISOString()).toBe('2026-11-30T23:30:00.000Z');
    const at = new Date('2026-12-01T00:15:00Z');
    clock.set(at);
    at.setTime(0);
    expect(clock.now().toISOString()).toBe('2026-12-01T00:15:00.000Z');
    clock.advance(45 * 60_000);
    expect(clock.now().toISOString()).toBe('2026-12-01T01:00:00.000Z');
  });
});
