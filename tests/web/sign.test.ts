import { describe, expect, it } from 'vitest';
import { webLinks } from '../../src/web/links.ts';
import { signToken, verifyToken } from '../../src/web/sign.ts';

const SECRET = 'unit-secret-0123456789abcdef-0123456789';
const CHANNEL = 'slack:T1:C1';
const SIGNED_AT = new Date('2026-11-23T10:00:00Z');
/** Seven days after SIGNED_AT: the instant the link stops working. */
const EXPIRES = new Date('2026-11-30T10:00:00Z');

const token = () => signToken(SECRET, { channelId: CHANNEL, memberId: 'slack:T1:U1', generation: 3, expiresAt: EXPIRES });
const check = (t: string, at: Date, changes: Partial<{ channelId: string; generation: number }> = {}) =>
  verifyToken(SECRET, t, { channelId: CHANNEL, generation: 3, now: at, ...changes });

describe('signed web links', () => {
  it('accepts a link up to the second before its expiry, and refuses it at and after the expiry', () => {
    expect(check(token(), new Date('2026-11-30T09:59:59Z'))).toEqual({
      ok: true,
      claims: { channelId: CHANNEL, memberId: 'slack:T1:U1', generation: 3, expiresAt: EXPIRES },
    });
    expect(check(token(), EXPIRES)).toEqual({ ok: false, reason: 'expired' });
    expect(check(token(), new Date('2026-11-30T10:00:01Z'))).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a forged signature, changed claims, another secret, and malformed tokens', () => {
    const [payload, signature] = token().split('.') as [string, string];
    const flipped = `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(check(`${payload}.${flipped}`, SIGNED_AT)).toEqual({ ok: false, reason: 'forged' });
    const longer = Buffer.from(JSON.stringify({ c: CHANNEL, m: null, g: 3, e: 4_102_444_800 })).toString('base64url');
    expect(check(`${longer}.${signature}`, SIGNED_AT)).toEqual({ ok: false, reason: 'forged' });
    const other = signToken('another-secret-0123456789abcdef-0123', {
      channelId: CHANNEL,
      memberId: null,
      generation: 3,
      expiresAt: EXPIRES,
    });
    expect(check(other, SIGNED_AT)).toEqual({ ok: false, reason: 'forged' });
    for (const bad of ['', 'abc', 'a.b.c', `${payload}.`, '.x']) expect(check(bad, SIGNED_AT).ok, bad).toBe(false);
  });

  it('refuses a link signed for another channel, and one from before a rotation', () => {
    expect(check(token(), SIGNED_AT, { channelId: 'slack:T1:C2' })).toEqual({ ok: false, reason: 'wrong-channel' });
    expect(check(token(), SIGNED_AT, { generation: 4 })).toEqual({ ok: false, reason: 'rotated' });
    expect(check(token(), SIGNED_AT, { generation: 2 })).toEqual({ ok: false, reason: 'rotated' });
  });

  it('builds links under the public address that expire after the set number of days', () => {
    const links = webLinks({ secret: SECRET, baseUrl: 'https://mlq.example.org/', linkDays: 7 });
    const { url, expiresAt } = links.link(CHANNEL, null, 1, SIGNED_AT);
    expect(expiresAt).toEqual(EXPIRES);
    expect(url).toMatch(/^https:\/\/mlq\.example\.org\/web\/slack%3AT1%3AC1\?t=[\w-]+\.[\w-]+$/);
    const t = new URL(url).searchParams.get('t')!;
    expect(verifyToken(SECRET, t, { channelId: CHANNEL, generation: 1, now: SIGNED_AT })).toMatchObject({ ok: true });
    expect(links.pageUrl(CHANNEL)).toBe('https://mlq.example.org/web/slack%3AT1%3AC1');
  });
});
