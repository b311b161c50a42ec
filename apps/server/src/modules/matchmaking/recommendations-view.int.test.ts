import type { NeedRecommendations } from '@gaodi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';
import { reasonTerms } from './recommendation-relevance.ts';

type NeedRow = { id: string; title: string; stage: string; enterpriseName: string; description: string };

describe('recommendations as their users see them: confident matches, whole-term reasons, own rows', () => {
  let t: TestApp;
  let staff: Session;
  let needs: NeedRow[];
  const needOf = (title: string) => needs.find((n) => n.title === title) as NeedRow;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.login('jx_staff');
    needs = (await staff.get('/api/needs?pageSize=100')).json().items;
  });
  afterAll(() => t.close());

  it('reasons are whole terms of the need, never fragments or generic words', () => {
    const text = '研发高性能聚合物的连续聚合工艺，提升产品质量，实现技术升级';
    expect(
      reasonTerms(['#聚合', '聚合物', '开发', '提升', '实现', '技术', '连续聚合', '聚合', '涂料'], text),
    ).toEqual(['聚合物', '连续聚合']);
  });

  it('shows only the confident matches and says how many weak ones were left out', async () => {
    for (const need of needs.slice(0, 6)) {
      const res = await staff.get(`/api/needs/${need.id}/recommendations`);
      expect(res.statusCode, res.body).toBe(200);
      const recs = res.json() as NeedRecommendations;
      expect(recs.asked).toBe(10);
      expect(recs.institutes.length + recs.weakInstitutes).toBeLessThanOrEqual(10);
      expect(recs.institutes.length).toBeLessThan(10); // no padding with weak matches
      const best = recs.institutes[0]?.score ?? 0;
      for (const institute of recs.institutes) {
        expect(institute.score).toBeGreaterThanOrEqual(best * 0.2);
        expect(institute.terms.length).toBeGreaterThan(0);
        for (const term of institute.terms) {
          expect(term.startsWith('#')).toBe(false);
          expect(['开发', '提升', '实现', '技术']).not.toContain(term);
        }
      }
    }
  });

  it('an enterprise sees the recommendations of its own need, not of another enterprise’s', async () => {
    const hengxing = await t.login('hengxing');
    const own = needOf('高性能聚合物连续聚合工艺');
    const res = await hengxing.get(`/api/needs/${own.id}/recommendations`);
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as NeedRecommendations).institutes[0]?.name).toBe('山东大学');
    const other = needOf('变压器绝缘状态在线监测');
    expect((await hengxing.get(`/api/needs/${other.id}/recommendations`)).statusCode).toBe(404);
  });

  it('an institute partner sees only its own institute’s row, with why it was declined', async () => {
    const need = needOf('高性能聚合物连续聚合工艺');
    for (const to of ['reviewed', 'published']) {
      const moved = await staff.post(`/api/needs/${need.id}/stage`, { to });
      expect(moved.statusCode, moved.body).toBe(200);
    }
    const staffView = (
      await staff.get(`/api/needs/${need.id}/recommendations`)
    ).json() as NeedRecommendations;
    const sdu = staffView.institutes.find((i) => i.name === '山东大学');
    const rejected = await staff.post(`/api/needs/${need.id}/rejections`, {
      instituteId: sdu?.instituteId,
      reason: 'too_early',
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    const liaison = await t.login('sdu_liaison');
    const res = await liaison.get(`/api/needs/${need.id}/recommendations`);
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json() as NeedRecommendations;
    expect(view.institutes.map((i) => [i.name, i.status, i.rejectionReason])).toEqual([
      ['山东大学', 'rejected', 'too_early'],
    ]);
    expect(view.weakInstitutes).toBe(0);
    // Writing a rejection stays the office's.
    const own = await liaison.post(`/api/needs/${need.id}/rejections`, {
      instituteId: sdu?.instituteId,
      reason: 'other',
      note: '试图改写',
    });
    expect(own.statusCode).toBe(403);
  });
});
