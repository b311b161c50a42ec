import type { IndustryCard, IndustryOverview, PlatformPage } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../platform/db/database.ts';
import { chinaDay } from '../../platform/jobs/jobs.ts';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';
import { countOperatingPlatforms } from '../innovation/index.ts';
import { countTalentFigures } from '../talent/index.ts';

let t: TestApp;
let leader: Session;
let year: number;

beforeAll(async () => {
  t = await createTestApp();
  year = Number(chinaDay(t.clock.now()).slice(0, 4));
  leader = await t.login('jx_leader');
});
afterAll(() => t.close());

const scope = { userId: null, role: 'leader', regionCodes: ['370828'] };

describe('the demo’s platforms and talents give the article’s figures for the clock’s year', () => {
  it('6 platforms in physical operation, 4 leading talents cultivated, 20 high-level talents gathered', async () => {
    const figures = await t.db.transaction(scope, async (tx) => ({
      operating: await countOperatingPlatforms(tx, year),
      ...(await countTalentFigures(tx, year)),
    }));
    expect(figures).toMatchObject({ operating: 6, leadingCultivated: 4, highLevelGathered: 20 });
    const list = (await leader.get('/api/platforms?isOperating=true&pageSize=200')).json() as PlatformPage;
    expect(list.total).toBe(6);
    expect(list.items.map((p) => p.name)).toContain('济宁智能制造产业技术研究院');
    const lastYear = await t.db.transaction(scope, (tx) => countTalentFigures(tx, year - 1));
    expect(lastYear.leadingCultivated).toBe(1); // 邓丽, selected the year before
  });

  it('counts nothing for the sibling county', async () => {
    const ws = { userId: null, role: 'staff', regionCodes: ['370830'] };
    const figures = await t.db.transaction(ws, async (tx) => ({
      operating: await countOperatingPlatforms(tx, year),
      ...(await countTalentFigures(tx, year)),
    }));
    expect(figures).toMatchObject({ operating: 0, leadingCultivated: 0, highLevelGathered: 0 });
  });
});

describe('the industry page (四要素)', () => {
  it('lists 大蒜及食品加工’s platforms, talents, projects, recruitment records and figures', async () => {
    const cards = (await leader.get('/api/elements/industries')).json() as IndustryCard[];
    const garlic = cards.find((c) => c.name === '大蒜及食品加工');
    expect(garlic?.isLeading).toBe(true);
    const res = await leader.get(`/api/elements/industries/${garlic?.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as IndustryOverview;
    expect(page.platforms.map((p) => p.name)).toContain('金乡大蒜深加工工程技术研究中心');
    expect(page.talents[0]).toMatchObject({ name: '李春华', isLeading: true });
    expect(page.figures.leadingTalentsCultivated).toBe(1);
    expect(page.figures.platforms).toBe(page.platforms.length);
    expect(page.figures.recruitmentRecords).toBe(page.recruitment.length);
    expect(page.figures.projects).toBe(page.projects.length);
    const recruitment = rowsOf<{ n: number }>(
      await t.db.owner.execute(
        sql`SELECT count(*)::int AS n FROM recruitment_records WHERE industry_id = ${garlic?.id ?? ''}`,
      ),
    )[0]?.n;
    expect(page.recruitment).toHaveLength(recruitment ?? -1);
  });

  it('is refused to roles without platform access and empty of other counties’ records', async () => {
    const auditor = await t.login('auditor');
    const cards = (await leader.get('/api/elements/industries')).json() as IndustryCard[];
    expect((await auditor.get(`/api/elements/industries/${cards[0]?.id}`)).statusCode).toBe(403);
    const ws = await t.login('ws_staff');
    expect((await ws.get(`/api/elements/industries/${cards[0]?.id}`)).statusCode).toBe(404);
  });
});
