import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a signed link grants: one channel's page, for a member (or anyone it is shared with), until an instant. */
export interface LinkClaims {
  channelId: string;
  /** The member who asked for the link (their own page shows their mastery); null for a link to share. */
  memberId: string | null;
  /** The channel's link generation when the link was signed; rotating the links makes it stale. */
  generation: number;
  expiresAt: Date;
}

export type Refusal = 'malformed' | 'forged' | 'wrong-channel' | 'expired' | 'rotated';

export type Verified = { ok: true; claims: LinkClaims } | { ok: false; reason: Refusal };

const mac = (secret: string, payload: string) => createHmac('sha256', secret).update(payload).digest();

/** The token of a link: the claims as base64url JSON, a dot, and their HMAC-SHA256 under the secret. */
export function signToken(secret: string, claims: LinkClaims): string {
  const body = { c: claims.channelId, m: claims.memberId, g: claims.generation, e: Math.floor(claims.expiresAt.getTime() / 1000) };
  const payload = Buffer.from(JSON.stringify(body)).toString('base64url');
  return `${payload}.${mac(secret, payload).toString('base64url')}`;
}

function decode(payload: string): LinkClaims | null {
  try {
    const body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const { c, m, g, e } = body;
    if (typeof c !== 'string' || (m !== null && typeof m !== 'string') || !Number.isInteger(g) || !Number.isInteger(e)) return null;
    return { channelId: c, memberId: m, generation: g as number, expiresAt: new Date((e as number) * 1000) };
  } catch {
    return null;
  }
}

/**
 * Checks a token for a request to `channelId`'s page at `now`: the signature first (in constant time), then the
 * channel, the expiry (a link stops working at its expiry instant) and the channel's current generation.
 */
export function verifyToken(secret: string, token: string, expect: { channelId: string; generation: number; now: Date }): Verified {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return { ok: false, reason: 'malformed' };
  const given = Buffer.from(signature, 'base64url');
  const wanted = mac(secret, payload);
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return { ok: false, reason: 'forged' };
  const claims = decode(payload);
  if (!claims) return { ok: false, reason: 'malformed' };
  if (claims.channelId !== expect.channelId) return { ok: false, reason: 'wrong-channel' };
  if (expect.now.getTime() >= claims.expiresAt.getTime()) return { ok: false, reason: 'expired' };
  if (claims.generation !== expect.generation) return { ok: false, reason: 'rotated' };
  return { ok: true, claims };
}
