import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { type DataKey, type Keyring, keyringOf } from './data-key.ts';
import { openEnvelope, sealEnvelope } from './envelope.ts';

/**
 * Encryption of personal data at rest (AES-256-GCM) and keyed lookups (HMAC-SHA-256).
 * Envelope (envelope.ts): `g<key version>:` + base64(iv ‖ tag ‖ ciphertext); the current key
 * encrypts, every key of the keyring decrypts what it made. Each key gives an encryption subkey by
 * HKDF; lookups use the keyring's lookup key, so a lookup hash reveals nothing about the ciphertext
 * key and survives rotation. `aad` binds a value to its place (e.g. `service_requests.phone`):
 * a ciphertext copied into another column does not decrypt.
 */
export type DataBox = {
  encrypt: (plain: string, aad?: string) => string;
  /** Throws when the envelope is damaged, from an unknown key or another place. */
  decrypt: (envelope: string, aad?: string) => string;
  /** A stable keyed hash for equality lookups (same input, same hash); hex, 64 characters. */
  lookupHash: (value: string, purpose: string) => string;
  /** The version that encrypts now, and every version that decrypts. */
  versions: () => { current: number; known: number[] };
  /** Takes another keyring (a key added or retired while running). */
  adopt: (keyring: Keyring) => void;
};

declare module 'fastify' {
  interface FastifyInstance {
    /** The app's box for personal data (built once in app.ts from the configured keys). */
    dataBox: DataBox;
  }
}

type Options = {
  /**
   * Reads the keys again (file keys: `npm run keys:rotate` may add one from another process):
   * on an envelope of an unknown version, and before encrypting at most every `refreshMs`.
   */
  reload?: () => Keyring;
  refreshMs?: number;
};

const encryptionKeyOf = (bytes: Buffer) =>
  Buffer.from(hkdfSync('sha256', bytes, Buffer.alloc(0), 'gaodi data encryption v1', 32));

export function createDataBox(keys: DataKey | Keyring, options: Options = {}): DataBox {
  let ring: Keyring = 'bytes' in keys ? keyringOf(new Map([[1, keys.bytes]]), { source: keys.source }) : keys;
  let subkeys = new Map<number, Buffer>();
  let macKey = ring.lookup;
  let loadedAt = Date.now();
  const adopt = (next: Keyring) => {
    ring = next;
    subkeys = new Map([...next.keys].map(([v, bytes]) => [v, encryptionKeyOf(bytes)]));
    macKey = next.lookup;
    loadedAt = Date.now();
  };
  adopt(ring);
  const refresh = (always: boolean) => {
    const due = options.refreshMs !== undefined && Date.now() - loadedAt > options.refreshMs;
    if (options.reload && (always || due)) adopt(options.reload());
  };
  const subkey = (version: number) => {
    if (!subkeys.has(version)) refresh(true);
    const key = subkeys.get(version);
    if (!key) throw new Error(`data key version ${version} is not configured`);
    return key;
  };
  return {
    encrypt(plain, aad = '') {
      refresh(false);
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', subkey(ring.current), iv);
      cipher.setAAD(Buffer.from(aad, 'utf8'));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return sealEnvelope(ring.current, Buffer.concat([iv, cipher.getAuthTag(), body]));
    },
    decrypt(envelope, aad = '') {
      const { version, raw } = openEnvelope(envelope);
      const decipher = createDecipheriv('aes-256-gcm', subkey(version), raw.subarray(0, 12));
      decipher.setAAD(Buffer.from(aad, 'utf8'));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
    lookupHash(value, purpose) {
      return createHmac('sha256', macKey).update(`${purpose}\u0000${value}`).digest('hex');
    },
    versions: () => ({ current: ring.current, known: [...ring.keys.keys()].sort((a, b) => a - b) }),
    adopt,
  };
}
