import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const VERSION = 'v1';
const HOW = 'generate one with `openssl rand -base64 32`';

/** Why a secret key setting is unusable (completing "NAME …"), or the 32-byte key it gives. */
export function parseSecretKey(value: string): { ok: true; key: Buffer } | { ok: false; problem: string } {
  const bytes = (n: number) => `${n} ${n === 1 ? 'byte' : 'bytes'}`;
  if (/^[0-9a-f]+$/i.test(value) && value.length % 2 === 0) {
    const key = Buffer.from(value, 'hex');
    if (key.length === KEY_BYTES) return { ok: true, key };
    return { ok: false, problem: `is ${bytes(key.length)} of hex, not 32 (64 hex characters); ${HOW}` };
  }
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) {
    return { ok: false, problem: `must be 32 bytes written as base64 (44 characters) or hex (64 characters); ${HOW}` };
  }
  const key = Buffer.from(value, /[-_]/.test(value) ? 'base64url' : 'base64');
  if (key.length !== KEY_BYTES) return { ok: false, problem: `is ${bytes(key.length)} of base64, not 32 (44 characters); ${HOW}` };
  return { ok: true, key };
}

/** A short public fingerprint of a key (not the key), stored beside what it sealed. */
export function keyId(key: Buffer): string {
  return createHash('sha256').update('mlq-secret-key').update(key).digest('hex').slice(0, 12);
}

/** Thrown when sealed text cannot be opened: sealed by an unknown key, or altered. */
export class SecretBoxError extends Error {}

/**
 * AES-256-GCM with the current key, opening what the current or the previous key sealed (for a key rotation).
 * `context` (such as the row's identity) is bound to the ciphertext, so sealed text moved to another row fails to open.
 */
export class SecretBox {
  private readonly keys: Map<string, Buffer>;
  readonly keyId: string;

  constructor(current: Buffer, previous?: Buffer) {
    this.keyId = keyId(current);
    this.keys = new Map([[this.keyId, current]]);
    if (previous) this.keys.set(keyId(previous), previous);
  }

  seal(plain: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.keyId)!, iv);
    cipher.setAAD(Buffer.from(context));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [VERSION, this.keyId, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
  }

  /** The key id a sealed text names. */
  static keyOf(sealed: string): string | undefined {
    return sealed.split('.')[1];
  }

  open(sealed: string, context: string): string {
    const [version, id, iv, tag, body] = sealed.split('.');
    if (version !== VERSION || !id || iv === undefined || tag === undefined || body === undefined) {
      throw new SecretBoxError('not a sealed value');
    }
    const key = this.keys.get(id);
    if (!key) throw new SecretBoxError(`sealed by key ${id}, which is neither MLQ_SECRET_KEY nor MLQ_SECRET_KEY_PREVIOUS`);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), { authTagLength: 16 });
      decipher.setAAD(Buffer.from(context));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretBoxError('the sealed value was altered or sealed for another record');
    }
  }
}
