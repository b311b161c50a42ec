import type { ChangeFeedPage, FeedChange } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demoCreditCode } from '../../demo/demo-data.ts';
import { apiKeyFor, getWithKey } from '../../test/api-key-fixture.ts';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';

// One app and database for the file.
let t: TestApp;
let staff: Session;
let county: string;
beforeAll(async () => {
  t = await createTestApp();
  staff = await t.login('jx_staff');
  county = await apiKeyFor(t, '370828', ['exchange:read', 'enterprise:read', 'project:read']);
});
afterAll(() => t.close());

let serial = 0;
const newEnterprise = () => ({
  creditCode: demoCreditCode('370828', 50_000 + Math.floor(Math.random() * 40_000) + serial++),
  name: `金乡县交换测试${serial}有限公司`,
  industryId: null,
  scale: 'small',
  address: '金乡县测试路 8 号',
  contactName: '测试员',
  contactPhone: '13800001234',
});

/** Reads the feed from `after` until it has nothing more now; answers the changes and the cursor. */
async function drain(
  secret: string,
  after: string | null,
): Promise<{ items: FeedChange[]; next: string | null }> {
  const items: FeedChange[] = [];
  let cursor = after;
  for (;;) {
    const page = await getWithKey<ChangeFeedPage>(
      t,
      secret,
      `/api/exchange/changes?limit=1000${cursor ? `&after=${cursor}` : ''}`,
    );
    items.push(...page.items);
    cursor = page.next;
    if (!page.hasMore) return { items, next: cursor };
  }
}

/**
 * Reads on from `after` until `done` holds for what was read, as a client polls. The feed hands out
 * only transactions below the oldest one still running in the whole PostgreSQL cluster, so another
 * database's long transaction (the suite's other files share the cluster) delays it for a while.
 */
