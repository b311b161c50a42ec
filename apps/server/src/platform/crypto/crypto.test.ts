import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createDataBox,
  developmentDataKey,
  loadKeyring,
  maskName,
  maskPhone,
  parseDataKey,
} from './index.ts';

describe('data box', () => {
  const box = createDataBox(developmentDataKey());

  it('round-trips, with a fresh IV each time, bound to its place', () => {
    const a = box.encrypt('13812345678', 'service_requests.phone');
    const b = box.encrypt('13812345678', 'service_requests.phone');
    expect(a).not.toBe(b);
    expect(a.startsWith('g1:')).toBe(true);
    expect(a).not.toContain('13812345678');
    expect(box.decrypt(a, 'service_requests.phone')).toBe('13812345678');
    expect(() => box.decrypt(a, 'users.phone')).toThrow();
  });

  it('refuses a tampered value and another key', () => {
    const env = box.encrypt('秘密');
    const raw = Buffer.from(env.slice(3), 'base64');
    raw.writeUInt8((raw.at(-1) ?? 0) ^ 1, raw.length - 1);
    expect(() => box.decrypt(`g1:${raw.toString('base64')}`)).toThrow();
    const other = createDataBox({ bytes: Buffer.alloc(32, 1), source: 'env' });
    expect(() => other.decrypt(env)).toThrow();
  });

  it('hashes for lookups: stable per purpose, different across purposes', () => {
    expect(box.lookupHash('13812345678', 'phone')).toBe(box.lookupHash('13812345678', 'phone'));
    expect(box.lookupHash('13812345678', 'phone')).not.toBe(box.lookupHash('13812345678', 'id'));
  });

  it('loads the key from GAODI_DATA_KEY, else a 0600 key file under the data folder', () => {
    const hex = 'ab'.repeat(32);
    const fromEnv = loadKeyring({ env: { GAODI_DATA_KEY: hex }, dataDir: '/nonexistent' });
    expect(fromEnv.keys.get(1)?.toString('hex')).toBe(hex);
    expect(fromEnv.current).toBe(1);
    expect(() => parseDataKey('short')).toThrow(/32 bytes/);
    const dir = mkdtempSync(join(tmpdir(), 'gaodi-key-'));
    const first = loadKeyring({ env: {}, dataDir: dir });
    const again = loadKeyring({ env: {}, dataDir: dir });
    expect(first.source).toBe('file');
    expect(again.keys.get(1)?.equals(first.keys.get(1) as Buffer)).toBe(true);
    expect(statSync(join(dir, 'data.key')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, 'data.key'), 'utf8').length).toBeGreaterThan(40);
  });

  it('masks phones and names', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('0537-8765432')).toBe('*******5432');
    expect(maskName('王小明')).toBe('王**');
  });
});
