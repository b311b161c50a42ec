import { hkdfSync, randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

/** One 32-byte master key of personal data (phones, ID numbers); never stored in the database. */
export type DataKey = { bytes: Buffer; source: KeySource };
export type KeySource = 'env' | 'file' | 'development';

/**
 * Every data key the process knows, by version: `current` encrypts, all of them decrypt (an
 * envelope names its version, envelope.ts). `lookup` keys the lookup hashes; it never rotates
 * (a hash cannot be recomputed without the value, e.g. MFA recovery codes): it is derived from
 * key version 1, or configured on its own once version 1 is retired.
 */
export type Keyring = {
  current: number;
  keys: ReadonlyMap<number, Buffer>;
  lookup: Buffer;
  source: KeySource;
};

const KEY_FILE = 'data.key';
const LOOKUP_FILE = 'data-lookup.key';
const VERSION_FILE = /^data-([1-9][0-9]{0,5})\.key$/;

/** The key file of a version under the data folder: `data.key` is version 1, `data-<n>.key` version n. */
export const keyFileName = (version: number) => (version === 1 ? KEY_FILE : `data-${version}.key`);

/** 32 bytes from base64 or hex (64 hex digits); anything else is a configuration error. */
export function parseDataKey(text: string): Buffer {
  const value = text.trim();
  const bytes = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
  if (bytes.length !== 32) throw new Error('GAODI_DATA_KEY must be 32 bytes (64 hex digits or base64)');
  return bytes;
}

/** The lookup-hash key derived from key version 1 (as before keys had versions). */
export function lookupKeyOf(versionOne: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', versionOne, Buffer.alloc(0), 'gaodi data lookup v1', 32));
}

/** A keyring from versioned keys: current = `current` or the highest version. */
export function keyringOf(
  keys: ReadonlyMap<number, Buffer>,
  options: { source: KeySource; current?: number; lookup?: Buffer },
): Keyring {
  if (keys.size === 0) throw new Error('no data key configured');
  const current = options.current ?? Math.max(...keys.keys());
  if (!keys.has(current)) throw new Error(`the current data key version ${current} is not configured`);
  const one = keys.get(1);
  const lookup = options.lookup ?? (one ? lookupKeyOf(one) : undefined);
  if (!lookup)
    throw new Error(
      'data key version 1 is retired: configure its lookup key (GAODI_DATA_LOOKUP_KEY or data-lookup.key)',
    );
  return { current, keys, lookup, source: options.source };
}

/** "2:<key>,3:<key>" → versions; a version given twice is a configuration error. */
function parseKeyList(text: string, into: Map<number, Buffer>) {
  for (const item of text.split(/[,\s]+/).filter(Boolean)) {
    const match = /^([1-9][0-9]{0,5}):(.+)$/.exec(item);
    if (!match) throw new Error('GAODI_DATA_KEYS is "<version>:<key>,…" (e.g. 2:<64 hex digits>)');
    const version = Number(match[1]);
    if (into.has(version)) throw new Error(`data key version ${version} is configured twice`);
    into.set(version, parseDataKey(match[2] ?? ''));
  }
}

function keyringFromEnv(env: NodeJS.ProcessEnv): Keyring {
  const keys = new Map<number, Buffer>();
  if (env.GAODI_DATA_KEY) keys.set(1, parseDataKey(env.GAODI_DATA_KEY));
  if (env.GAODI_DATA_KEYS) parseKeyList(env.GAODI_DATA_KEYS, keys);
  return keyringOf(keys, {
    source: 'env',
    current: env.GAODI_DATA_KEY_CURRENT ? Number(env.GAODI_DATA_KEY_CURRENT) : undefined,
    lookup: env.GAODI_DATA_LOOKUP_KEY ? parseDataKey(env.GAODI_DATA_LOOKUP_KEY) : undefined,
  });
}

function writeKeyFile(file: string, bytes: Buffer) {
  writeFileSync(file, bytes.toString('base64'), { mode: 0o600, flag: 'wx' });
}

/** The versions whose key files are in the data folder. */
function fileVersions(dataDir: string): number[] {
  if (!existsSync(dataDir)) return [];
  return readdirSync(dataDir).flatMap((name) => {
    if (name === KEY_FILE) return [1];
    const match = VERSION_FILE.exec(name);
    return match ? [Number(match[1])] : [];
  });
}

/** The key files a backup carries: every version's and the lookup key's (not the retired ones). */
export function keyFileNames(dataDir: string): string[] {
  const lookup = existsSync(join(dataDir, LOOKUP_FILE)) ? [LOOKUP_FILE] : [];
  return [...fileVersions(dataDir).map(keyFileName), ...lookup];
}

function keyringFromFiles(dataDir: string): Keyring {
  if (fileVersions(dataDir).length === 0) {
    mkdirSync(dataDir, { recursive: true });
    writeKeyFile(join(dataDir, KEY_FILE), randomBytes(32));
  }
  const keys = new Map<number, Buffer>();
  for (const version of fileVersions(dataDir)) {
    const file = join(dataDir, keyFileName(version));
    chmodSync(file, 0o600);
    keys.set(version, parseDataKey(readFileSync(file, 'utf8')));
  }
  const lookupFile = join(dataDir, LOOKUP_FILE);
  const lookup = existsSync(lookupFile) ? parseDataKey(readFileSync(lookupFile, 'utf8')) : undefined;
  return keyringOf(keys, { source: 'file', lookup });
}

/**
 * The data keys from configuration: GAODI_DATA_KEY (version 1) and GAODI_DATA_KEYS ("2:<key>,…")
 * when set (production, several nodes share them; GAODI_DATA_KEY_CURRENT picks the one that
 * encrypts, default the highest); otherwise, for the embedded start, key files under the data folder
 * (`data.key` made once, then `data-2.key`… by `npm run keys:rotate`; mode 0600). Losing a key loses
 * the values encrypted with it; back the files up with the data folder.
 */
export function loadKeyring(options: { env?: NodeJS.ProcessEnv; dataDir: string }): Keyring {
  const env = options.env ?? process.env;
  return env.GAODI_DATA_KEY || env.GAODI_DATA_KEYS ? keyringFromEnv(env) : keyringFromFiles(options.dataDir);
}

/** Adds a key file one version above every known one (file source); returns its version. */
export function addKeyFile(dataDir: string): number {
  const version = Math.max(0, ...fileVersions(dataDir), ...retiredVersions(dataDir)) + 1;
  writeKeyFile(join(dataDir, keyFileName(version)), randomBytes(32));
  return version;
}

function retiredVersions(dataDir: string): number[] {
  if (!existsSync(dataDir)) return [];
  return readdirSync(dataDir).flatMap((name) => {
    const match = /^data(?:-([1-9][0-9]{0,5}))?\.key\.retired$/.exec(name);
    return match ? [match[1] ? Number(match[1]) : 1] : [];
  });
}

/**
 * Takes a version's key file out of the keyring (renamed `….retired`: keep it offline with the
 * backups older than the rotation, delete it when they expire). Retiring version 1 first writes
 * the lookup key it gave (`data-lookup.key`), so lookup hashes stay valid.
 */
export function retireKeyFile(dataDir: string, keyring: Keyring, version: number): string {
  const file = join(dataDir, keyFileName(version));
  if (!existsSync(file)) throw new Error(`no key file for data key version ${version}`);
  if (version === 1 && !existsSync(join(dataDir, LOOKUP_FILE)))
    writeKeyFile(join(dataDir, LOOKUP_FILE), keyring.lookup);
  renameSync(file, `${file}.retired`);
  return `${file}.retired`;
}

/**
 * A fixed key for tests, benches and browser tests only (their databases are throw-away clones).
 * main.ts always passes loadKeyring's keys.
 */
export function developmentDataKey(): DataKey {
  return { bytes: Buffer.alloc(32, 0x47), source: 'development' };
}
