import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { DataKey } from './data-key.ts';

/**
 * Encryption of personal data at rest (AES-256-GCM) and keyed lookups (HMAC-SHA-256).
 * Envelope: `g1:` + base64(iv 12 bytes ‖ tag 16 bytes ‖ ciphertext). Two subkeys are derived
 * from the data key with HKDF, one to encrypt and one to hash, so a lookup hash reveals nothing
 * about the ciphertext key. `aad` binds a value to its place (e.g. `service_requests.phone`):
 * a ciphertext copied into another column does not decrypt.
 */
export type DataBox = {
  encrypt: (plain: string, aad?: string) => string;
  /** Throws when the envelope is damaged, from another key or another place. */
  decrypt: (envelope: string, aad?: string) => string;
  /** A stable keyed hash for equality lookups (same input, same hash); hex, 64 characters. */
  lookupHash: (value: string, purpose: string) => string;
};

declare module 'fastify' {
  interface FastifyInstance {
    /** The app's box for personal data (built once in app.ts from the configured key). */
    dataBox: DataBox;
  }
}

const PREFIX = 'g1:';

export function createDataBox(key: DataKey): DataBox {
  const subkey = (info: string) => Buffer.from(hkdfSync('sha256', key.bytes, Buffer.alloc(0), info, 32));
  const encKey = subkey('gaodi data encryption v1');
  const macKey = subkey('gaodi data lookup v1');
  return {
    encrypt(plain, aad = '') {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      cipher.setAAD(Buffer.from(aad, 'utf8'));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    decrypt(envelope, aad = '') {
      if (!envelope.startsWith(PREFIX)) throw new Error('not an encrypted value');
      const raw = Buffer.from(envelope.slice(PREFIX.length), 'base64');
      if (raw.length < 28) throw new Error('encrypted value cut short');
      const decipher = createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
      decipher.setAAD(Buffer.from(aad, 'utf8'));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
    lookupHash(value, purpose) {
      return createHmac('sha256', macKey).update(`${purpose}\u0000${value}`).digest('hex');
    },
  };
}
