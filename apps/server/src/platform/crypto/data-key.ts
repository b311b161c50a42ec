import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The 32-byte master key of personal data (phones, ID numbers); never stored in the database. */
export type DataKey = { bytes: Buffer; source: 'env' | 'file' | 'development' };

const KEY_FILE = 'data.key';

/** 32 bytes from base64 or hex (64 hex digits); anything else is a configuration error. */
export function parseDataKey(text: string): Buffer {
  const value = text.trim();
  const bytes = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
  if (bytes.length !== 32) throw new Error('GAODI_DATA_KEY must be 32 bytes (64 hex digits or base64)');
  return bytes;
}

/**
 * The data key from configuration: GAODI_DATA_KEY when set (production, several nodes share it);
 * otherwise, for the embedded start, a key file generated once under the data folder (mode 0600).
 * Losing the key loses the encrypted values; back it up with the data folder.
 */
export function loadDataKey(options: { env?: NodeJS.ProcessEnv; dataDir: string }): DataKey {
  const fromEnv = (options.env ?? process.env).GAODI_DATA_KEY;
  if (fromEnv) return { bytes: parseDataKey(fromEnv), source: 'env' };
  const file = join(options.dataDir, KEY_FILE);
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  }
  chmodSync(file, 0o600);
  return { bytes: parseDataKey(readFileSync(file, 'utf8')), source: 'file' };
}

/**
 * A fixed key for tests, benches and browser tests only (their databases are throw-away clones).
 * main.ts always passes loadDataKey's key.
 */
export function developmentDataKey(): DataKey {
  return { bytes: Buffer.alloc(32, 0x47), source: 'development' };
}