async function drainUntil(
  secret: string,
  after: string | null,
  done: (items: FeedChange[]) => boolean,
): Promise<{ items: FeedChange[]; next: string | null }> {
  const items: FeedChange[] = [];
  let next = after;
  const deadline = Date.now() + 90_000;
  for (;;) {
    const page = await drain(secret, next);
    items.push(...page.items);
    next = page.next;
    if (done(items) || Date.now() > deadline) return { items, next };
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('exchange feed', () => {
  it('pages what changed since a cursor: inserts and updates, without personal data', async () => {
    const { next } = await drain(county, null);
    const created = (await staff.post('/api/enterprises', newEnterprise())).json();
    const renamed = await staff.put(`/api/enterprises/${created.id}`, {
      ...newEnterprise(),
      name: '金乡县改名科技有限公司',
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const { items } = await drainUntil(
      county,
      next,
      (seen) => seen.filter((c) => c.id === created.id).length >= 2,
    );
    const mine = items.filter((c) => c.id === created.id);
    expect(mine.map((c) => c.op)).toEqual(['insert', 'update']);
    expect(mine[1]?.changed).toContain('name');
    expect(mine[1]?.data?.name).toBe('金乡县改名科技有限公司');
    expect(JSON.stringify(mine)).not.toContain('13800001234');
    // Nothing new: the same cursor back, no items.
    const again = await drain(county, items.at(-1)?.cursor ?? next);
    expect(again.items).toEqual([]);
    // A page boundary loses nothing: two at a time gives the same changes.
    const small: FeedChange[] = [];
    for (let cursor = next, more = true; more; ) {
      const page = await getWithKey<ChangeFeedPage>(
        t,
        county,
        `/api/exchange/changes?limit=2&after=${cursor}`,
      );
      small.push(...page.items);
      cursor = page.next;
      more = page.hasMore;
    }
    expect(small.map((c) => c.cursor)).toEqual(items.map((c) => c.cursor));
  });

  it('hands changes out in numeric transaction order, also where the ids differ in length', async () => {
    // Transactions 98 and 100 ended long ago: as text "100" would sort before "98".
    await t.db.owner.execute(sql`INSERT INTO change_feed (region_code, txid, entity, entity_id, op)
      VALUES ('370828', 98, 'enterprise', 'order-a', 'insert'), ('370828', 100, 'enterprise', 'order-b', 'insert')`);
    const { items } = await drain(county, '97.0');
    const txids = items.map((c) => BigInt(c.cursor.split('.')[0] ?? '0'));
    expect(txids.slice(0, 2)).toEqual([98n, 100n]);
    expect(txids).toEqual([...txids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('shows a county only its own changes, a city its counties’, and only kinds the key may read', async () => {
    const wenshang = await apiKeyFor(t, '370830', ['exchange:read', 'enterprise:read']);
    const city = await apiKeyFor(t, '370800', ['exchange:read', 'enterprise:read']);
    const ws = await drainUntil(wenshang, null, (seen) => seen.length > 0);
    expect(new Set(ws.items.map((c) => c.regionCode))).toEqual(new Set(['370830']));
    const all = await drainUntil(city, null, (seen) => new Set(seen.map((c) => c.regionCode)).size > 1);
    expect(new Set(all.items.map((c) => c.regionCode))).toEqual(new Set(['370828', '370830']));
    expect(new Set(all.items.map((c) => c.entity))).toEqual(new Set(['enterprise']));
    const noFeed = await apiKeyFor(t, '370828', ['enterprise:read']);
    const refused = await t.app.inject({ url: '/api/exchange/changes', headers: { 'x-api-key': noFeed } });
    expect(refused.statusCode).toBe(403);
    const bad = await t.app.inject({
      url: '/api/exchange/changes?after=abc',
      headers: { 'x-api-key': county },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('游标无效');
  });

  it('misses nothing while writers commit concurrently with the reader', async () => {
    let { next } = await drain(county, null);
    const seen: FeedChange[] = [];
    // One reader, its reads in order, polling whenever a writer answers while the others still write.
    let reads = Promise.resolve();
    const poll = () => {
      reads = reads.then(async () => {
        const page = await drain(county, next);
        seen.push(...page.items);
        next = page.next;
      });
      return reads;
    };
    const ids = await Promise.all(
      Array.from({ length: 12 }, async () => {
        const id = (await staff.post('/api/enterprises', newEnterprise())).json().id as string;
        await poll();
        return id;
      }),
    );
    const missing = () => ids.filter((id) => !seen.some((c) => c.op === 'insert' && c.id === id));
    for (const deadline = Date.now() + 90_000; missing().length > 0 && Date.now() < deadline; ) {
      await poll();
      await new Promise((r) => setTimeout(r, 200));
    }
    const inserts = seen.filter((c) => c.op === 'insert' && ids.includes(c.id)).map((c) => c.id);
    expect(inserts.sort()).toEqual([...ids].sort());
    expect(new Set(seen.map((c) => c.cursor)).size).toBe(seen.length);
  });

  // PGlite has one connection: transactions cannot overlap there, so the late commit is PostgreSQL's.
  it.runIf(Boolean(inject('pgAdminUrl')))(
    'holds back a change committed after a later transaction’s until it is safe to hand out',
    async () => {
      const before = (await drain(county, null)).next;
      let release: () => void = () => undefined;
      const held = new Promise<void>((r) => {
        release = r;
      });
      let inserted: () => void = () => undefined;
      const early = new Promise<void>((r) => {
        inserted = r;
      });
      // T1 takes its transaction id first and commits last.
      const t1 = t.db.owner.transaction(async (tx) => {
        await tx.execute(sql`SELECT pg_current_xact_id()`);
        await tx.execute(sql`UPDATE enterprises SET name = name || '·' WHERE region_code = '370828'
          AND id = (SELECT id FROM enterprises WHERE region_code = '370828' ORDER BY id LIMIT 1)`);
        inserted();
        await held;
      });
      await early;
      const later = (await staff.post('/api/enterprises', newEnterprise())).json();
      const whileOpen = await drain(county, before);
      expect(whileOpen.items.find((c) => c.id === later.id)).toBeUndefined();
      release();
      await t1;
      const after = await drainUntil(county, whileOpen.next, (seen) => seen.some((c) => c.id === later.id));
      expect(after.items.some((c) => c.id === later.id)).toBe(true);
      expect(after.items.filter((c) => c.op === 'update').length).toBeGreaterThan(0);
    },
  );
});
