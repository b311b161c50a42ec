import type { Need, NeedStage } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';

/** What the matchmaking integration tests start from: the demo's Jinxiang, its users, helpers to file needs. */
export type MatchmakingTestbed = {
  t: TestApp;
  staff: Session;
  hengxing: Session;
  sdu: Session;
  wsStaff: Session;
  enterpriseId: (name: string) => string;
  instituteId: (name: string) => string;
  /** Files a need for 山东衡兴新材料有限公司 (expects 200). */
  createNeed: (session: Session, title: string, extra?: Record<string, unknown>) => Promise<Need>;
  /** Sets a need's stage behind the API's back (for states the pipeline reaches in several steps). */
  setNeedStage: (id: string, stage: NeedStage) => Promise<unknown>;
  /** Reviews and publishes a need as the bureau's staff. */
  publish: (id: string) => Promise<void>;
};

export async function openMatchmakingTestbed(): Promise<MatchmakingTestbed> {
  const t = await createTestApp();
  const staff = await t.login('jx_staff');
  const rows = (await t.db.owner.execute(
    sql`SELECT 'e' AS k, id, name FROM enterprises WHERE region_code = '370828'
        UNION ALL SELECT 'i', id, name FROM institutes WHERE region_code = '370828'`,
  )) as unknown as
    | { rows?: { k: string; id: string; name: string }[] }
    | { k: string; id: string; name: string }[];
  const list = Array.isArray(rows) ? rows : (rows.rows ?? []);
  const enterprise = new Map(list.filter((r) => r.k === 'e').map((r) => [r.name, r.id]));
  const institute = new Map(list.filter((r) => r.k === 'i').map((r) => [r.name, r.id]));
  const enterpriseId = (name: string) => enterprise.get(name) as string;
  return {
    t,
    staff,
    hengxing: await t.login('hengxing'),
    sdu: await t.login('sdu_liaison'),
    wsStaff: await t.login('ws_staff'),
    enterpriseId,
    instituteId: (name) => institute.get(name) as string,
    createNeed: async (session, title, extra = {}) => {
      const res = await session.post('/api/needs', {
        enterpriseId: enterpriseId('山东衡兴新材料有限公司'),
        title,
        description: `${title}。企业希望与高校院所合作解决。`,
        keywords: [],
        ...extra,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    },
    setNeedStage: (id, stage) =>
      t.db.owner.execute(sql`UPDATE tech_needs SET stage = ${stage} WHERE id = ${id}::uuid`),
    publish: async (id) => {
      for (const to of ['reviewed', 'published'] as const) {
        const res = await staff.post(`/api/needs/${id}/stage`, { to });
        expect(res.statusCode, res.body).toBe(200);
      }
    },
  };
}
