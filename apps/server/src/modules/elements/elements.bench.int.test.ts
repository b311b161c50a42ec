import type { IndustryCard, PlatformPage } from '@gaodi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDay } from '../../platform/jobs/jobs.ts';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';
import { seedPlatformsAndTalents } from '../../test/platforms-seed.ts';

/** The short version of `npm run bench:platforms`: a tenth of the platforms, a fiftieth of the talents. */
let t: TestApp;
let leader: Session;

beforeAll(async () => {
  t = await createTestApp();
  const year = Number(chinaDay(t.clock.now()).slice(0, 4));
  await seedPlatformsAndTalents(t.db, { platforms: 200, years: 10, talents: 1000, year });
  leader = await t.login('jx_leader');
});
afterAll(() => t.close());

async function p95(url: string, runs = 15) {
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const res = await leader.get(url);
    expect(res.statusCode, res.body).toBe(200);
    xs.push(performance.now() - t0);
  }
  return xs.sort((a, b) => a - b)[Math.ceil(0.95 * runs) - 1] ?? 0;
}

describe('platform list and industry page at scale (short)', () => {
  it('answers the list and the industry page well under a second, with the operating count from evidence', async () => {
    const operating = (await leader.get('/api/platforms?isOperating=true')).json() as PlatformPage;
    // One seeded platform in three meets the criteria, plus the demo's six.
    expect(operating.total).toBe(6 + Math.floor(200 / 3));
    expect(await p95('/api/platforms?pageSize=20')).toBeLessThan(1000);
    const cards = (await leader.get('/api/elements/industries')).json() as IndustryCard[];
    const garlic = cards.find((c) => c.name === '大蒜及食品加工');
    expect(await p95(`/api/elements/industries/${garlic?.id}`, 8)).toBeLessThan(1500);
  });
});
