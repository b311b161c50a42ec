import { randomUUID } from 'node:crypto';
import type { Pairing } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../platform/db/database.ts';
import type { Session } from '../../test/harness.ts';
import { type MatchmakingTestbed, openMatchmakingTestbed } from './matchmaking.fixtures.ts';

let bed: MatchmakingTestbed;
let staff: Session;
beforeAll(async () => {
  bed = await openMatchmakingTestbed();
  staff = bed.staff;
});
afterAll(() => bed.t.close());

const postWithKey = (s: Session, url: string, body: unknown, key: string) =>
  s.request({ method: 'POST', url, payload: body as object, headers: { 'idempotency-key': key } });

async function count(table: string, column: string, value: string) {
  const result = await bed.t.db.owner.execute(
    sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)} WHERE ${sql.identifier(column)} = ${value}`,
  );
  return rowsOf<{ n: number }>(result)[0]?.n ?? 0;
}

describe('Idempotency-Key on create endpoints', () => {
  const creates = () => [
    {
      url: '/api/needs',
      table: 'tech_needs',
      body: {
        enterpriseId: bed.enterpriseId('山东衡兴新材料有限公司'),
        title: `双击提交的需求 ${randomUUID().slice(0, 8)}`,
        description: '双击提交只应产生一条需求。',
      },
    },
    {
      url: '/api/achievements',
      table: 'achievements',
      body: {
        instituteId: bed.instituteId('天津大学'),
        title: `双击提交的成果 ${randomUUID().slice(0, 8)}`,
        abstract: '双击提交只应产生一条成果。',
        trl: 5,
      },
    },
    {
      url: '/api/events',
      table: 'matchmaking_events',
      body: {
        title: `双击提交的对接会 ${randomUUID().slice(0, 8)}`,
        kind: 'forum',
        heldOn: '2026-11-20',
        place: '金乡县',
        organiser: '金乡县科学技术局',
      },
    },
  ];

  it('concurrent double submits with one key make one record each, and both get its answer', async () => {
    for (const c of creates()) {
      const key = randomUUID();
      const answers = await Promise.all([1, 2, 3].map(() => postWithKey(staff, c.url, c.body, key)));
      for (const a of answers) expect(a.statusCode, `${c.url} ${a.body}`).toBe(200);
      const ids = new Set(answers.map((a) => a.json().id));
      expect(ids.size, c.url).toBe(1);
      expect(await count(c.table, 'title', c.body.title), c.url).toBe(1);
      expect(answers.filter((a) => a.headers['idempotent-replayed'] === 'true')).toHaveLength(2);
    }
  });

  it('a retry after the answer replays it; a new key makes a new record', async () => {
    const [c] = creates();
    if (!c) throw new Error('no create');
    const key = randomUUID();
    const first = await postWithKey(staff, c.url, c.body, key);
    const retry = await postWithKey(staff, c.url, c.body, key);
    expect(retry.json().id).toBe(first.json().id);
    const other = await postWithKey(staff, c.url, c.body, randomUUID());
    expect(other.json().id).not.toBe(first.json().id);
    expect(await count(c.table, 'title', c.body.title)).toBe(2);
  });

  it('refuses a key reused for another submission (422) and a malformed key (400)', async () => {
    const [a, b] = creates();
    if (!a || !b) throw new Error('no create');
    const key = randomUUID();
    expect((await postWithKey(staff, a.url, a.body, key)).statusCode).toBe(200);
    const reused = await postWithKey(staff, a.url, { ...a.body, title: `${a.body.title}（改）` }, key);
    expect(reused.statusCode).toBe(422);
    expect(reused.json().code).toBe('IDEMPOTENCY_MISMATCH');
    expect((await postWithKey(staff, a.url, a.body, 'x')).statusCode).toBe(400);
  });

  it('a failed submit releases its key: the corrected form goes through with it', async () => {
    const [c] = creates();
    if (!c) throw new Error('no create');
    const key = randomUUID();
    const bad = await postWithKey(staff, c.url, { ...c.body, enterpriseId: randomUUID() }, key);
    expect(bad.statusCode).toBeGreaterThanOrEqual(400);
    const good = await postWithKey(staff, c.url, c.body, key);
    expect(good.statusCode, good.body).toBe(200);
  });

  it("keys are per user: another user's key does not answer for them", async () => {
    const [c] = creates();
    if (!c) throw new Error('no create');
    const key = randomUUID();
    const mine = await postWithKey(staff, c.url, c.body, key);
    const lead = await bed.t.login('jx_lead');
    const theirs = await postWithKey(lead, c.url, c.body, key);
    if (theirs.statusCode === 200) expect(theirs.json().id).not.toBe(mine.json().id);
  });
});

describe('a pairing and the project signed from it', () => {
  let pairing: Pairing;
  beforeAll(async () => {
    const need = await bed.createNeed(staff, `签约立项两次的需求 ${randomUUID().slice(0, 8)}`);
    await bed.publish(need.id);
    const res = await staff.post('/api/pairings', {
      needId: need.id,
      instituteId: bed.instituteId('山东大学'),
    });
    expect(res.statusCode, res.body).toBe(200);
    pairing = res.json();
    expect(pairing).toMatchObject({ outcome: 'none', project: null });
  });
  const sign = (title: string) =>
    staff.post('/api/projects', {
      title,
      kind: 'development',
      sourcePairingId: pairing.id,
      enterpriseIds: [],
      instituteIds: [],
    });
  const pairingNow = async () =>
    ((await staff.get(`/api/pairings?needId=${pairing.needId}`)).json() as Pairing[]).find(
      (p) => p.id === pairing.id,
    );

  it('two concurrent 签约立项 from one pairing make one project; the other gets a clear 409', async () => {
    const answers = await Promise.all([sign('同一对接的项目甲'), sign('同一对接的项目乙')]);
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes, answers.map((a) => a.body).join('\n')).toEqual([200, 409]);
    const refused = answers.find((a) => a.statusCode === 409);
    expect(refused?.json()).toMatchObject({
      code: 'PAIRING_SIGNED',
      message: '该对接记录已签约立项，不能再次立项',
    });
    expect(await count('cooperation_projects', 'source_pairing_id', pairing.id)).toBe(1);
    // Later, too, after the first committed.
    expect((await sign('同一对接的项目丙')).statusCode).toBe(409);
  });

  it('the database itself refuses a second project from the pairing', async () => {
    await expect(
      bed.t.db.owner.execute(sql`INSERT INTO cooperation_projects (region_code, rd_region_code, title, kind, stage,
        source_pairing_id, stage_changed_at, created_at, updated_at)
        VALUES ('370828', '370828', '绕过接口的第二个项目', 'development', 'intention', ${pairing.id}, now(), now(), now())`),
    ).rejects.toThrow();
  });

  it('the pairing shows its project, and its outcome follows the project', async () => {
    const registered = await pairingNow();
    expect(registered?.project?.title).toMatch(/^同一对接的项目/);
    expect(registered?.outcome).toBe('intention');
    const projectId = registered?.project?.id;
    const moved = await staff.post(`/api/projects/${projectId}/stage`, {
      to: 'signed',
      signedOn: '2026-11-28',
      contractNo: 'C-IDEM-1',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const signed = await pairingNow();
    expect(signed?.outcome).toBe('agreement');
    expect(signed?.project?.stage).toBe('signed');
  });
});
