import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENCRYPTED_COLUMNS } from '../../encrypted-columns.ts';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';
import { rowsOf } from '../db/database.ts';
import { secretPlace as channelPlace } from '../notifications/channels/channel-config.ts';
import {
  checkKeyRetirable,
  countKeyVersions,
  type EncryptedColumn,
  KeyInUseError,
  keyringOf,
  rekeyBatch,
  rotateToCurrentKey,
  runKeyCommand,
} from './index.ts';

// Key versions and rotation (issue 9) on the engine of the suite: values written under key
// version 1 (the demo's TOTP secrets, talents, service requests, a webhook and a channel secret)
// are re-encrypted under version 2, interrupted half way and resumed, while users read them.

let t: TestApp;
let staff: Session;
let firm: Session;
const one = Buffer.alloc(32, 0x47); // the test app's key (developmentDataKey), version 1
const two = Buffer.alloc(32, 0x22);
const talentIds: string[] = [];
let requestId = '';
const webhookId = randomUUID();
const COPIES = 240;
const base = { gender: 'male', degree: 'phd', employerKind: 'enterprise', mode: 'cultivation' };
let enterpriseId = '';

const talentColumn = ENCRYPTED_COLUMNS.find(
  (c) => c.table === 'talents' && c.column === 'phone_cipher',
) as EncryptedColumn;
const webhookColumn = ENCRYPTED_COLUMNS.find((c) => c.table === 'webhook_subscriptions') as EncryptedColumn;
const webhookPlace = (id: string) => webhookColumn.place([id]);
const usage = async () => (await countKeyVersions(t.db.owner, ENCRYPTED_COLUMNS)).total;
const deps = () => ({ db: t.db, box: t.app.dataBox, clock: t.clock, columns: ENCRYPTED_COLUMNS });

/** What the users read: the talents' owner view and the requester's view of the request. */
async function whatUsersRead() {
  const talents = await Promise.all(
    talentIds.slice(0, 3).map(async (id) => {
      const { phone, idNumber, name } = (await staff.get(`/api/talents/${id}`)).json();
      return { phone, idNumber, name };
    }),
  );
  const masked = (await staff.get('/api/talents?pageSize=5'))
    .json()
    .items.map((x: { phone: string }) => x.phone);
  const request = (await firm.get(`/api/concierge/requests/${requestId}`)).json().contactPhone;
  return { talents, masked, request };
}

