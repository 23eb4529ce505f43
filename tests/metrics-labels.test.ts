import { DiscordAPIError } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { answerTally } from '../src/core/metrics.ts';
import { ChannelUnavailableError, errorCode } from '../src/core/port.ts';
import { createMetrics, MAX_ERROR_CODES } from '../src/metrics.ts';
import { samples, series } from './helpers/scrape.ts';

describe('answer outcomes map to counted, refused or nothing', () => {
  it.each([
    ['answer', 'thread', { result: 'counted', via: 'thread' }],
    ['answer', 'form', { result: 'counted', via: 'form' }],
    ['too-long', 'thread', { result: 'refused', reason: 'too-long' }],
    ['too-short', 'thread', { result: 'refused', reason: 'too-short' }],
    ['already-answered', 'form', { result: 'refused', reason: 'already-answered' }],
    ['closed', 'form', { result: 'refused', reason: 'closed' }],
    ['empty', 'form', { result: 'refused', reason: 'empty' }],
    ['filler', 'thread', { result: 'refused', reason: 'filler' }],
    ['discussion', 'thread', null],
    ['probe-reply', 'thread', null],
    ['duplicate', 'form', null],
    ['ignored', 'thread', null],
  ] as const)('%s (%s) → %j', (outcome, via, tally) => {
    expect(answerTally(outcome, via)).toEqual(tally);
  });
});

describe('a platform error gets a short, bounded code', () => {
  const discord = (code: number, status: number) =>
    new DiscordAPIError({ code, message: 'Missing Access' }, code, status, 'POST', 'https://discord.com/api/v10/channels/1/messages', {
      files: undefined,
      body: {},
    });

  const slack = (fields: object) => Object.assign(new Error('An API error occurred'), fields);

  it.each([
    ['Slack API error', slack({ code: 'slack_webapi_platform_error', data: { ok: false, error: 'not_in_channel' } }), 'not_in_channel'],
    ['Slack rate limit', slack({ code: 'slack_webapi_rate_limited_error', retryAfter: 1 }), 'slack_webapi_rate_limited_error'],
    ['Discord API error', discord(50001, 403), '50001'],
    ['Discord HTTP error without a code', Object.assign(new Error('Service Unavailable'), { status: 503 }), 'http-503'],
    ['Slack channel gone', new ChannelUnavailableError('slack:T1:C1', 'channel_not_found'), 'channel_not_found'],
    ['Discord channel gone', new ChannelUnavailableError('discord:1:2', '10003 Unknown Channel'), '10003'],
    ['network error', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), 'ECONNREFUSED'],
    ['plain error', new Error('boom'), 'other'],
    ['a string', 'boom', 'other'],
    ['null', null, 'other'],
    ['a code with spaces', { code: 'not a code' }, 'other'],
    ['a code of 48 characters', { code: 'c'.repeat(48) }, 'c'.repeat(48)],
    ['a code of 49 characters', { code: 'c'.repeat(49) }, 'other'],
  ])('%s → %s', (_what, error, code) => {
    expect(errorCode(error)).toBe(code);
  });
});

describe('platform error labels stay bounded', () => {
  it(`keeps ${MAX_ERROR_CODES} distinct codes and counts later new ones as other`, async () => {
    expect(MAX_ERROR_CODES).toBe(50);
    const metrics = createMetrics();
    for (let i = 1; i <= 49; i++) metrics.platformError('slack', `code_${i}`);
    metrics.platformError('discord', 'code_50');
    metrics.platformError('discord', 'code_51');
    metrics.platformError('slack', 'code_1');
    const counted = series(samples(await metrics.render()), 'mlq_platform_errors_total');
    expect(Object.keys(counted)).toHaveLength(51);
    expect(counted['mlq_platform_errors_total{platform="slack",code="code_1"}']).toBe(2);
    expect(counted['mlq_platform_errors_total{platform="discord",code="code_50"}']).toBe(1);
    expect(counted['mlq_platform_errors_total{platform="discord",code="code_51"}']).toBeUndefined();
    expect(counted['mlq_platform_errors_total{platform="discord",code="other"}']).toBe(1);
  });
});
