import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addKeyFile, retireKeyFile } from './data-key.ts';
import { envelopeVersionSql, openEnvelope } from './envelope.ts';
import { createDataBox, developmentDataKey, envelopeVersion, keyringOf, loadKeyring } from './index.ts';

const one = Buffer.alloc(32, 0x47); // developmentDataKey's bytes
const two = Buffer.alloc(32, 0x22);
const ringOf = (current: number, ...versions: [number, Buffer][]) =>
  keyringOf(new Map(versions), { source: 'development', current });

describe('key versions in the envelope', () => {
  it('an envelope names the key that made it: g<version>:', () => {
    const box = createDataBox(ringOf(2, [1, one], [2, two]));
    const sealed = box.encrypt('13812345678', 'talents.phone');
    expect(sealed.startsWith('g2:')).toBe(true);
    expect(envelopeVersion(sealed)).toBe(2);
    expect(box.decrypt(sealed, 'talents.phone')).toBe('13812345678');
    expect(envelopeVersion('13812345678')).toBeNull();
    expect(envelopeVersion('g0:AAAA')).toBeNull();
    expect(() => openEnvelope('g2:AAAA')).toThrow(/cut short/);
  });

  it('values written before versions (g1:, the one key) read as version 1 under a keyring', () => {
    const old = createDataBox(developmentDataKey()).encrypt('370828199001011234', 'talents.id_number');
    expect(old.startsWith('g1:')).toBe(true);
    const rotated = createDataBox(ringOf(2, [1, one], [2, two]));
    expect(rotated.decrypt(old, 'talents.id_number')).toBe('370828199001011234');
    // The lookup key stays version 1's: hashes made before the rotation still match.
    expect(rotated.lookupHash('x', 'phone')).toBe(
      createDataBox(developmentDataKey()).lookupHash('x', 'phone'),
    );
  });

  it('a version without its key, or a version swapped in the prefix, does not decrypt', () => {
    const box = createDataBox(ringOf(2, [1, one], [2, two]));
    const sealed = box.encrypt('秘密');
    const onlyOne = createDataBox(ringOf(1, [1, one]));
    expect(() => onlyOne.decrypt(sealed)).toThrow(/version 2 is not configured/);
    expect(() => box.decrypt(`g1:${sealed.slice(3)}`)).toThrow();
  });

  it('reloads the keys on an unknown version, and adopts another keyring', () => {
    const box = createDataBox(ringOf(1, [1, one]), { reload: () => ringOf(2, [1, one], [2, two]) });
    const sealed = createDataBox(ringOf(2, [1, one], [2, two])).encrypt('x');
    expect(box.decrypt(sealed)).toBe('x');
    expect(box.versions()).toEqual({ current: 2, known: [1, 2] });
    box.adopt(ringOf(1, [1, one]));
    expect(box.encrypt('y').startsWith('g1:')).toBe(true);
  });

  it('counts versions in SQL with the same pattern', () => {
    expect(envelopeVersionSql('phone')).toBe("substring(phone from '^g([1-9][0-9]{0,5}):')::int");
  });
});

describe('where keys come from', () => {
  it('GAODI_DATA_KEY is version 1, GAODI_DATA_KEYS adds versions, the highest encrypts unless pinned', () => {
    const env = { GAODI_DATA_KEY: one.toString('hex'), GAODI_DATA_KEYS: `2:${two.toString('base64')}` };
    const ring = loadKeyring({ env, dataDir: '/nonexistent' });
    expect([...ring.keys.keys()]).toEqual([1, 2]);
    expect(ring.current).toBe(2);
    expect(loadKeyring({ env: { ...env, GAODI_DATA_KEY_CURRENT: '1' }, dataDir: '/x' }).current).toBe(1);
    expect(() =>
      loadKeyring({ env: { ...env, GAODI_DATA_KEYS: `1:${two.toString('hex')}` }, dataDir: '/x' }),
    ).toThrow(/twice/);
    expect(() =>
      loadKeyring({ env: { GAODI_DATA_KEYS: `2:${two.toString('hex')}` }, dataDir: '/x' }),
    ).toThrow(/GAODI_DATA_LOOKUP_KEY/);
  });

  it('key files: data.key is version 1, data-<n>.key version n; retiring 1 keeps its lookup key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gaodi-keys-'));
    const first = loadKeyring({ env: {}, dataDir: dir });
    const hash = createDataBox(first).lookupHash('13812345678', 'phone');
    expect(addKeyFile(dir)).toBe(2);
    const second = loadKeyring({ env: {}, dataDir: dir });
    expect(second.current).toBe(2);
    retireKeyFile(dir, second, 1);
    expect(readdirSync(dir).sort()).toEqual(['data-2.key', 'data-lookup.key', 'data.key.retired']);
    const after = loadKeyring({ env: {}, dataDir: dir });
    expect([...after.keys.keys()]).toEqual([2]);
    expect(createDataBox(after).lookupHash('13812345678', 'phone')).toBe(hash);
    expect(addKeyFile(dir)).toBe(3);
  });
});