beforeAll(async () => {
  t = await createTestApp();
  staff = await t.login('jx_staff');
  firm = await t.login('hengxing');
  enterpriseId = rowsOf<{ id: string }>(
    await t.db.owner.execute(sql`SELECT id FROM enterprises WHERE name = '山东衡兴新材料有限公司'`),
  )[0]?.id as string;
  for (const [i, name] of ['赵一鸣', '钱二丰', '孙三立'].entries()) {
    const res = await staff.post('/api/talents', {
      ...base,
      name,
      enterpriseId,
      phone: `1381234567${i}`,
      idNumber: `37082819900101123${i}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    talentIds.push(res.json().id);
  }
  // A larger table: copies of the first talent's phone (bound to its column, not its row).
  await t.db.owner.execute(sql`INSERT INTO talents
    SELECT (jsonb_populate_record(NULL::talents, to_jsonb(x) || jsonb_build_object('id', gen_random_uuid(),
      'name', x.name || n, 'id_number_cipher', NULL, 'id_number_hash', NULL, 'owner_id', NULL))).*
    FROM talents x, generate_series(1, ${COPIES}) n WHERE x.id = ${talentIds[0]}`);
  const req = await firm.post('/api/concierge/requests', {
    title: '新厂房用地指标',
    description: '二期厂房需要 30 亩建设用地指标',
    kind: 'land',
    contactPhone: '13912345678',
    idempotencyKey: randomUUID(),
  });
  expect(req.statusCode, req.body).toBe(200);
  requestId = req.json().id;
  const box = t.app.dataBox;
  await t.db.owner.execute(sql`INSERT INTO webhook_subscriptions (id, region_code, url, events, secret, created_at, created_by_name)
    VALUES (${webhookId}, '370828', 'https://example.org/hook', ARRAY['record.created'],
      ${box.encrypt('whsec-test', webhookPlace(webhookId))}, now(), 'test')`);
  await t.db.owner.execute(sql`INSERT INTO notification_channels (region_code, channel, settings, secret, updated_at)
    VALUES ('370828', 'wecom', '{}'::jsonb, ${box.encrypt('{"key":"robot"}', channelPlace('370828', 'wecom'))}, now())
    ON CONFLICT (region_code, channel) DO UPDATE SET secret = excluded.secret`);
});
afterAll(() => t?.close());

describe('data key rotation', () => {
  it('lists every column that holds envelopes', async () => {
    const columns = rowsOf<{ table_name: string; column_name: string }>(
      await t.db.owner.execute(sql`SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND data_type = 'text'`),
    );
    // One statement (a round trip per column costs seconds on the embedded engine).
    const probes = columns.map(
      (c) =>
        `SELECT '${c.table_name}.${c.column_name}' AS name WHERE EXISTS (SELECT 1 FROM "${c.table_name}" ` +
        `WHERE "${c.column_name}" ~ '^g[1-9][0-9]*:[A-Za-z0-9+/]{20,}')`,
    );
    const found = rowsOf<{ name: string }>(await t.db.owner.execute(sql.raw(probes.join(' UNION ALL ')))).map(
      (r) => r.name,
    );
    const listed = ENCRYPTED_COLUMNS.map((c) => `${c.table}.${c.column}`);
    expect(found.filter((name) => !listed.includes(name))).toEqual([]);
    expect(found.length).toBeGreaterThanOrEqual(6);
  });

  let before: Awaited<ReturnType<typeof whatUsersRead>>;
  let v1 = 0;

  it('adds v2 and is interrupted half way: both versions read, v1 cannot be retired', async () => {
    before = await whatUsersRead();
    expect(before.talents[0]).toMatchObject({ phone: '13812345670', idNumber: '370828199001011230' });
    expect(before.request).toBe('13912345678');
    v1 = (await usage())['1'] ?? 0;
    expect(v1).toBeGreaterThan(COPIES + 6);

    t.app.dataBox.adopt(
      keyringOf(
        new Map([
          [1, one],
          [2, two],
        ]),
        { source: 'development' },
      ),
    );
    // New writes take v2 at once; the old values still read.
    const edited = await staff.put(`/api/talents/${talentIds[2]}`, {
      ...base,
      enterpriseId,
      name: '孙三立',
      phone: '13700000000',
      idNumber: '370828********1232',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(
      rowsOf<{ c: string }>(
        await t.db.owner.execute(sql`SELECT phone_cipher AS c FROM talents WHERE id = ${talentIds[2]}`),
      )[0]?.c,
    ).toMatch(/^g2:/);

    // Killed after two batches of 50: half done, both versions in the table, users see no difference.
    let after: string[] | null = null;
    for (let i = 0; i < 2; i++) {
      const batch = await t.db.owner.transaction((tx) =>
        rekeyBatch(tx, t.app.dataBox, talentColumn, after, 50),
      );
      expect(batch).toMatchObject({ rekeyed: 50, failed: 0 });
      after = batch.last;
    }
    const half = await usage();
    expect(half['2']).toBeGreaterThanOrEqual(100);
    expect(half['1']).toBe(v1 - 101);
    const readHalf = await whatUsersRead();
    expect(readHalf.request).toBe(before.request);
    expect(readHalf.talents.slice(0, 2)).toEqual(before.talents.slice(0, 2));

    // The old key cannot be retired while values use it.
    await expect(checkKeyRetirable(deps(), 1)).rejects.toThrow(KeyInUseError);
    const refused = await runKeyCommand(
      { ...deps(), source: 'development', dataDir: '/nonexistent' },
      { command: 'retire', version: 1 },
    );
    expect(refused.ok).toBe(false);
    expect(refused.lines[0]).toMatch(/version 1 still encrypts \d+ values \(talents\.phone_cipher \d+/);
  });

  it('resumed, finishes: every value under v2, users read the same, one audit row', async () => {
    // Resumed (npm run keys:rotate again): only what is left, then one audit row with the counts.
    const report = await rotateToCurrentKey({ ...deps(), batchSize: 64 });
    expect(report).toMatchObject({ toVersion: 2, rekeyed: v1 - 101, failed: 0, before: { 1: v1 - 101 } });
    expect(await usage()).toEqual({ 2: v1 });
    const audit = rowsOf<{ detail: { rekeyed: number } }>(
      await t.db.owner.execute(sql`SELECT detail FROM audit_log WHERE action = 'rotate_keys'`),
    );
    expect(audit.map((a) => a.detail.rekeyed)).toEqual([v1 - 101]);

    const afterRead = await whatUsersRead();
    expect(afterRead).toEqual({
      ...before,
      talents: [before.talents[0], before.talents[1], { ...before.talents[2], phone: '13700000000' }],
    });
    expect(
      t.app.dataBox.decrypt(
        rowsOf<{ s: string }>(
          await t.db.owner.execute(
            sql`SELECT secret AS s FROM webhook_subscriptions WHERE id = ${webhookId}`,
          ),
        )[0]?.s ?? '',
        webhookPlace(webhookId),
      ),
    ).toBe('whsec-test');
    // The administrators' TOTP secrets were re-encrypted too: two-step sign-in still works.
    await t.login('sysadmin');
    // Lookup hashes did not change: the ID number is still found.
    const found = await staff.post('/api/talents/lookup', { idNumber: '370828199001011231' });
    expect(found.json()).toMatchObject({ talent: { name: '钱二丰' } });
  });

  it('retires v1 once no value uses it; the current key and unknown versions are refused', async () => {
    await expect(checkKeyRetirable(deps(), 2)).rejects.toThrow(/current/);
    await expect(checkKeyRetirable(deps(), 7)).rejects.toThrow(/not configured/);
    const done = await runKeyCommand(
      { ...deps(), source: 'development', dataDir: '/nonexistent' },
      { command: 'retire', version: 1 },
    );
    expect(done.ok).toBe(true);
    expect(done.lines[0]).toMatch(/no value uses data key v1/);
    const status = await runKeyCommand(
      { ...deps(), source: 'development', dataDir: '/nonexistent' },
      { command: 'status' },
    );
    expect(status.lines.join('\n')).toMatch(/talents\.phone_cipher\s+v2 \d+/);
  });
});
