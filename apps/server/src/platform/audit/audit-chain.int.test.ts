import type { AuditAnchors, AuditChainReport } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';
import { rowsOf } from '../db/database.ts';
import { ownerChainHeads, verifyAuditChain } from './audit-chain.ts';

const JINXIANG = '370828';

async function chainRows(t: TestApp, region: string) {
  return rowsOf<{ id: string; chain_seq: string }>(
    await t.db.owner.execute(
      sql`SELECT id, chain_seq FROM audit_log WHERE region_code = ${region} ORDER BY chain_seq`,
    ),
  ).map((r) => ({ id: Number(r.id), seq: Number(r.chain_seq) }));
}

const verify = async (auditor: Session, anchors: AuditAnchors['anchors'] = []) => {
  const res = await auditor.post('/api/audit/verify', { anchors });
  expect(res.statusCode).toBe(200);
  return res.json() as AuditChainReport;
};

/** Tampering as the table's owner: the append-only guard switched off first, as an intruder would. */
const asOwner = (t: TestApp, statement: ReturnType<typeof sql>) =>
  t.db.owner.transaction(async (tx) => {
    await tx.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_frozen`);
    await tx.execute(statement);
    await tx.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_frozen`);
  });

describe('the hash-chained audit log', () => {
  let t: TestApp;
  let auditor: Session;
  beforeAll(async () => {
    t = await createTestApp();
    auditor = await t.login('auditor');
  });
  afterAll(() => t.close());

  it('holds one unbroken chain per region, also under concurrent writers', async () => {
    // Twenty sign-ins at once: each writes an audit row in Jinxiang through its own transaction.
    const logins = await Promise.all(
      Array.from({ length: 20 }, () =>
        t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'jx_staff', password: 'Gaodi@2026' },
        }),
      ),
    );
    expect(logins.every((r) => r.statusCode === 200)).toBe(true);
    const rows = await chainRows(t, JINXIANG);
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    const report = await verify(auditor);
    expect(report.ok).toBe(true);
    expect(report.regions.find((r) => r.regionCode === JINXIANG)?.rows).toBe(rows.length);
    // The owner's view (npm run audit:verify) sees every region, all whole.
    const all = await verifyAuditChain(t.db.owner, await ownerChainHeads(t.db.owner), t.clock.now());
    expect(all.problems).toEqual([]);
    expect((await (await t.login('sysadmin')).post('/api/audit/verify', {})).statusCode).toBe(403);
  });

  it('reports a changed, a deleted and an inserted row by region and place', async () => {
    const rows = await chainRows(t, JINXIANG);
    const changed = rows[3];
    const deleted = rows[7];
    if (!changed || !deleted) throw new Error('too few audit rows');
    await asOwner(t, sql`UPDATE audit_log SET actor_name = 'mallory' WHERE id = ${changed.id}`);
    expect((await verify(auditor)).problems).toEqual([
      expect.objectContaining({
        regionCode: JINXIANG,
        kind: 'changed',
        chainSeq: changed.seq,
        id: changed.id,
      }),
    ]);
    await asOwner(t, sql`DELETE FROM audit_log WHERE id = ${deleted.id}`);
    expect((await verify(auditor)).problems).toContainEqual(
      expect.objectContaining({ regionCode: JINXIANG, kind: 'deleted', chainSeq: deleted.seq }),
    );
    // An inserted row: written with the chain trigger off (it would otherwise be appended and linked).
    const inserted = rowsOf<{ id: string }>(
      await t.db.owner.transaction(async (tx) => {
        await tx.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_chain`);
        const r =
          await tx.execute(sql`INSERT INTO audit_log (region_code, at, actor_name, action, target_type, result)
          VALUES (${JINXIANG}, ${new Date('2026-01-05T02:00:00Z').toISOString()}, 'jx_staff', 'export', 'talent', 'ok') RETURNING id`);
        await tx.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_chain`);
        return r;
      }),
    )[0];
    const report = await verify(auditor);
    expect(report.ok).toBe(false);
    expect(report.regions.find((r) => r.regionCode === JINXIANG)?.ok).toBe(false);
    expect(report.problems).toContainEqual(
      expect.objectContaining({ regionCode: JINXIANG, kind: 'inserted', id: Number(inserted?.id) }),
    );
    expect(report.problems).toHaveLength(3);
  });

  it('refuses UPDATE and DELETE of audit rows even from the owner while the guard is on', async () => {
    const attempt = (statement: ReturnType<typeof sql>) =>
      t.db.owner.execute(statement).then(
        () => 'allowed',
        (e: { cause?: { message?: string }; message?: string }) => e.cause?.message ?? e.message,
      );
    expect(await attempt(sql`UPDATE audit_log SET action = 'x' WHERE id = 1`)).toMatch(/append-only/);
    expect(await attempt(sql`DELETE FROM audit_log WHERE id = 1`)).toMatch(/append-only/);
  });
});

describe('daily anchors', () => {
  let t: TestApp;
  afterAll(() => t.close());

  it('exports the day’s last hash per region, and reveals a chain rewritten after it', async () => {
    t = await createTestApp();
    const auditor = await t.login('auditor');
    const day = new Date(t.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const res = await auditor.get(`/api/audit/anchors?date=${day}`);
    expect(res.statusCode).toBe(200);
    const exported = res.json() as AuditAnchors;
    const anchor = exported.anchors.find((a) => a.regionCode === JINXIANG);
    expect(anchor?.rowHash).toMatch(/^[0-9a-f]{64}$/);
    expect(exported.digest).toMatch(/^[0-9a-f]{64}$/);
    // A careful intruder changes the anchored row and recomputes every hash after it and the head.
    const seq = anchor?.chainSeq ?? 0;
    await asOwner(
      t,
      sql`UPDATE audit_log SET actor_name = 'mallory' WHERE region_code = ${JINXIANG} AND chain_seq = ${seq}`,
    );
    await asOwner(
      t,
      sql.raw(`DO $$ DECLARE r audit_log%ROWTYPE; prev text; BEGIN
        FOR r IN SELECT * FROM audit_log WHERE region_code = '${JINXIANG}' AND chain_seq >= ${seq} ORDER BY chain_seq LOOP
          IF prev IS NOT NULL THEN r.prev_hash := prev; END IF;
          r.row_hash := encode(sha256(convert_to(r.prev_hash || gaodi_audit_canonical(r), 'UTF8')), 'hex');
          UPDATE audit_log SET prev_hash = r.prev_hash, row_hash = r.row_hash WHERE id = r.id;
          prev := r.row_hash;
        END LOOP;
        UPDATE audit_chain_heads SET last_hash = prev WHERE chain_region = '${JINXIANG}';
      END $$`),
    );
    // Without the anchor the rewritten chain is consistent; the anchor kept elsewhere shows it.
    expect((await verify(auditor)).ok).toBe(true);
    const report = await verify(auditor, exported.anchors);
    expect(report.problems.filter((p) => p.kind === 'anchor')).toEqual([
      expect.objectContaining({ regionCode: JINXIANG, kind: 'anchor', chainSeq: anchor?.chainSeq }),
    ]);
  });
});
