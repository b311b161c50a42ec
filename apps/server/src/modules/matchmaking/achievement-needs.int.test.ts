import type { Achievement, Need } from '@gaodi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MatchmakingTestbed, openMatchmakingTestbed } from './matchmaking.fixtures.ts';

// Issue 10: an institute partner asks "which local enterprises need this achievement?"
let bed: MatchmakingTestbed;
let need: Need;
beforeAll(async () => {
  bed = await openMatchmakingTestbed();
  need = await bed.createNeed(bed.staff, '大蒜深加工中蒜氨酸的高效提取与稳定化技术', {
    enterpriseId: bed.enterpriseId('金乡县蒜都食品有限公司'),
    keywords: ['蒜氨酸', '提取'],
  });
  await bed.publish(need.id);
});
afterAll(() => bed.t.close());

describe('achievement → needs', () => {
  it('finds the needs one achievement could answer; a partner asks for its own achievements only', async () => {
    const garlic = (
      await bed.staff.post('/api/achievements', {
        instituteId: bed.instituteId('山东大学'),
        title: '蒜氨酸高效提取与微胶囊稳定化技术',
        abstract: '以大蒜为原料提取蒜氨酸，并以微胶囊包埋提高其稳定性。',
        keywords: ['蒜氨酸', '大蒜', '稳定化'],
        trl: 6,
      })
    ).json() as Achievement;
    const welding = (
      await bed.staff.post('/api/achievements', {
        instituteId: bed.instituteId('江南大学'),
        title: '厚板激光焊接的变形控制方法',
        abstract: '激光焊接钢结构厚板时控制焊接变形与残余应力。',
        keywords: ['激光焊接', '焊接变形'],
        trl: 5,
      })
    ).json() as Achievement;
    type Found = { needs: { id: string; enterpriseName: string }[] };
    const forGarlic = (
      await bed.staff.get(`/api/achievements/${garlic.id}/need-recommendations`)
    ).json() as Found;
    expect(forGarlic.needs[0]?.id).toBe(need.id);
    expect(forGarlic.needs[0]?.enterpriseName).not.toBe('');
    const forWelding = (
      await bed.staff.get(`/api/achievements/${welding.id}/need-recommendations`)
    ).json() as Found;
    expect(forWelding.needs.map((n) => n.id)).not.toContain(need.id);
    const own = await bed.sdu.get(`/api/achievements/${garlic.id}/need-recommendations`);
    expect(own.statusCode, own.body).toBe(200);
    expect((own.json() as Found).needs.every((n) => n.enterpriseName === '')).toBe(true);
    expect((await bed.sdu.get(`/api/achievements/${welding.id}/need-recommendations`)).statusCode).toBe(404);
  });
});
