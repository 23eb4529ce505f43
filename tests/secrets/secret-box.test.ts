import { describe, expect, it } from 'vitest';
import { keyId, parseSecretKey, SecretBox, SecretBoxError } from '../../src/secrets/secret-box.ts';

const KEY = Buffer.alloc(32, 7);
const OTHER = Buffer.alloc(32, 9);
const problem = (value: string) => {
  const parsed = parseSecretKey(value);
  return parsed.ok ? null : parsed.problem;
};

describe('MLQ_SECRET_KEY', () => {
  it('takes 32 bytes as base64, unpadded base64, base64url or hex', () => {
    const bytes = Buffer.from([...Array(32).keys()].map((i) => i * 8));
    for (const written of [
      bytes.toString('base64'),
      bytes.toString('base64').replace(/=+$/, ''),
      bytes.toString('base64url'),
      bytes.toString('hex'),
    ]) {
      const parsed = parseSecretKey(written);
      expect(parsed.ok && parsed.key.equals(bytes), written).toBe(true);
    }
  });

  it('refuses 31 and 33 bytes, in base64 and in hex, saying how many it got', () => {
    expect(problem(Buffer.alloc(31, 1).toString('base64'))).toBe(
      'is 31 bytes of base64, not 32 (44 characters); generate one with `openssl rand -base64 32`',
    );
    expect(problem(Buffer.alloc(33, 1).toString('base64'))).toBe(
      'is 33 bytes of base64, not 32 (44 characters); generate one with `openssl rand -base64 32`',
    );
    expect(problem('ab'.repeat(31))).toBe('is 31 bytes of hex, not 32 (64 hex characters); generate one with `openssl rand -base64 32`');
    expect(problem('ab'.repeat(33))).toBe('is 33 bytes of hex, not 32 (64 hex characters); generate one with `openssl rand -base64 32`');
    expect(problem('ab'.repeat(32))).toBeNull();
  });

  it('refuses a value that is neither base64 nor hex', () => {
    expect(problem('not a key!')).toBe(
      'must be 32 bytes written as base64 (44 characters) or hex (64 characters); generate one with `openssl rand -base64 32`',
    );
  });
});

describe('SecretBox', () => {
  it('opens what it sealed, and the sealed text contains neither the text nor the key', () => {
    const box = new SecretBox(KEY);
    const sealed = box.seal('{"token":"xoxb-123-secret"}', 'slack:T1');
    expect(sealed).not.toContain('xoxb');
    expect(sealed).not.toContain(KEY.toString('base64'));
    expect(sealed.split('.').slice(0, 2)).toEqual(['v1', keyId(KEY)]);
    expect(box.open(sealed, 'slack:T1')).toBe('{"token":"xoxb-123-secret"}');
    expect(box.seal('same', 'slack:T1')).not.toBe(box.seal('same', 'slack:T1'));
  });

  it('refuses sealed text moved to another record, altered, or cut short', () => {
    const box = new SecretBox(KEY);
    const sealed = box.seal('secret', 'slack:T1');
    expect(() => box.open(sealed, 'slack:T2')).toThrow(SecretBoxError);
    const [v, id, iv, tag, body] = sealed.split('.');
    const flipped = Buffer.from(body!, 'base64url');
    flipped[0]! ^= 1;
    expect(() => box.open([v, id, iv, tag, flipped.toString('base64url')].join('.'), 'slack:T1')).toThrow(SecretBoxError);
    expect(() => box.open([v, id, iv, tag!.slice(0, 6), body].join('.'), 'slack:T1')).toThrow(SecretBoxError);
    expect(() => box.open('v1.abc', 'slack:T1')).toThrow(SecretBoxError);
  });

  it('opens with the previous key during a rotation, seals with the current one, and names an unknown key', () => {
    const old = new SecretBox(OTHER).seal('secret', 'slack:T1');
    const rotating = new SecretBox(KEY, OTHER);
    expect(rotating.open(old, 'slack:T1')).toBe('secret');
    expect(SecretBox.keyOf(rotating.seal('secret', 'slack:T1'))).toBe(keyId(KEY));
    expect(() => new SecretBox(KEY).open(old, 'slack:T1')).toThrow(
      `sealed by key ${keyId(OTHER)}, which is neither MLQ_SECRET_KEY nor MLQ_SECRET_KEY_PREVIOUS`,
    );
  });
});
